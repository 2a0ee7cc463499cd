#!/usr/bin/env node
// Builds dist/engine.mjs, the package's entry ("exports" in package.json): web/engine.js and the
// Emscripten glue (with its embedded .wasm) as one ES module that runs in Node 20 and in browsers.
// Under Node the glue wants CommonJS's `require` and `__dirname`; the banner supplies both, only
// when running under Node, so the same file imports cleanly in a browser. Options shared with the
// page's bundle: scripts/esbuild-config.mjs.
import { build } from 'esbuild';
import { COMMON_OPTIONS } from './esbuild-config.mjs';

const banner = `const __nlpNode = typeof process === 'object' && !!(process.versions && process.versions.node);
const require = __nlpNode ? (await import('node:module')).createRequire(import.meta.url) : undefined;
const __dirname = __nlpNode ? (await import('node:path')).dirname((await import('node:url')).fileURLToPath(import.meta.url)) : '/';
const __filename = __dirname;`;

await build({
  ...COMMON_OPTIONS,
  entryPoints: ['web/engine.js'],
  outfile: 'dist/engine.mjs',
  format: 'esm',
  platform: 'neutral',
  banner: { js: banner },
});
console.log('build: dist/engine.mjs');
