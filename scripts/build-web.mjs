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
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COMMON_OPTIONS, ROOT as root } from './esbuild-config.mjs';

const args = process.argv.slice(2);
const minify = args.includes('--minify');
const outIdx = args.indexOf('--out');
const outDir = resolve(root, outIdx >= 0 ? args[outIdx + 1] : 'dist');

async function main() {
  if (!existsSync(join(root, 'build', 'wasm', 'nlp_engine.cjs'))) {
    throw new Error('build/wasm/nlp_engine.cjs is missing: build the engine first (npm run build)');
  }
  // Options shared with dist/engine.mjs: scripts/esbuild-config.mjs.
  const result = await build({
    ...COMMON_OPTIONS,
    entryPoints: ['web/main.js'],
    format: 'iife',
    platform: 'browser',
    write: false,
    minify,
  });
  const js = result.outputFiles[0].text;
  // styles.css first, then the other style sheets of web/ (one per concern), in name order
  const sheets = ['styles.css', ...(await readdir(join(root, 'web'))).filter((f) => f.endsWith('.css') && f !== 'styles.css').sort()];
  const css = (await Promise.all(sheets.map((f) => readFile(join(root, 'web', f), 'utf8')))).join('\n');
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
