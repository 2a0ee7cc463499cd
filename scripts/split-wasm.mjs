// Splits the engine's module in two for the page over http (web/engine-later.js): a first module
// with everything but the code that only LATER_ENTRIES reach, and a later module with that code,
// which fills the first one's table slots when it is instantiated against it. binaryen's
// wasm-split does the splitting; which functions stay is decided here, from the module itself:
//   - the call graph (wasm-opt --print-call-graph: direct calls, exports, the table's functions);
//   - the link's symbol map (build/wasm/nlp_engine.cjs.symbols, emcc --emit-symbol-map), which
//     names each function, and engine/bindings/bindings.cpp, which says which C++ function each JS
//     entry is (def<&least_squares>("leastSquares")): each entry is a Safe<> wrapper in the table,
//     which Embind calls through call_indirect;
//   - kept: every export and every table function but those entries' wrappers, and everything
//     they call directly. An indirect call can reach any table function, and all of them but the
//     entries are kept, so the first module runs everything but the entries on its own; each
//     entry's slot holds a placeholder until the later module is in (web/engine.js never lets a
//     call reach one);
//   - the per-kind functions of the activations not in FIRST_ACTIVATIONS go too (PER_KIND below:
//     the kernels' passes and the derivative's Eigen path, each reached through a table indexed
//     by ActivationKind): web/engine.js creates no network with those activations until the
//     later module is in.
// Fails, naming what it did not find, when the bindings, the symbol map and the module disagree.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The functions the engine reaches through a table per ActivationKind ({k}: the kind's number):
// the kernels' forward and backward passes (engine/kernels.cpp) and the Eigen path's derivative
// (engine/activation.cpp, Activation::backward<float>)
const PER_KIND = [
  'void nlp::kernels::(anonymous namespace)::dense_forward_as<(nlp::ActivationKind){k}>(',
  'void nlp::kernels::(anonymous namespace)::dense_backward_input_as<(nlp::ActivationKind){k}>(',
  'void nlp::(anonymous namespace)::backward_as<(nlp::ActivationKind){k}, float>(',
];

// The symbol map writes these characters of C++ names escaped (\28 for "(" ...)
const unescape = (s) => s.replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));

