// Entry of the engine's worker thread (thread.ts). chemreg runs its TypeScript through tsx without a build step, and a
// worker does not inherit the loader its process registered, so this registers it before loading the engine.
import { register } from 'tsx/esm/api';

register();
await import('./thread-worker.ts');
