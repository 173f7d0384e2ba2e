// Entry of every extraction worker thread (see extraction-pool.ts). chemreg runs its TypeScript through tsx
// without a build step, and a worker thread does not get the parent's loader hooks for its own entry module,
// so this plain-JavaScript file registers tsx in the worker and then imports the TypeScript entry it was given.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