/** JS entry name -> the C++ function it binds ('leastSquares' -> 'least_squares', 'collapse' -> 'NetHandle::collapse'). */
export function boundNames(bindingsSource) {
  const names = new Map();
  for (const m of bindingsSource.replace(/\/\/.*$/gm, '').matchAll(/\bdef(?:_method|_static)?<&([\w:]+)>\((?:\w+,\s*)?"(\w+)"/g)) names.set(m[2], m[1]);
  return names;
}

/**
 * { first, later } (Buffers) from the module at wasmPath; entries: { functions, netMethods } of
 * JS names, firstActivations: the activations whose kernels stay (web/engine-later.js);
 * activationHeader: engine/activation.h, whose ActivationKind numbers the kernels.
 */
export function splitModule({ wasmPath, symbolsPath, bindingsPath, entries, activationHeader, firstActivations }) {
  const dot = execFileSync('wasm-opt', [wasmPath, '--all-features', '--print-call-graph', '-o', '/dev/null'],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  // binaryen names an unnamed module's imported functions fimport$i and its own ones by their
  // index among its own; the symbol map counts the imports first
  const imports = [...dot.matchAll(/^ {2}"fimport\$\d+" \[/gm)].length;
  const symbols = new Map();
  for (const line of readFileSync(symbolsPath, 'utf8').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) symbols.set(Number(line.slice(0, colon)) - imports, unescape(line.slice(colon + 1)));
  }
  const calls = new Map(), roots = new Set(), table = [], all = new Set(); // table: each function once
  for (const m of dot.matchAll(/^ {2}"(\d+)" -> "(\d+)"; \/\/ call$/gm)) {
    if (!calls.has(m[1])) calls.set(m[1], []);
    calls.get(m[1]).push(m[2]);
  }
  for (const m of dot.matchAll(/^ {2}"(\d+)" \[style="filled", fillcolor="(\w+)"\];$/gm)) {
    all.add(m[1]);
    if (m[2] === 'gray') roots.add(m[1]); // exported
  }
  // a function in several slots of the table is listed once per slot (binaryen merges identical
  // functions: the kernels of several activations may be one)
  const slots = new Map();
  for (const m of dot.matchAll(/^ {2}"(\d+)" \[style="filled, rounded"\];$/gm)) {
    all.add(m[1]);
    if (!slots.has(m[1])) table.push(m[1]);
    slots.set(m[1], (slots.get(m[1]) ?? 0) + 1);
  }
  if (all.size === 0 || table.length === 0 || symbols.size !== imports + all.size) {
    throw new Error(`split-wasm: ${wasmPath} and ${symbolsPath} do not match (${all.size} functions, ${table.length} in the table, ${symbols.size} symbols): rebuild (npm run build)`);
  }

  const bound = boundNames(readFileSync(bindingsPath, 'utf8'));
  const wrapper = (cpp) => `(anonymous namespace)::Safe<&((anonymous namespace)::${cpp}(`;
  const later = new Set();
  for (const name of [...entries.functions, ...entries.netMethods]) {
    const cpp = bound.get(name);
    if (!cpp) throw new Error(`split-wasm: ${bindingsPath} binds no entry "${name}"`);
    const found = table.filter((f) => symbols.get(Number(f))?.startsWith(wrapper(cpp)));
    if (found.length !== 1) throw new Error(`split-wasm: ${found.length} functions in the table wrap ${cpp} (${name}) in ${wasmPath}, not 1`);
    // one slot: a wrapper merged with another entry's would take that entry's slot along, unguarded
    if (slots.get(found[0]) !== 1) throw new Error(`split-wasm: the wrapper of ${name} fills ${slots.get(found[0])} table slots, not 1 (merged with another entry's?)`);
    later.add(found[0]);
  }
  // the kernels of the later activations: ActivationKind's order, names as the engine's without "_"
  const kinds = /enum class ActivationKind \{([^}]*)\}/.exec(readFileSync(activationHeader, 'utf8'))?.[1].split(',').map((k) => k.trim().toLowerCase());
  if (!kinds) throw new Error(`split-wasm: no enum class ActivationKind in ${activationHeader}`);
  const first = firstActivations.map((a) => a.replace(/_/g, ''));
  for (const a of first) if (!kinds.includes(a)) throw new Error(`split-wasm: ${a} is no ActivationKind of ${activationHeader}`);
  // binaryen merges identical functions, under one of their names: a later kind without a function
  // of its own shares one, which goes if it is a later kind's and stays if it is a first kind's;
  // each first kind must have its own, or it might share one that goes
  kinds.forEach((kind, k) => {
    for (const family of PER_KIND) {
      const name = family.replace('{k}', k);
      const found = table.filter((f) => symbols.get(Number(f))?.startsWith(name));
      if (found.length > 1 || (first.includes(kind) && found.length !== 1))
        throw new Error(`split-wasm: ${found.length} functions in the table are ${name}...) (${kind}: the per-kind tables of engine/kernels.cpp and engine/activation.cpp)`);
      if (!first.includes(kind) && found.length === 1) later.add(found[0]);
    }
  });
  for (const f of table) if (!later.has(f)) roots.add(f);
  const keep = new Set();
  for (const stack = [...roots]; stack.length > 0;) {
    const f = stack.pop();
    if (keep.has(f)) continue;
    keep.add(f);
    for (const g of calls.get(f) ?? []) stack.push(g);
  }
  for (const f of later) if (keep.has(f)) throw new Error(`split-wasm: ${symbols.get(Number(f))} is called directly: it cannot wait`);

  const dir = mkdtempSync(join(tmpdir(), 'nlp-split-'));
  try {
    writeFileSync(join(dir, 'keep'), [...keep].join('\n'));
    execFileSync('wasm-split', [wasmPath, '--all-features', `--keep-funcs=@${join(dir, 'keep')}`,
      '-o1', join(dir, 'first.wasm'), '-o2', join(dir, 'later.wasm'),
      '--import-namespace=primary', '--placeholder-namespace=placeholder'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const firstModule = readFileSync(join(dir, 'first.wasm'));
    const laterModule = readFileSync(join(dir, 'later.wasm'));
    // the entries' and the kernels' slots, and only they, wait for the later module
    const placeholders = WebAssembly.Module.imports(new WebAssembly.Module(firstModule)).filter((i) => i.module === 'placeholder').length;
    const laterSlots = [...later].reduce((n, f) => n + slots.get(f), 0);
    if (placeholders !== laterSlots) throw new Error(`split-wasm: the first module has ${placeholders} placeholders for the ${laterSlots} table slots of the entries and kernels`);
    return { first: firstModule, later: laterModule, functions: all.size, kept: keep.size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
