#!/usr/bin/env node
// Builds the static site: dist/index.html, one file holding the page, its CSS, and every module
// (web/main.js and its imports, the engine wrapper web/engine.js and the Emscripten glue with
// its embedded .wasm) inlined as one classic <script>. One file because a page opened from
// file:// may not load module scripts or other files (origin 'null').
//
//   node scripts/build-web.mjs            the real build (needs build/wasm/nlp_engine.cjs)
//   --out DIR                             write DIR/index.html instead of dist/index.html
//   --minify                              minify the script

import { build } from 'esbuild';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const minify = args.includes('--minify');
const outIdx = args.indexOf('--out');
const outDir = resolve(root, outIdx >= 0 ? args[outIdx + 1] : 'dist');

// Node built-ins the Emscripten glue and the wrapper only reach when running under Node.
const NODE_BUILTINS = ['fs', 'path', 'crypto', 'url', 'module', 'worker_threads', 'child_process', 'os', 'util',
  'perf_hooks', 'vm'];

async function main() {
  if (!existsSync(join(root, 'build', 'wasm', 'nlp_engine.cjs'))) {
    throw new Error('build/wasm/nlp_engine.cjs is missing: build the engine first (npm run build)');
  }
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['web/main.js'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    external: [...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `node:${m}`)],
    write: false,
    minify,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const js = result.outputFiles[0].text;
  const css = await readFile(join(root, 'web', 'styles.css'), 'utf8');
  const html = await readFile(join(root, 'web', 'index.html'), 'utf8');
  // Inside an inline <script>, the text "</script" (any case) would end the element early, and
  // "<!--" could start script-data escaping: break both up (valid JS in strings and regexps).
  const safeJs = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const out = html
    .replace('<!--STYLE-->', () => `<style>\n${css}</style>`)
    .replace('<!--SCRIPT-->', () => `<script>\n${safeJs}</script>`);
  if (out.includes('<!--STYLE-->') || out.includes('<!--SCRIPT-->')) throw new Error('template placeholders not replaced');
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'index.html');
  await writeFile(file, out);
  const kb = (Buffer.byteLength(out) / 1024).toFixed(0);
  console.log(`wrote ${file} (${kb} KiB)`);
}

main().catch((err) => {
  console.error(`build-web: ${err.message}`);
  process.exit(1);
});
