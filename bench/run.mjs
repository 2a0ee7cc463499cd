#!/usr/bin/env node
// Training-speed benchmark: the same workloads on several engines, in one run.
//
//   node bench/run.mjs                      all engines, all workloads, full protocol
//   node bench/run.mjs --quick              smoke test: 0.3 s runs, 1 repetition, short warm-up
//   node bench/run.mjs --only=plainjs,tfjs-cpu --workloads=W1,W4a
//   options: --seconds=S --repeat=R --warmup=S (override the protocol), --out=FILE
//   engines: plainjs tfjs-cpu tfjs-wasm brainjs convnetjs ours-wasm native (extra: plainjs-fasttanh)
//   node bench/run.mjs --no-page           the engines only; --page-only: the page's figures only
//
// Engines are loaded first, then each workload is run on every engine.
// Protocol per engine and workload: fresh net with the shared initial weights; loss before;
// CHECK_EPOCHS epochs of training -> loss@5 (comparable across engines); warm-up (>= 1 s);
// then `repeat` timed runs, each counting whole epochs (or grids) until >= `seconds` have
// elapsed (the runs of the engines interleaved round-robin); the reported rate is the median
// of the runs; loss after all training.
// Then the page's figures in headless Chromium (bench/page.mjs): bytes over http before the first
// frame and of the single offline file, time to the first drawn heatmap over http and from
// file://, frames per second at two settings, beside TensorFlow Playground's; and a summary with
// the engine's ratios. It prints; it never fails on a time.
// See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePage, pageReport, ANCHOR } from './page.mjs';
import {
  WORKLOADS, WEIGHT_SEED, ORDER_SEED, initWeights, cloneWeights, trainingSet, grid, mseHalf,
} from './data.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
// the default set, in run order; EXTRA engines run only when named with --only
const ENGINES = ['plainjs', 'tfjs-cpu', 'tfjs-wasm', 'brainjs', 'convnetjs', 'ours-wasm', 'native'];
const EXTRA_ENGINES = ['plainjs-fasttanh'];
const ALL_ENGINES = ['plainjs', 'plainjs-fasttanh', ...ENGINES.slice(1)];
const FLOOR = 'plainjs';
const CHECK_EPOCHS_FULL = 5, CHECK_EPOCHS_QUICK = 1;
let CHECK_EPOCHS = CHECK_EPOCHS_FULL;

// ---------------------------------------------------------------- arguments
class UsageError extends Error { get usage() { return true; } }

function parseArgs(argv) {
  const a = { quick: false, only: null, workloads: null, seconds: null, repeat: null, warmup: null, out: null, page: true, engines: true };
  for (const arg of argv) {
    const [k, v] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
    const list = () => v.split(',').map((s) => s.trim()).filter(Boolean);
    switch (k) {
      case '--quick': a.quick = true; break;
      case '--only': a.only = list(); break;
      case '--workloads': a.workloads = list(); break;
      case '--seconds': a.seconds = Number(v); break;
      case '--repeat': a.repeat = Number(v); break;
      case '--warmup': a.warmup = Number(v); break;
      case '--out': a.out = v; break;
      case '--no-page': a.page = false; break;
      case '--page-only': a.engines = false; break;
      case '--help': case '-h':
        console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 8).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
        process.exit(0);
        break;
      default: throw new UsageError(`unknown argument ${arg} (see --help)`);
    }
  }
  const proto = a.quick ? { seconds: 0.3, repeat: 1, warmup: 0.1 } : { seconds: 3, repeat: 3, warmup: 1 };
  for (const k of ['seconds', 'repeat', 'warmup']) if (a[k] != null) {
    if (!(a[k] >= 0) || (k === 'repeat' && !Number.isInteger(a[k]))) throw new UsageError(`bad --${k}=${a[k]}`);
    proto[k] = a[k];
  }
  a.proto = proto;
  if (a.quick) CHECK_EPOCHS = CHECK_EPOCHS_QUICK;
  if (a.only) for (const e of a.only) if (!ALL_ENGINES.includes(e)) throw new UsageError(`unknown engine '${e}'; engines: ${ENGINES.join(', ')}; extra: ${EXTRA_ENGINES.join(', ')}`);
  if (a.workloads) {
    a.workloads = a.workloads.flatMap((w) => (w.toUpperCase() === 'W4' ? ['W4a', 'W4b'] : [w]));
    for (const w of a.workloads) if (!WORKLOADS.some((x) => x.id.toLowerCase() === w.toLowerCase())) {
      throw new UsageError(`unknown workload '${w}'; workloads: ${WORKLOADS.map((x) => x.id).join(', ')} (W4 = W4a,W4b)`);
    }
  }
  return a;
}

