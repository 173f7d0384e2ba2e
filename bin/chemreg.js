#!/usr/bin/env node
// The `chemreg` command. The project runs its TypeScript directly through tsx (no build step),
// so this shim registers the loader and hands over to src/cli.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
