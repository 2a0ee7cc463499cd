#!/usr/bin/env node
// Builds the static site from web/index.html, its style sheets, the page's script (web/main.js
// with every module it imports, the engine wrapper web/engine.js and the Emscripten glue
// included), the later script (web/later-entry.js: the other lessons' views and the Share panel)
// and the engine's WebAssembly module build/wasm/nlp_engine.wasm. Writes to dist/:
//
//   index.html                 the page, its CSS inline but for LATER_SHEETS (which nlp-later.js
//                              puts in empty <style> elements kept at their places in the
//                              cascade); loads the two scripts and the module
//                              beside it. Over http it fetches the module's first part, decodes
//                              and compiles it; from file:// or an opaque origin (a sandboxed
//                              iframe), where fetch() is refused, it loads nlp_engine.wasm.js
//                              (web/wasm-loader.js).
//   nlp-page.js                the page's script (a file, so that the browser compiles it while
//                              it downloads, off the main thread)
//   nlp-later.js               the later script, loaded once the first frame is drawn (web/later.js)
//   nlp_engine.first.wasm.lzma over http, the module without what only the analyses run
//   nlp_engine.later.wasm.lzma and that part, loaded with nlp-later.js (scripts/split-wasm.mjs,
//                              web/engine-later.js); both LZMA-compressed (packLzma)
//   nlp_engine.wasm            the whole module (what dist/engine.mjs loads)
//   nlp_engine.wasm.js         the module LZMA-compressed, in base64, as a classic script
//   nonlinear-playground.html  the single offline file: index.html with the compressed module
//                              and one script (the page's and the later parts, bundled
//                              together), LZMA-compressed too, inline; works alone, from file://
//                              and uploaded into an LMS
//
// The LZMA decoder, web/lzma-decode.c, is compiled here too (clang's wasm32 target), into
// build/web/lzma-decode.wasm; web/wasm-loader.js inlines it.
//
// Classic scripts because a page opened from file:// may not load module scripts (origin 'null',
// docs/toolchain.md). The later script reaches the modules the page's script already holds (i18n,
// keys, the common helpers...) through self.__nlpModules, which the page's script fills: one copy
// of each module, and of its state. What is loaded before the first frame, and the size budget:
// tests/node/size.test.mjs, bench/page.mjs.
//
//   node scripts/build-web.mjs            the real build (needs build/wasm/nlp_engine.{cjs,wasm})
//   --out DIR                             write to DIR instead of dist/
//   --no-minify                           readable script and CSS (for debugging)

import { build, transform } from 'esbuild';
import { minify as terser } from 'terser';
import { readFile, readdir, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMMON_OPTIONS, ROOT as root } from './esbuild-config.mjs';
import { splitModule } from './split-wasm.mjs';
import { LATER_ENTRIES, FIRST_ACTIVATIONS, FIRST_WASM, LATER_WASM } from '../web/engine-later.js';

const args = process.argv.slice(2);
const minify = !args.includes('--no-minify');
const outIdx = args.indexOf('--out');
const outDir = resolve(root, outIdx >= 0 ? args[outIdx + 1] : 'dist');

export const WASM = 'nlp_engine.wasm';
export const SINGLE_FILE = 'nonlinear-playground.html';
export const PAGE_SCRIPT = 'nlp-page.js';
export const LATER_SCRIPT = 'nlp-later.js';  // web/later.js loads it by this name
// Style sheets of what only the later script shows (the later lessons' views, the network
// diagrams' buttons and cards, the Share panel, the printed handout): over http and from file:// they come with it, each run of
// them into an empty <style id="nlp-later-style-N"> that holds its place among the page's sheets,
// so the cascade's order is the single file's
export const LATER_SHEETS = ['lessons.css', 'diagram.css', 'print.css', 'share.css'];
const LATER_STYLE_ID = 'nlp-later-style';