// ---------------------------------------------------------------- timing
const now = () => performance.now();
const median = (xs) => { const s = [...xs].sort((p, q) => p - q); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function callMaybeAsync(fn) {
  const r = fn();
  if (r && typeof r.then === 'function') await r;
}

/** Calls fn() until at least `seconds` have elapsed; counts whole calls. */
async function timed(fn, seconds) {
  const c0 = process.cpuUsage();
  const t0 = now();
  let count = 0, t = t0;
  const first = fn(); // every current peer is synchronous; a promise-returning one is awaited
  if (first && typeof first.then === 'function') {
    await first; count++; t = now();
    while (t - t0 < seconds * 1000) { await fn(); count++; t = now(); }
  } else {
    count++; t = now();
    while (t - t0 < seconds * 1000) { fn(); count++; t = now(); }
  }
  const c = process.cpuUsage(c0);
  const wall = (t - t0) / 1000, cpu = (c.user + c.system) / 1e6;
  return { count, wall, cpu, rate: count / wall };
}

// ---------------------------------------------------------------- workload inputs
function makeInputs(selected) {
  const inputs = {};
  for (const wl of selected) {
    const weights = initWeights(wl.layers, WEIGHT_SEED);
    if (wl.kind === 'train') inputs[wl.id] = { weights, data: trainingSet(wl.points, ORDER_SEED) };
    else inputs[wl.id] = { weights, grid: grid(wl.gridSize) };
  }
  return inputs;
}

// A double-precision forward pass: what every engine's float32 predict() should reproduce.
function referencePredict(layers, weights, x) {
  const n = x.length / layers[0], nOut = layers[layers.length - 1];
  const out = new Float64Array(n * nOut);
  for (let s = 0; s < n; s++) {
    let a = Array.from(x.subarray(s * layers[0], (s + 1) * layers[0]));
    for (const l of weights) {
      const z = new Array(l.out);
      for (let o = 0; o < l.out; o++) {
        let sum = l.b[o];
        for (let k = 0; k < l.in; k++) sum += l.W[o * l.in + k] * a[k];
        z[o] = Math.tanh(sum);
      }
      a = z;
    }
    for (let j = 0; j < nOut; j++) out[s * nOut + j] = a[j];
  }
  return out;
}

const maxAbsDiff = (p, q) => { let m = 0; for (let i = 0; i < q.length; i++) m = Math.max(m, Math.abs(p[i] - q[i])); return m; };

// ---------------------------------------------------------------- one engine, one workload
// Three phases, so that the timed runs of the engines can be interleaved (see main()).

/** Fresh net, loss before, CHECK_EPOCHS epochs, loss@CHECK_EPOCHS (or the grid check). */
async function prepare(peer, wl, inp) {
  const net = peer.createNet({ layers: wl.layers.slice(), weights: cloneWeights(inp.weights) });
  const st = { net, res: { runs: [] }, epochs: 0 };
  try {
    if (wl.kind === 'train') {
      const { x, y } = inp.data;
      const trainer = net.trainer(x, y, { batchSize: wl.batchSize, learningRate: wl.learningRate });
      const predBefore = net.predict(x);
      st.res.lossBefore = mseHalf(predBefore, y);
      st.res.initMaxAbsDiff = maxAbsDiff(predBefore, referencePredict(wl.layers, inp.weights, x));
      const tc = now();
      for (let i = 0; i < CHECK_EPOCHS; i++) { await callMaybeAsync(trainer.epoch); st.epochs++; }
      st.res.checkSeconds = (now() - tc) / 1000;
      st.res.lossCheck = mseHalf(net.predict(x), y);
      st.fn = trainer.epoch;
    } else {
      const gx = inp.grid.x;
      const predictor = net.predictor(gx);
      const out = Float32Array.from(predictor.run());
      st.res.gridMaxAbsDiff = maxAbsDiff(out, referencePredict(wl.layers, inp.weights, gx));
      st.res.gridMean = out.reduce((acc, v) => acc + v, 0) / out.length;
      st.fn = predictor.run;
    }
  } catch (e) {
    net.dispose();
    throw e;
  }
  return st;
}

async function warmUp(st, seconds) {
  const w = await timed(st.fn, seconds);
  st.epochs += w.count;
}

async function timedRun(st, seconds) {
  const t = await timed(st.fn, seconds);
  st.epochs += t.count;
  st.res.runs.push(t);
  return t;
}

/** Loss after all training, dispose; returns the result record. */
function finish(st, wl, inp) {
  const res = st.res;
  try {
    if (wl.kind === 'train') {
      res.epochsTotal = st.epochs;
      res.lossAfter = mseHalf(st.net.predict(inp.data.x), inp.data.y);
    }
  } finally {
    st.net.dispose();
  }
  res.rates = res.runs.map((t) => t.rate);
  res.median = median(res.rates);
  res.cpuShare = res.runs.reduce((acc, t) => acc + t.cpu, 0) / res.runs.reduce((acc, t) => acc + t.wall, 0);
  return res;
}

// ---------------------------------------------------------------- formatting
function fmtRate(r) {
  if (r == null || !Number.isFinite(r)) return '-';
  if (r >= 1000) return Math.round(r).toLocaleString('en-US');
  if (r >= 100) return r.toFixed(0);
  if (r >= 10) return r.toFixed(1);
  return r.toFixed(2);
}
const fmtRatio = (q) => (q == null || !Number.isFinite(q) ? '-'
  : q >= 10 ? `${q.toFixed(1)}x` : q >= 0.095 ? `${q.toFixed(2)}x` : `${q.toPrecision(2)}x`);
const fmtLoss = (l) => (l == null ? '-' : !Number.isFinite(l) ? String(l) : l.toFixed(4));
const pad = (s, n, right = false) => { s = String(s); return right ? s.padStart(n) : s.padEnd(n); };

function table(rows, header, rightCols = []) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => pad(c, widths[i], rightCols.includes(i))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function describe(wl) {
  if (wl.kind === 'train') return `net ${wl.layers.join('-')}, ${wl.points} points, batch ${wl.batchSize}, lr ${wl.learningRate}`;
  return `forward only, ${wl.gridSize}x${wl.gridSize} grid in [-6,6]^2, net ${wl.layers.join('-')}`;
}

function cpuModel() {
  const cpus = os.cpus();
  return cpus.length ? cpus[0].model.trim() : 'unknown';
}

// ---------------------------------------------------------------- main
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const proto = args.proto;
  const selectedWl = WORKLOADS.filter((w) => !args.workloads || args.workloads.some((x) => x.toLowerCase() === w.id.toLowerCase()));
  const selectedEngines = args.only ? ALL_ENGINES.filter((e) => args.only.includes(e)) : ENGINES;
  const log = (s = '') => console.log(s);

  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.arch()}`,
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpuModel: cpuModel(),
    loadavgStart: os.loadavg(),
    quick: args.quick,
    protocol: { ...proto, checkEpochs: CHECK_EPOCHS, order: `fixed, shuffled once (mulberry32 seed ${ORDER_SEED})`, weightSeed: WEIGHT_SEED },
    argv: process.argv.slice(2),
  };
  log(`Nonlinear Playground benchmark — ${meta.date}`);
  log(`node ${meta.node} (V8 ${meta.v8}), ${meta.nproc} CPUs: ${meta.cpuModel}, load average ${meta.loadavgStart.map((v) => v.toFixed(2)).join(' ')}`);
  log(`protocol: warm-up ${proto.warmup} s, ${proto.repeat} timed run(s) of >= ${proto.seconds} s, median rate${args.quick ? '  [QUICK: smoke test, not a measurement]' : ''}`);
  if (meta.loadavgStart[0] > 0.5) log(`warning: the machine is busy (1-min load ${meta.loadavgStart[0].toFixed(2)}); rates will be low and noisy`);
  log();
  if (!args.engines) {
    const page = await pageFigures(args, log);
    summary(page, [], log);
    return;
  }

  const inputs = makeInputs(selectedWl);
  const results = []; // { engine, workload, status, ... }
  const engineInfo = {};

  // Load every engine first; then run workload by workload, so that all engines' numbers for
  // one workload are taken within the same few minutes (fairer if the machine's load drifts).
  const peers = new Map();
  log('Engines:');
  for (const name of selectedEngines) {
    try {
      const peer = (await import(`./peers/${name}.mjs`)).default;
      await peer.setup();
      peers.set(name, peer);
      engineInfo[name] = { status: 'ok', description: peer.description, ...(peer.info ? peer.info() : {}) };
      if (peer.batchNote) engineInfo[name].note = peer.batchNote;
      log(`  ${pad(name, 17)} ${peer.description}`);
    } catch (e) {
      const reason = (e && e.message ? e.message : String(e)).split('\n')[0];
      log(`  ${pad(name, 17)} SKIPPED: ${reason}`);
      engineInfo[name] = { status: 'skipped', reason };
      for (const wl of selectedWl) results.push({ engine: name, workload: wl.id, status: 'skipped', reason });
    }
  }
  log();

  // Per workload: every in-process engine is prepared and warmed up, then the timed runs go
  // round-robin (run 1 of every engine, then run 2 of every engine, ...), so that a change in
  // the machine's load during the workload hits all engines alike. External engines (native)
  // run their own loop afterwards.
  const errText = (e) => (e && e.message ? e.message : String(e)).split('\n')[0];
  for (const wl of selectedWl) {
    log(`== ${wl.id}: ${describe(wl)}  [${wl.unit}]`);
    const states = new Map();
    const fail = (name, e) => {
      const reason = errText(e);
      log(`  ${pad(name, 17)} failed: ${reason}`);
      results.push({ engine: name, workload: wl.id, unit: wl.unit, status: 'failed', reason });
      const st = states.get(name);
      if (st) { states.delete(name); try { st.net.dispose(); } catch { /* already broken */ } }
    };
    const inproc = [...peers].filter(([, p]) => !p.external);
    for (const [name, peer] of inproc) {
      try {
        if (peer.activate) await peer.activate();
        const st = await prepare(peer, wl, inputs[wl.id]);
        states.set(name, st);
        await warmUp(st, proto.warmup);
      } catch (e) { fail(name, e); }
    }
    for (let r = 0; r < proto.repeat; r++) {
      for (const [name, peer] of inproc) {
        const st = states.get(name);
        if (!st) continue;
        try {
          if (peer.activate) await peer.activate();
          await timedRun(st, proto.seconds);
        } catch (e) { fail(name, e); }
      }
    }
    for (const [name, peer] of inproc) {
      const st = states.get(name);
      if (!st) continue;
      try {
        if (peer.activate) await peer.activate();
        const r = finish(st, wl, inputs[wl.id]);
        results.push({ engine: name, workload: wl.id, unit: wl.unit, status: 'ok', ...r });
        const extra = wl.kind === 'train'
          ? `loss ${fmtLoss(r.lossBefore)} -> ${fmtLoss(r.lossCheck)} (@${CHECK_EPOCHS}) -> ${fmtLoss(r.lossAfter)} (@${r.epochsTotal})`
          : `max |out - float64 reference| ${r.gridMaxAbsDiff.toExponential(1)}`;
        log(`  ${pad(name, 17)} ${pad(fmtRate(r.median), 8, true)}  runs ${r.rates.map(fmtRate).join(' / ')}   ${extra}`);
      } catch (e) { fail(name, e); }
    }
    for (const [name, peer] of [...peers].filter(([, p]) => p.external)) {
      try {
        const r = await peer.runWorkload(wl, proto);
        r.external = true;
        results.push({ engine: name, workload: wl.id, unit: wl.unit, status: 'ok', ...r });
        const extra = r.lossBefore != null ? `loss ${fmtLoss(r.lossBefore)} -> ${fmtLoss(r.lossAfter)}` : '';
        log(`  ${pad(name, 17)} ${pad(fmtRate(r.median), 8, true)}  runs ${r.rates.map(fmtRate).join(' / ')}   ${extra}`);
      } catch (e) { fail(name, e); }
    }
    log();
  }

  // ratios to the floor
  for (const r of results) {
    const floor = results.find((f) => f.engine === FLOOR && f.workload === r.workload && f.status === 'ok');
    r.ratioToPlainJS = r.status === 'ok' && floor ? r.median / floor.median : null;
  }
  meta.loadavgEnd = os.loadavg();

  // ------------------------------------------------ report
  log('=== Results (median rate; ratio to plainjs in brackets)');
  log();
  const okEngines = selectedEngines;
  const header = ['engine', ...selectedWl.map((w) => `${w.id} ${w.unit}`)];
  const rows = okEngines.map((e) => [e, ...selectedWl.map((w) => {
    const r = results.find((x) => x.engine === e && x.workload === w.id);
    if (!r || r.status !== 'ok') return r ? r.status : '-';
    return `${fmtRate(r.median)} (${fmtRatio(r.ratioToPlainJS)})`;
  })]);
  log(table(rows, header, header.map((_, i) => i).slice(1)));
  log();

  const trainWl = selectedWl.filter((w) => w.kind === 'train');
  if (trainWl.length) {
    log(`Sanity (mean training loss 0.5*(y-t)^2: before -> after ${CHECK_EPOCHS} epochs -> after all timed training [epochs])`);
    const h2 = ['engine', ...trainWl.map((w) => w.id)];
    const rows2 = okEngines.map((e) => [e, ...trainWl.map((w) => {
      const r = results.find((x) => x.engine === e && x.workload === w.id);
      if (!r || r.status !== 'ok') return '-';
      if (r.external) return `${fmtLoss(r.lossBefore)} -> ${fmtLoss(r.lossAfter)}`;
      return `${fmtLoss(r.lossBefore)} -> ${fmtLoss(r.lossCheck)} -> ${fmtLoss(r.lossAfter)} [${r.epochsTotal}]`;
    })]);
    log(table(rows2, h2));
    log();
  }
  const gridWl = selectedWl.filter((w) => w.kind === 'grid');
  if (gridWl.length) {
    log('Forward check (max |grid output - float64 reference| with the initial weights)');
    const rows3 = okEngines.map((e) => [e, ...gridWl.map((w) => {
      const r = results.find((x) => x.engine === e && x.workload === w.id);
      return r && r.status === 'ok' && r.gridMaxAbsDiff != null ? r.gridMaxAbsDiff.toExponential(1) : '-';
    })]);
    log(table(rows3, ['engine', ...gridWl.map((w) => w.id)]));
    log();
  }
  const notes = [];
  for (const [e, info] of Object.entries(engineInfo)) {
    if (info.status === 'skipped') notes.push(`${e}: skipped — ${info.reason}`);
    else if (info.note) notes.push(`${e}: ${info.note}`);
  }
  for (const r of results) if (r.status === 'failed') notes.push(`${r.engine} ${r.workload}: failed — ${r.reason}`);
  const starved = results.filter((r) => r.status === 'ok' && r.cpuShare != null && r.cpuShare < 0.85);
  if (starved.length) {
    notes.push(`got < 85% of a CPU while timed (machine busy? rates unreliable): ${starved.map((r) => `${r.engine} ${r.workload} ${(100 * r.cpuShare).toFixed(0)}%`).join(', ')}`);
  }
  if (!results.some((r) => r.engine === FLOOR && r.status === 'ok')) notes.push('plainjs not run: no ratios');
  if (meta.loadavgEnd[0] > 1.5) notes.push(`1-min load average at the end: ${meta.loadavgEnd[0].toFixed(2)} (other work was running)`);
  if (notes.length) { log('Notes:'); for (const n of notes) log(`  - ${n}`); log(); }

  const page = args.page ? await pageFigures(args, log) : null;
  summary(page, results, log);

  const outFile = args.out ? path.resolve(args.out) : path.join(ROOT, 'build', 'bench', 'results.json');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const json = {
    meta,
    workloads: selectedWl.map((w) => ({ ...w, description: describe(w) })),
    engines: engineInfo,
    results: results.map((r) => {
      const { runs, ...rest } = r;
      return runs ? { ...rest, runs: runs.map((t) => ({ count: t.count, seconds: +t.wall.toFixed(4), cpuSeconds: +t.cpu.toFixed(4), rate: t.rate })) } : rest;
    }),
    page,
  };
  fs.writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');
  const rel = path.relative(process.cwd(), outFile);
  log(`JSON written to ${rel && !rel.startsWith('..') ? rel : outFile}`);
}

// ---------------------------------------------------------------- the page
/** The page's figures (bench/page.mjs), printed; null when they cannot be measured (reason printed). */
async function pageFigures(args, log) {
  log(`=== Page: loading ${args.quick ? 3 : 7} times over http and from file://, then ${args.quick ? 2 : 10} s of frames at each setting`);
  try {
    const p = await measurePage({ loads: args.quick ? 3 : 7, fpsSeconds: args.quick ? 2 : 10, log: (s) => log(`  ${s}`) });
    log();
    log(pageReport(p));
    log();
    return p;
  } catch (e) {
    log(`  SKIPPED: ${(e && e.message ? e.message : String(e)).split('\n')[0]}`);
    log();
    return null;
  }
}

