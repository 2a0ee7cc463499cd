#!/usr/bin/env node
// Builds dist/engine.mjs, the package's entry ("exports" in package.json): web/engine.js and the
// Emscripten glue as one ES module that runs in Node 20 and in browsers, and copies the engine's
// WebAssembly module beside it (dist/nlp_engine.wasm), where the glue finds it
// (engine/bindings/wasm-source.js): under Node it reads the file next to the bundle, in a browser
// it fetches the URL resolved against import.meta.url.
// Under Node the glue wants CommonJS's `require` and `__dirname`; the banner supplies both, only
// when running under Node, so the same file imports cleanly in a browser. Options shared with the
// page's bundle: scripts/esbuild-config.mjs.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_OPTIONS, ROOT } from './esbuild-config.mjs';

const banner = `const __nlpNode = typeof process === 'object' && !!(process.versions && process.versions.node);
const require = __nlpNode ? (await import('node:module')).createRequire(import.meta.url) : undefined;
const __dirname = __nlpNode ? (await import('node:path')).dirname((await import('node:url')).fileURLToPath(import.meta.url)) : '/';
const __filename = __dirname;
const __nlpWasmURL = new URL('./nlp_engine.wasm', import.meta.url).href;`;

await build({
  ...COMMON_OPTIONS,
  entryPoints: ['web/engine.js'],
  outfile: 'dist/engine.mjs',
  format: 'esm',
  platform: 'neutral',
  banner: { js: banner },
});
mkdirSync(join(ROOT, 'dist'), { recursive: true });
copyFileSync(join(ROOT, 'build', 'wasm', 'nlp_engine.wasm'), join(ROOT, 'dist', 'nlp_engine.wasm'));
console.log('build: dist/engine.mjs, dist/nlp_engine.wasm');