// The Emscripten glue as the page runs it: in a browser, never under Node (the glue is linked for
// both: dist/engine.mjs and the tests run it in Node). Its Node branch goes, 1.3 kB of script.
const GLUE_NODE_BRANCH = 'if(ENVIRONMENT_IS_NODE){';
const glueForThePage = {
  name: 'glue-for-the-page',
  setup(b) {
    b.onLoad({ filter: /nlp_engine\.cjs$/ }, async (args) => {
      const glue = await readFile(args.path, 'utf8');
      if (glue.split(GLUE_NODE_BRANCH).length !== 2) throw new Error(`${args.path}: not one "${GLUE_NODE_BRANCH}" (another Emscripten?): update glueForThePage`);
      return { contents: glue.replace(GLUE_NODE_BRANCH, 'if(false){'), loader: 'js' };
    });
  },
};

const SCRIPT_OPTIONS = { ...COMMON_OPTIONS, format: 'iife', platform: 'browser', write: false, minify, metafile: true,
  charset: 'utf8', // the Chinese strings as UTF-8 (3 bytes a character), not \uXXXX escapes (6)
  plugins: [glueForThePage] };

/**
 * The page's script and the later script. First the page's alone, to learn which modules it holds;
 * then the later script, every import of one of those modules turned into a read of
 * self.__nlpModules[path]; then the page's script again, with an entry that fills
 * self.__nlpModules with exactly those modules (their namespaces: live bindings), in a module of its
 * own that is evaluated before main.js.
 */
async function bundleScripts(laterCss) { // laterCss: { <style id>: css }
  const pageAlone = await build({ ...SCRIPT_OPTIONS, entryPoints: ['web/main.js'] });
  const inPage = new Set(Object.keys(pageAlone.metafile.inputs));
  const shared = new Map(); // path -> the names the later script imports from it ('*': all of them)
  const fromPage = {
    name: 'from-page',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData?.fromPage) return undefined;
        const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: { fromPage: true } });
        if (r.errors.length) return { errors: r.errors };
        const rel = relative(root, r.path).split('\\').join('/');
        if (!inPage.has(rel)) return { path: r.path };
        // a default import would get the namespace itself (esbuild's CommonJS interop): named only
        const esc = args.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const source = await readFile(args.importer, 'utf8');
        if (new RegExp(`^import\\s+[\\w$]+\\s*(,[^;]*)?from\\s+'${esc}'`, 'm').test(source)) {
          return { errors: [{ text: `${relative(root, args.importer)}: a default import of ${rel}, a module of the page's script: import it by name` }] };
        }
        // only what it imports is handed over, so the page's script may leave out the rest
        const names = shared.get(rel) ?? new Set();
        for (const m of source.matchAll(new RegExp(`^\\s*(?:import|export)\\s*(\\*(?:\\s+as\\s+[\\w$]+)?|\\{[^}]*\\})\\s*from\\s+(['"])${esc}\\2`, 'gm'))) {
          if (m[1].startsWith('*')) names.add('*');
          else for (const n of m[1].slice(1, -1).split(',')) if (n.trim()) names.add(n.trim().split(/\s+as\s+/)[0]);
        }
        if (names.size === 0) return { errors: [{ text: `${relative(root, args.importer)}: no import { ... } from '${args.path}' read: import a module of the page's script by name` }] };
        shared.set(rel, names);
        return { path: rel, namespace: 'page' };
      });
      b.onLoad({ filter: /.*/, namespace: 'page' }, (args) => ({ contents: `module.exports = self.__nlpModules[${JSON.stringify(args.path)}];`, loader: 'js' }));
    },
  };
  // its style sheets go in as the script ends, in the task that registers its parts: nothing of
  // it is drawn unstyled
  const later = await build({ ...SCRIPT_OPTIONS, entryPoints: ['web/later-entry.js'], plugins: [glueForThePage, fromPage],
    footer: { js: `(function(c){for(var i in c){var s=document.getElementById(i);if(s)s.textContent=c[i]}})(${JSON.stringify(laterCss)});` } });
  const list = [...shared.keys()].sort();
  // the modules handed over, in a module of their own imported before main.js: evaluated first;
  // each the names the later script imports, as getters (live bindings), or its namespace
  const exposeOne = (f, i) => {
    const names = [...shared.get(f)].sort();
    if (names.includes('*')) return { imports: `import * as m${i} from './${f}';`, value: `m${i}` };
    return { imports: `import { ${names.map((n, j) => `${n} as m${i}_${j}`).join(', ')} } from './${f}';`,
      value: `{ ${names.map((n, j) => `get ${n}() { return m${i}_${j}; }`).join(', ')} }` };
  };
  const exposed = list.map(exposeOne);
  const expose = `${exposed.map((e) => e.imports).join('\n')}
self.__nlpModules = { ${list.map((f, i) => `${JSON.stringify(f)}: ${exposed[i].value}`).join(', ')} };
`;
  const exposeFirst = {
    name: 'expose-first',
    setup(b) {
      b.onResolve({ filter: /^nlp:expose$/ }, () => ({ path: 'expose', namespace: 'expose' }));
      b.onLoad({ filter: /.*/, namespace: 'expose' }, () => ({ contents: expose, resolveDir: root, loader: 'js' }));
    },
  };
  const page = await build({ ...SCRIPT_OPTIONS, plugins: [glueForThePage, exposeFirst],
    stdin: { contents: "import 'nlp:expose';\nimport './web/main.js';\n", resolveDir: root, sourcefile: 'page-entry.js', loader: 'js' } });
  // the single file's one script: both entries in one bundle (no module handed over, all of it
  // tree-shaken); the later parts register themselves as it runs, before the engine is ready
  const both = await build({ ...SCRIPT_OPTIONS, stdin: { contents: "import './web/main.js';\nimport './web/later-entry.js';\n",
    resolveDir: root, sourcefile: 'single-entry.js', loader: 'js' } });
  const [p, l, s] = await Promise.all([page, later, both].map((r) => squeeze(r.outputFiles[0].text)));
  return { page: p, later: l, single: s };
}