/** One block with the whole picture: the page beside TensorFlow Playground, the engine's ratios. */
function summary(page, results, log) {
  log('=== Summary');
  if (page) {
    const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
    const ff = page.firstFrame;
    log(`page, over http before the first frame   ${kB(page.sizes.http.gzip)} gzip        TensorFlow Playground: ${ANCHOR.httpGzipKB} kB gzip (its whole page)`);
    log(`page, single offline file                ${kB(page.sizes.single.gzip)} gzip (${page.sizes.single.file})`);
    log(`first drawn heatmap (median of ${ff.http.runs.length})        http ${ff.http.median.toFixed(0)} ms, file:// ${ff.file.median.toFixed(0)} ms`);
    for (const f of page.fps) {
      log(`frames, ${f.name.padEnd(24)}        ${f.fps.toFixed(1)} fps, longest ${f.longestMs.toFixed(0)} ms, page work ${f.workMsPerFrame.toFixed(1)} ms/frame` +
        (f.name.startsWith('8x6') ? `   TensorFlow Playground: about ${ANCHOR.cpuMsPerFrame} ms CPU/frame for one 6x8 network` : ''));
    }
    log(`machine: ${page.cpus} CPUs, load average ${page.loadavgStart[0].toFixed(2)} -> ${page.loadavgEnd[0].toFixed(2)} while the page was measured`);
  } else {
    log('page: not measured');
  }
  for (const engine of ['ours-wasm', 'native']) {
    const rs = results.filter((r) => r.engine === engine && r.status === 'ok' && r.ratioToPlainJS != null);
    if (rs.length) log(`engine ${engine === 'ours-wasm' ? '(WASM via the JS API)' : '(native)'.padEnd(21)} / plain JS   ${rs.map((r) => `${r.workload} ${fmtRatio(r.ratioToPlainJS)}`).join(', ')}`);
  }
  log();
}

main().catch((e) => {
  console.error(e && e.usage ? `run.mjs: ${e.message}` : e && e.stack ? e.stack : e);
  process.exit(e && e.usage ? 2 : 1);
});
