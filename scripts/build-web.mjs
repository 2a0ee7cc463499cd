#!/usr/bin/env node
// Builds the static site from web/index.html, its style sheets, web/main.js with every module it
// imports (the engine wrapper web/engine.js and the Emscripten glue included) and the engine's
// WebAssembly module build/wasm/nlp_engine.wasm. Writes to dist/:
//
//   index.html                 the page: CSS and one minified classic script inline; the module
//                              stays beside it. Over http the page fetches and compiles it while
//                              it streams in; from file:// or an opaque origin (a sandboxed
//                              iframe), where fetch() is refused, it loads nlp_engine.wasm.js
//                              (web/wasm-loader.js).
//   nlp_engine.wasm            the module (also what dist/engine.mjs loads)
//   nlp_engine.wasm.js         the module gzip-compressed, in base64, as a classic script
//   nonlinear-playground.html  the single offline file: index.html with the compressed module
//                              inline; works alone, from file:// and uploaded into an LMS
//
// Classic scripts because a page opened from file:// may not load module scripts (origin 'null',
// docs/toolchain.md). What is loaded before the first frame, and the size budget:
// tests/node/size.test.mjs, bench/page.mjs.
//
//   node scripts/build-web.mjs            the real build (needs build/wasm/nlp_engine.{cjs,wasm})
//   --out DIR                             write to DIR instead of dist/
//   --no-minify                           readable script and CSS (for debugging)

import { build, transform } from 'esbuild';
import { readFile, readdir, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMMON_OPTIONS, ROOT as root } from './esbuild-config.mjs';

const args = process.argv.slice(2);
const minify = !args.includes('--no-minify');
const outIdx = args.indexOf('--out');
const outDir = resolve(root, outIdx >= 0 ? args[outIdx + 1] : 'dist');

export const WASM = 'nlp_engine.wasm';
export const SINGLE_FILE = 'nonlinear-playground.html';

/** Inside an inline <script>, "</script" (any case) would end the element early and "<!--" could
 * start script-data escaping: break both up (valid JS in strings and regexps). */
const inlineSafe = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

async function main() {
  for (const f of ['nlp_engine.cjs', WASM]) {
    if (!existsSync(join(root, 'build', 'wasm', f))) throw new Error(`build/wasm/${f} is missing: build the engine first (npm run build)`);
  }
  // Options shared with dist/engine.mjs: scripts/esbuild-config.mjs.
  const result = await build({
    ...COMMON_OPTIONS,
    entryPoints: ['web/main.js'],
    format: 'iife',
    platform: 'browser',
    write: false,
    minify,
    charset: 'utf8',  // the Chinese strings as UTF-8 (3 bytes a character), not \uXXXX escapes (6)
  });
  const js = result.outputFiles[0].text;
  // styles.css first, then the other style sheets of web/ (one per concern), in name order
  const sheets = ['styles.css', ...(await readdir(join(root, 'web'))).filter((f) => f.endsWith('.css') && f !== 'styles.css').sort()];
  const cssText = (await Promise.all(sheets.map((f) => readFile(join(root, 'web', f), 'utf8')))).join('\n');
  const css = minify ? (await transform(cssText, { loader: 'css', minify: true, target: ['chrome90', 'firefox90', 'safari15'] })).code : cssText;
  const loader = (await transform(await readFile(join(root, 'web', 'wasm-loader.js'), 'utf8'), { minify, target: 'es2017' })).code.trim();

  // The module, and the module gzip-compressed in base64 (the browser inflates it with
  // DecompressionStream): base64 of the raw bytes would gzip to about 1.4x the compressed module.
  const wasm = await readFile(join(root, 'build', 'wasm', WASM));
  const packed = gzipSync(wasm, { level: 9 }).toString('base64');

  const html = await readFile(join(root, 'web', 'index.html'), 'utf8');
  const page = (loaderScripts, csp) => {
    const out = html
      .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
      .replace('<!--WASM-->', () => loaderScripts)
      .replace('<!--STYLE-->', () => `<style>\n${css}</style>`)
      .replace('<!--SCRIPT-->', () => `<script>\n${inlineSafe(js)}</script>`);
    if (/<!--(WASM|STYLE|SCRIPT)-->/.test(out)) throw new Error('template placeholders not replaced');
    return out;
  };
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  if (!csp || !csp.includes("script-src 'self'") || !csp.includes("connect-src 'self'")) {
    throw new Error("web/index.html: its Content-Security-Policy must allow script-src 'self' and connect-src 'self' (the module beside it)");
  }
  // The single file loads nothing: no script and no connection of its own origin either.
  const cspAlone = csp.replace("script-src 'self' ", 'script-src ').replace("connect-src 'self'", "connect-src 'none'");
  const loaderScript = `<script>${inlineSafe(loader)}</script>`;
  const index = page(loaderScript, csp);
  const single = page(`<script>self.__nlpWasmInline=${JSON.stringify(packed)}</script>${loaderScript}`, cspAlone);

  await mkdir(outDir, { recursive: true });
  const written = [
    ['index.html', index],
    [SINGLE_FILE, single],
    [`${WASM}.js`, `__nlpWasmScript(${JSON.stringify(packed)});\n`],
  ];
  for (const [name, text] of written) await writeFile(join(outDir, name), text);
  await copyFile(join(root, 'build', 'wasm', WASM), join(outDir, WASM));
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  const gz = (s) => gzipSync(s, { level: 9 }).length;
  console.log(`wrote ${outDir}/: index.html ${kb(Buffer.byteLength(index))} (gzip ${kb(gz(index))}), ${WASM} ${kb(wasm.length)} ` +
    `(gzip ${kb(gz(wasm))}), ${WASM}.js, ${SINGLE_FILE} ${kb(Buffer.byteLength(single))} (gzip ${kb(gz(single))})`);
}

main().catch((err) => {
  console.error(`build-web: ${err.message}`);
  process.exit(1);
});