/**
 * esbuild's minified script through terser as well: its compressor, two passes, folds what
 * esbuild leaves (constants and one-use functions inlined, dead branches, sequences) and its
 * mangler gives the most used names the shortest letters. The single file's script 95.8 -> 90.1 kB
 * LZMA, nlp-page.js 53.6 -> 50.4 kB gzip (bench/README.md). Property names are left alone: the
 * later script reads the page's modules by name, and the engine's API by name.
 */
async function squeeze(js) {
  if (!minify) return js;
  const out = await terser(js, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false, ascii_only: false } });
  return out.code;
}

/**
 * web/lzma-decode.c as a WebAssembly module of its own, with clang's wasm32 target and no C
 * library (clang and lld come with emscripten: scripts/setup.sh); also written to
 * build/web/lzma-decode.wasm, where the tests read it (tests/node/lzma.test.mjs).
 */
export const DECODER_WASM = join(root, 'build', 'web', 'lzma-decode.wasm');
function compileDecoder() {
  mkdirSync(dirname(DECODER_WASM), { recursive: true });
  try {
    execFileSync('clang', ['--target=wasm32', '-O2', '-fno-unroll-loops', '-nostdlib', '-Wall', '-Wextra',
      '-Wl,--no-entry', '-Wl,--export=__heap_base', '-Wl,--strip-all', '-o', DECODER_WASM, join(root, 'web', 'lzma-decode.c')],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    throw new Error(`web/lzma-decode.c: clang --target=wasm32 failed (${e.message})`);
  }
  return readFileSync(DECODER_WASM);
}

/**
 * `bytes` in the .lzma format with its size in the header, as web/lzma-decoder.js reads it: xz's
 * strongest preset (xz-utils, scripts/setup.sh), which writes "size unknown" and an end marker;
 * the size goes into the header so the decoder allocates the output once.
 */
function packLzma(bytes) {
  let out;
  try {
    out = execFileSync('xz', ['--format=lzma', '-9e', '--stdout'], { input: bytes, maxBuffer: 1 << 28 });
  } catch (e) {
    throw new Error(`xz --format=lzma failed (${e.message}): install xz-utils (scripts/setup.sh does)`);
  }
  out.writeBigUInt64LE(BigInt(bytes.length), 5);
  return out;
}

/** Inside an inline <script>, "</script" (any case) would end the element early and "<!--" could
 * start script-data escaping: break both up (valid JS in strings and regexps). */
const inlineSafe = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

async function main() {
  for (const f of ['nlp_engine.cjs', WASM, 'nlp_engine.cjs.symbols']) {
    if (!existsSync(join(root, 'build', 'wasm', f))) throw new Error(`build/wasm/${f} is missing: build the engine first (npm run build)`);
  }
  // styles.css first, then lessons.css (the later lessons' part of it), then the other style
  // sheets of web/ (one per concern), in name order: in runs, each a <style> of the page's or an
  // empty one for a run of LATER_SHEETS
  const FIRST_SHEETS = ['styles.css', 'lessons.css'];
  const sheets = [...FIRST_SHEETS, ...(await readdir(join(root, 'web'))).filter((f) => f.endsWith('.css') && !FIRST_SHEETS.includes(f)).sort()];
  if (LATER_SHEETS.some((f) => !sheets.includes(f))) throw new Error(`web/: ${LATER_SHEETS.join(', ')} must exist`);
  const cssOf = async (files) => {
    const text = (await Promise.all(files.map((f) => readFile(join(root, 'web', f), 'utf8')))).join('\n');
    return minify ? (await transform(text, { loader: 'css', minify: true, target: ['chrome90', 'firefox90', 'safari15'] })).code : text;
  };
  const runs = [];
  for (const f of sheets) {
    const later = LATER_SHEETS.includes(f);
    if (runs.at(-1)?.later === later) runs.at(-1).files.push(f);
    else runs.push({ later, files: [f], id: later ? `${LATER_STYLE_ID}-${runs.filter((r) => r.later).length + 1}` : null });
  }
  for (const r of runs) r.css = await cssOf(r.files);
  const cssAll = runs.map((r) => r.css).join('\n'); // the single file's: every run, in order
  const laterCss = Object.fromEntries(runs.filter((r) => r.later).map((r) => [r.id, r.css]));
  const pageStyles = runs.map((r) => (r.later ? `<style id="${r.id}"></style>` : `<style>\n${r.css}</style>`)).join('');
  // Options shared with dist/engine.mjs: scripts/esbuild-config.mjs.
  const { page: js, later: laterJs, single: singleJs } = await bundleScripts(laterCss);
  // the loader with the LZMA decoder it imports (web/lzma-decoder.js, and web/lzma-decode.c
  // compiled, as 'nlp:lzma-decoder': its base64, which the loader decodes as it does the module's),
  // one classic script
  const decoderWasm = compileDecoder();
  const lzmaDecoder = {
    name: 'lzma-decoder',
    setup(b) {
      b.onResolve({ filter: /^nlp:lzma-decoder$/ }, () => ({ path: 'lzma-decode.wasm', namespace: 'lzma-decoder' }));
      b.onLoad({ filter: /.*/, namespace: 'lzma-decoder' }, () => ({ contents: decoderWasm, loader: 'base64' }));
    },
  };
  const loaderFor = async (single) => (await build({ ...COMMON_OPTIONS, entryPoints: ['web/wasm-loader.js'], format: 'iife',
    platform: 'browser', write: false, minify, target: 'es2017', plugins: [lzmaDecoder],
    define: { ...COMMON_OPTIONS.define, SINGLE_FILE: String(single) } })).outputFiles[0].text.trim();
  const loader = await loaderFor(false), singleLoader = await loaderFor(true);

  // The module LZMA-compressed (web/lzma-decoder.js decodes it), and that in base64 where it goes into a
  // script: base64 of the raw bytes would gzip to about 1.4x the gzipped module, base64 of
  // compressed bytes gzips to about 1.0x them, and LZMA packs the module 22 % smaller than gzip -9
  // (docs/toolchain.md).
  const wasm = await readFile(join(root, 'build', 'wasm', WASM));
  const packed = packLzma(wasm).toString('base64');
  // Over http, the module in two (web/engine-later.js): the later part comes with nlp-later.js
  const split = splitModule({ wasmPath: join(root, 'build', 'wasm', WASM), symbolsPath: join(root, 'build', 'wasm', 'nlp_engine.cjs.symbols'),
    bindingsPath: join(root, 'engine', 'bindings', 'bindings.cpp'), entries: LATER_ENTRIES,
    activationHeader: join(root, 'engine', 'activation.h'), firstActivations: FIRST_ACTIVATIONS });

  const html = await readFile(join(root, 'web', 'index.html'), 'utf8');
  const page = (loaderScripts, csp, styles, scripts) => {
    const out = html
      .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
      .replace('<!--WASM-->', () => loaderScripts)
      .replace('<!--STYLE-->', () => styles)
      .replace('<!--SCRIPT-->', () => scripts);
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
  // the page's script names itself if it cannot load (its own messages are inside it)
  const missing = `${PAGE_SCRIPT} did not load: keep it beside index.html, or use nonlinear-playground.html (one file). ` +
    `${PAGE_SCRIPT} 没能加载：请把它和 index.html 放在同一个文件夹里，或者改用单文件版 nonlinear-playground.html。`;
  const onerror = `var l=document.getElementById('loading');l.className='loading error';l.textContent=${JSON.stringify(missing).replace(/"/g, "'")}`;
  const index = page(loaderScript, csp, pageStyles, `<script src="${PAGE_SCRIPT}" onerror="${onerror}"></script>`);
  // its script LZMA-compressed too, in base64 (the loader unpacks it and runs it as an inline
  // script): 12 kB less than the script itself gzipped, and 130 kB less before any compression
  const singlePacked = packLzma(Buffer.from(singleJs, 'utf8')).toString('base64');
  const single = page(`<script>self.__nlpWasmInline=${JSON.stringify(packed)}</script><script>${inlineSafe(singleLoader)}</script>`, cspAlone,
    `<style>\n${cssAll}</style>`, `<script>__nlpScriptInline(${JSON.stringify(singlePacked)})</script>`);

  await mkdir(outDir, { recursive: true });
  const written = [
    ['index.html', index],
    [SINGLE_FILE, single],
    [`${WASM}.js`, `__nlpWasmScript(${JSON.stringify(packed)});\n`],
    [PAGE_SCRIPT, js],
    [LATER_SCRIPT, laterJs],
  ];
  for (const [name, text] of written) await writeFile(join(outDir, name), text);
  await copyFile(join(root, 'build', 'wasm', WASM), join(outDir, WASM));
  const first = packLzma(split.first), later = packLzma(split.later);
  await writeFile(join(outDir, FIRST_WASM), first);
  await writeFile(join(outDir, LATER_WASM), later);
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  const gz = (s) => gzipSync(s, { level: 9 }).length;
  console.log(`wrote ${outDir}/: index.html ${kb(Buffer.byteLength(index))} (gzip ${kb(gz(index))}), ${PAGE_SCRIPT} ${kb(Buffer.byteLength(js))} ` +
    `(gzip ${kb(gz(js))}), ${LATER_SCRIPT} ${kb(Buffer.byteLength(laterJs))} (gzip ${kb(gz(laterJs))}), ${WASM} ${kb(wasm.length)} ` +
    `(gzip ${kb(gz(wasm))}, LZMA ${kb(packed.length * 3 / 4)}; over http ${FIRST_WASM} ${kb(first.length)}, ${split.kept} of its ${split.functions} functions, ` +
    `then ${LATER_WASM} ${kb(later.length)}), ${WASM}.js, ${SINGLE_FILE} ${kb(Buffer.byteLength(single))} (gzip ${kb(gz(single))})`);
}

main().catch((err) => {
  console.error(`build-web: ${err.message}`);
  process.exit(1);
});
