#!/usr/bin/env node
// Runs the TypeScript command line in place, so a fresh checkout needs no build step.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig, not whichever one is in the caller's working directory. It extends the
// one `wxt prepare` writes on install; without that, compile with tsx's defaults.
const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
const prepared = existsSync(fileURLToPath(new URL('../.wxt/tsconfig.json', import.meta.url)));
register({ tsconfig: prepared ? tsconfig : false });
await import('../cli/gloss.ts');
