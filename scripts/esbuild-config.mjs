// The esbuild options shared by the two bundles, so that they cannot drift apart:
// dist/engine.mjs (scripts/build-engine-entry.mjs, the package entry: an ES module for Node 20 and
// browsers) and the page (scripts/build-web.mjs: one classic script inlined into dist/index.html
// and dist/nonlinear-playground.html, which work from file://). Each build adds only its entry,
// format, platform and output.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Node built-ins the Emscripten glue and the wrapper reach only when running under Node: never
// bundled (a browser never loads them), left as imports/requires for Node to resolve.
export const NODE_BUILTINS = ['fs', 'path', 'crypto', 'url', 'module', 'worker_threads', 'child_process', 'os',
  'util', 'perf_hooks', 'vm'];

/** Options every bundle uses; spread them first, then add the bundle's own. */
export const COMMON_OPTIONS = Object.freeze({
  absWorkingDir: ROOT,
  bundle: true,
  target: ['es2020'],
  external: [...NODE_BUILTINS, 'node:*'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
});
