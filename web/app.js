// Wires the state, the model and the views together, runs the training loop, and returns the
// scripting surface that main.js publishes as window.playground (documented in web/README.md).

import {
  DEFAULTS, DATA_KEYS, NETWORK_KEYS, SCENE_KEYS, SCENES, DATASET_GROUPS, parseHash, parsePartial, toHash, cloneState, sameValue,
} from './state.js';
import { t, setLang, translate, defaultLang } from './i18n.js';
import { TwinModel, GRID_2D_STEPS } from './model.js';
import { createOutputView } from './heatmap.js';
import { createDiagram } from './network-diagram.js';
import { createLossChart } from './loss-chart.js';
import { createControls } from './controls.js';
import { createNotices } from './notices.js';
import { NET_HEX } from './colors.js';
import { onResize } from './size.js';
import { SCENE_FACTORIES } from './scenes/index.js';

const MAX_STEP = 100000;

export function createApp(engine, doc = document) {
  const datasets = DATASET_GROUPS.flatMap((g) => g.names).filter((n) => engine.datasets.includes(n));
  const ctx = { activations: engine.activations.slice(), datasets };
  const notices = createNotices(doc.getElementById('notices'), { dismissLabel: () => t('dismiss') });
  const model = new TwinModel(engine);

  // --- initial state: defaults, the browser's language, then the URL
  let state = cloneState(DEFAULTS);
  state.lang = defaultLang(navigator.language);
  const fromUrl = parseHash(location.hash, ctx);
  Object.assign(state, fromUrl.values);
  setLang(state.lang);

  model.rebuildData(state);
  model.rebuildNetworks(state);

  // --- views
  const cards = [...doc.querySelectorAll('.net-card')];
  const views = cards.map((card, i) => ({
    card,
    output: createOutputView(card.querySelector('.output-box'), { index: i }),
    diagram: createDiagram(card.querySelector('.diagram')),
    stats: card.querySelector('.net-stats'),
    caption: card.querySelector('.caption'),
    name: card.querySelector('.net-name'),
  }));
  const chart = createLossChart(doc.getElementById('lossChart'));
  const legend = doc.getElementById('legend');
  const perfEl = doc.getElementById('perf');
  const explain1 = doc.getElementById('explain1');
  const compareView = doc.getElementById('compareView');
  const sceneView = doc.getElementById('sceneView');
  const archEl = doc.getElementById('architecture');
  const runEl = doc.getElementById('run');
  const ledeEl = doc.getElementById('lede');
  const sceneSelect = doc.getElementById('scene');
  const prevScene = doc.getElementById('prevScene');
  const nextScene = doc.getElementById('nextScene');

  let playing = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  let dirty = true;
  const frames = []; // timestamps of the last frames that trained, for the frame rate
  // exponential moving averages, ms per frame: training + metrics, grid evaluation, drawing
  const timing = { train: 0, evaluate: 0, draw: 0 };
  const controls = createControls(doc, {
    activations: ctx.activations, datasets,
    onChange: (partial) => set(partial),
    onAction: (action) => {
      if (action === 'togglePlay') setPlaying(!playing);
      else if (action === 'step') { setPlaying(false); step(1); }
      else if (action === 'reset') reset(true);
      else if (action === 'regenerate') set({ seed: 1 + Math.floor(Math.random() * 999999) });
    },
  });

  let legendKey = '';
  function retranslate() {
    setLang(state.lang);
    translate(doc);
    doc.title = `${t('title')} · Nonlinear Playground`;
    legendKey = '';
    renderSceneNav();
  }

  // --- the lessons (scenes): compare is the twin view above; every other one is a module of
  // web/scenes/ shown in #sceneView, built on entry and freed on exit.
  const sceneEnv = {
    engine, t,
    state: () => state,
    set: (partial) => set(partial),
    invalidate: () => { dirty = true; },
  };
  const sceneCache = Object.create(null);
  let scene = null; // the current lesson's instance; null on compare

  function renderSceneNav() {
    const id = state.scene, i = SCENES.indexOf(id);
    const labels = SCENES.map((s, k) => `${k + 1} · ${t(`scenes.${s}.title`)}`);
    if (sceneSelect.dataset.labels !== labels.join('|')) {
      sceneSelect.replaceChildren(...SCENES.map((s, k) => {
        const o = doc.createElement('option');
        o.value = s; o.textContent = labels[k];
        return o;
      }));
      sceneSelect.dataset.labels = labels.join('|');
    }
    sceneSelect.value = id;
    prevScene.disabled = i <= 0;
    nextScene.disabled = i >= SCENES.length - 1;
    nextScene.title = i < SCENES.length - 1 ? t('nextScene', { name: t(`scenes.${SCENES[i + 1]}.title`) }) : '';
    prevScene.title = i > 0 ? t('prevScene', { name: t(`scenes.${SCENES[i - 1]}.title`) }) : '';
    nextScene.setAttribute('aria-label', nextScene.title || t('nextSceneShort'));
    prevScene.setAttribute('aria-label', prevScene.title || t('prevSceneShort'));
    // the lede: the question's short answer on compare, the lesson's own sentences elsewhere
    if (id === 'compare') {
      ledeEl.textContent = t('lede');
    } else {
      const strong = doc.createElement('strong');
      strong.textContent = `${t(`scenes.${id}.title`)}. `;
      ledeEl.replaceChildren(strong, t(`scenes.${id}.text`));
    }
  }

  function showScene(id) {
    if ((scene ? scene.id : 'compare') !== id) {
      if (scene) { scene.leave(); scene.root.remove(); scene = null; }
      if (id !== 'compare') {
        const inst = sceneCache[id] ?? (sceneCache[id] = SCENE_FACTORIES[id](sceneEnv));
        sceneView.replaceChildren(inst.root);
        translate(inst.root);
        inst.enter(state);
        scene = inst;
      }
    }
    compareView.hidden = Boolean(scene);
    sceneView.hidden = !scene;
    archEl.hidden = Boolean(scene);
    runEl.classList.toggle('idle', Boolean(scene) && !scene.trains);
    doc.getElementById('idleHint').hidden = !scene || scene.trains;
    doc.body.dataset.scene = id;
    frames.length = 0;
    renderSceneNav();
    dirty = true;
  }

  // Chart legend: one colour per network (named by its activation), one line style per set.
  function renderLegend() {
    const acts = model.nets.map((n) => n.activation);
    const key = `${state.lang}|${acts.join('|')}`;
    if (key === legendKey) return;
    legendKey = key;
    const item = (markClass, color, text) => {
      const el = doc.createElement('span');
      el.className = 'item';
      if (color) el.style.setProperty('--c', color);
      const mark = doc.createElement('span');
      mark.className = markClass;
      const label = doc.createElement('span');
      label.textContent = text;
      el.append(mark, label);
      return el;
    };
    legend.replaceChildren(
      ...acts.map((a, i) => item('dot', NET_HEX[i], `${t('network', { n: i + 1 })} (${t(`activations.${a}`)})`)),
      item('mark', '#5f6670', t('train')),
      item('mark dashed', '#5f6670', t('test')),
    );
  }

  function syncControls(optionsStale = false) {
    controls.sync(state, { kind: model.data.kind, playing, optionsStale });
  }

  // --- state changes
  let hashTimer = 0;
  function writeHash() {
    clearTimeout(hashTimer);
    hashTimer = setTimeout(() => {
      const hash = `#${toHash(state)}`;
      if (location.hash === hash) return;
      try { history.replaceState(null, '', hash); } catch { try { location.replace(hash); } catch { /* sandboxed */ } }
    }, 60);
  }

  function reportProblems(problems) {
    for (const p of problems) {
      const key = p.reason === 'unknown' ? 'noticeUnknown' : p.reason === 'feature' ? 'noticeFeature'
        : p.reason === 'unsupported' ? 'noticeUnsupported' : p.reason === 'malformed' ? 'noticeMalformed' : 'noticeInvalid';
      const clip = (s) => (String(s).length > 40 ? `${String(s).slice(0, 40)}…` : String(s));
      notices.show(t(key, { key: clip(p.key), value: clip(p.value) }), { kind: 'warn' });
    }
  }

  /** Applies validated values; rebuilds data and/or networks when needed and says so. */
  function apply(values, { announce }) {
    const changed = Object.keys(values).filter((k) => !sameValue(state[k], values[k]));
    if (!changed.length) return [];
    const prevKind = model.data.kind, prev = state;
    state = { ...state, ...values };
    if (Array.isArray(values.networkShape)) state.networkShape = values.networkShape.slice();
    const dataChange = changed.some((k) => DATA_KEYS.has(k));
    const netChange = dataChange || changed.some((k) => NETWORK_KEYS.has(k));
    try {
      if (dataChange) model.rebuildData(state);
      if (netChange) model.rebuildNetworks(state);
    } catch (err) {
      // the engine refused (it names the field): keep the page on the previous state
      notices.show(err && err.message ? err.message : String(err), { kind: 'warn' });
      state = prev;
      model.rebuildData(state);
      model.rebuildNetworks(state);
      syncControls(true);
      dirty = true;
      return [];
    }
    if (netChange && announce && !scene) notices.show(t(dataChange ? 'noticeResetData' : 'noticeResetNet'));
    const langChange = changed.includes('lang');
    if (langChange) retranslate();
    try {
      if (changed.includes('scene')) showScene(state.scene);
      else if (scene) {
        const own = changed.filter((k) => SCENE_KEYS.has(k));
        if (own.length) scene.update(state, own);
      }
    } catch (err) {
      // a lesson the engine cannot build (it names the reason): back to the twin view
      notices.show(err && err.message ? err.message : String(err), { kind: 'warn' });
      state = { ...state, scene: 'compare' };
      showScene('compare');
    }
    syncControls(langChange || model.data.kind !== prevKind);
    dirty = true;
    writeHash();
    return changed;
  }

  function set(partial) {
    const { values, problems } = parsePartial(partial, ctx);
    reportProblems(problems);
    const changed = apply(values, { announce: true });
    return { applied: changed, ignored: problems.map((p) => p.key) };
  }

  function reset(announce) {
    if (scene) scene.reset();
    else model.rebuildNetworks(state);
    if (announce) notices.show(t(scene ? 'noticeSceneReset' : 'noticeReset'));
    dirty = true;
  }

  /** Trains what the current lesson trains (a no-op where nothing does) and redraws. */
  function step(epochs = 1) {
    const n = Number(epochs);
    if (!Number.isInteger(n) || n < 1 || n > MAX_STEP) throw new Error(`playground.step: epochs = ${epochs} must be an integer in 1..${MAX_STEP}`);
    if (scene) {
      if (scene.trains) scene.train(n);
      render();
      return sceneFigures();
    }
    model.train(n, state);
    render();
    return model.summary();
  }

  function sceneFigures() {
    return scene ? { id: scene.id, ...scene.figures() } : { id: 'compare' };
  }

  function setPlaying(p) {
    playing = p;
    controls.setPlaying(p);
    frames.length = 0;
  }

  // --- drawing
  const fmtLoss = (v) => (Number.isFinite(v) ? (v < 0.001 ? v.toExponential(1) : v.toFixed(3)) : '—');
  const fmtPct = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(v === 1 ? 0 : 1)}%` : '—');

  function captionFor(activation, data) {
    const oneD = data.inputs === 1, reg2d = !oneD && data.kind === 'regression';
    if (state.networkShape.length === 0) return t('captionNoHidden');
    if (activation === 'linear') return t(oneD ? 'captionLinear1d' : reg2d ? 'captionLinearReg2d' : 'captionLinear');
    if (activation === 'affine') return t('captionAffine');
    if (activation === 'step') return t('captionStep');
    if (activation === 'relu' || activation === 'leaky_relu') return t('captionRelu');
    const key = oneD ? 'captionNonlinear1d' : reg2d ? 'captionNonlinearReg2d' : 'captionNonlinear';
    return t(key, { name: t(`activations.${activation}`) });
  }

  // The stats line of a card: built once, then only its texts change.
  function statsDom(view) {
    const el = (tag, cls, parent) => { const e = doc.createElement(tag); if (cls) e.className = cls; parent?.append(e); return e; };
    const big = el('div', 'big'), small = el('div', 'small');
    const value = el('span', 'value', big), label = el('span', 'label', big);
    const pair = () => { const s = el('span', '', small); const l = el('span', '', s); s.append(' '); return { s, l, v: el('b', '', s) }; };
    const items = { trainLoss: pair(), testLoss: pair(), trainAccuracy: pair() };
    const bad = el('span', 'bad');
    view.stats.replaceChildren(big, small, bad);
    return { value, label, items, bad };
  }

  function setText(node, text) { if (node.textContent !== text) node.textContent = text; }

  function renderStats(view, n, cls) {
    const d = view.statsDom ?? (view.statsDom = statsDom(view));
    setText(d.value, cls ? fmtPct(n.testAccuracy) : fmtLoss(n.testLoss));
    setText(d.label, t(cls ? 'accuracyShort' : 'lossShort'));
    setText(d.items.trainLoss.l, t('trainLoss')); setText(d.items.trainLoss.v, fmtLoss(n.trainLoss));
    setText(d.items.testLoss.l, t('testLoss')); setText(d.items.testLoss.v, fmtLoss(n.testLoss));
    d.items.trainAccuracy.s.hidden = !cls;
    setText(d.items.trainAccuracy.l, t('trainAccuracy')); setText(d.items.trainAccuracy.v, fmtPct(n.trainAccuracy));
    d.bad.hidden = !n.diverged;
    setText(d.bad, t('diverged'));
  }

  function render() {
    dirty = false;
    if (scene) {
      const t0 = performance.now();
      scene.render();
      controls.setEpoch(scene.epoch());
      timing.draw = 0.9 * timing.draw + 0.1 * (performance.now() - t0);
      return;
    }
    const { data, task, nets } = model;
    const t0 = performance.now();
    const evals = model.evaluate();
    const t1 = performance.now();
    const cls = task.kind !== 'regression';
    const sizes = [data.inputs, ...state.networkShape, data.outputs];
    const colLabels = sizes.map((m, l) => (l === 0 ? t('inputLayer') : l === sizes.length - 1 ? t('outputLayer') : String(m)));
    nets.forEach((n, i) => {
      const v = views[i], e = evals[i];
      v.output.draw({ data, task, output: e.output, showTest: state.showTestData, discretize: state.discretize, color: NET_HEX[i] });
      v.output.heat.parentElement.classList.toggle('discrete', state.discretize);
      v.diagram.draw({ data, task, sizes, layers: e.layers, weights: e.weights, labels: colLabels });
      renderStats(v, n, cls);
      setText(v.name, t('network', { n: i + 1 }));
      setText(v.caption, captionFor(n.activation, data));
    });
    setText(explain1, t(data.inputs === 1 ? 'explain1_1d' : 'explain1'));
    renderLegend();
    controls.setEpoch(nets[0].epoch);
    chart.draw(nets.map((n, i) => ({ history: n.history, color: NET_HEX[i] })), { epoch: t('epochAxis'), loss: t('lossAxis') });
    timing.evaluate = 0.9 * timing.evaluate + 0.1 * (t1 - t0);
    timing.draw = 0.9 * timing.draw + 0.1 * (performance.now() - t1);
  }

  // --- the loop: one epoch per frame for both networks, then everything is redrawn
  function frame(now) {
    requestAnimationFrame(frame);
    if (playing && (!scene || scene.trains)) {
      const t0 = performance.now();
      if (scene) scene.train(1); else model.train(1, state);
      timing.train = 0.9 * timing.train + 0.1 * (performance.now() - t0);
      render();
      frames.push(now);
      if (frames.length > 90) frames.shift();
      if (frames.length % 15 === 0) showPerf();
      if (!scene) adaptResolution();
    } else if (dirty) {
      render();
    }
  }

  // Keeps the frame rate when the grid evaluation is slow (big networks, slow machines): the
  // heatmap resolution steps down (100 -> 80 -> 64 -> 50 points a side) while the two grid
  // evaluations take more than EVAL_BUDGET_MS, and back up when the larger grid would fit.
  const EVAL_BUDGET_MS = 8;
  let framesAtSize = 0;
  function adaptResolution() {
    if (model.data.inputs !== 2 || ++framesAtSize < 30) return;
    const i = GRID_2D_STEPS.indexOf(model.gridSize2d), size = model.gridSize2d;
    const perPoint = timing.evaluate / (size * size);
    let next = size;
    if (timing.evaluate > EVAL_BUDGET_MS && i < GRID_2D_STEPS.length - 1) next = GRID_2D_STEPS[i + 1];
    else if (i > 0 && perPoint * GRID_2D_STEPS[i - 1] ** 2 < 0.6 * EVAL_BUDGET_MS) next = GRID_2D_STEPS[i - 1];
    if (next !== size) {
      model.setGridSize2d(next);
      timing.evaluate = perPoint * next * next;
      framesAtSize = 0;
    }
  }

  function fps() {
    if (frames.length < 2) return NaN;
    return ((frames.length - 1) * 1000) / (frames[frames.length - 1] - frames[0]);
  }

  function showPerf() {
    const f = fps();
    perfEl.textContent = Number.isFinite(f) ? t(scene ? 'perfScene' : 'perf', { fps: f.toFixed(0), eps: f.toFixed(0) }) : '';
  }

  // --- URL edits by hand (or a pasted link) while the page is open
  addEventListener('hashchange', () => {
    const { values, problems } = parseHash(location.hash, ctx);
    reportProblems(problems);
    apply(values, { announce: true });
  });

  // --- start
  doc.getElementById('engineVersion').textContent = `· engine ${engine.version}`;
  onResize(() => { dirty = true; });
  sceneSelect.addEventListener('change', () => set({ scene: sceneSelect.value }));
  const go = (d) => { const i = SCENES.indexOf(state.scene) + d; if (i >= 0 && i < SCENES.length) set({ scene: SCENES[i] }); };
  prevScene.addEventListener('click', () => go(-1));
  nextScene.addEventListener('click', () => go(1));
  retranslate();
  syncControls(true);
  try {
    showScene(state.scene);
  } catch (err) {
    notices.show(err && err.message ? err.message : String(err), { kind: 'warn' });
    state.scene = 'compare';
    showScene('compare');
  }
  reportProblems(fromUrl.problems);
  writeHash();
  render();
  requestAnimationFrame(frame);

  return {
    get() {
      return {
        state: cloneState(state),
        scene: sceneFigures(),
        networks: model.summary(),
        kind: model.data.kind,
        playing,
        engineVersion: engine.version,
        perf: { fps: fps(), msPerFrame: timing.train + timing.evaluate + timing.draw,
          msTrain: timing.train, msEvaluate: timing.evaluate, msDraw: timing.draw, heatmapSize: model.gridSize2d },
      };
    },
    set,
    step,
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    reset: () => { reset(false); render(); },
    /** Both networks' current weights: per network, per layer { W (out, in) row-major, b } as arrays. */
    weights: () => model.nets.map((n) => n.net.getWeights().map(({ W, b }) => ({ W: Array.from(W), b: Array.from(b) }))),
  };
}
