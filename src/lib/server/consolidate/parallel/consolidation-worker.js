// A worker thread does not inherit the TypeScript loader its parent registered (bin/tadata.js,
// tsx, the test runner): register it here, then load the worker's TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./consolidation-worker.ts');
