// Starts a document-reading worker thread (reading-worker.ts). Worker threads do not inherit
// tsx's TypeScript loader, so this plain module registers it for the worker and imports the real one.
import { tsImport } from 'tsx/esm/api';

await tsImport('./reading-worker.ts', import.meta.url);
