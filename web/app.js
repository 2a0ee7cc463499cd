// The host: holds the state, shows one lesson at a time (web/scenes/, the contract in
// scenes/index.js), runs the training loop, and returns the scripting surface that main.js
// publishes as window.playground (documented in web/README.md). It knows no lesson by name.

import { DEFAULTS, SCENES, KEY_DECLS, parseHash, parsePartial, toHash, cloneState, sameValue } from './state.js';
import { t, setLang, translate, defaultLang } from './i18n.js';
import { lessonById, viewOf } from './scenes/index.js';
import { loadLater, laterError } from './later.js';
import { laterKeys } from './engine-later.js';
import { createToolbar, groupThousands } from './toolbar.js';
import { createNotices } from './notices.js';
import { onResize } from './size.js';
import { createGoalPanel, goalStatement } from './goals.js';

const MAX_STEP = 100000;
const NOTICE_KEYS = { unknown: 'noticeUnknown', feature: 'noticeFeature', unsupported: 'noticeUnsupported', malformed: 'noticeMalformed',
  comparison: 'noticeComparison' };
// A problem whose key explained it (a declaration's `explain`) is shown with that explanation.
// The keys that hide a control: <control key>_hide -> control key
const HIDE_KEYS = Object.entries(KEY_DECLS).filter(([, d]) => d.hide).map(([k, d]) => [k, d.hide]);

export function createApp(engine, doc = document) {
  const ctx = { activations: engine.activations.slice(), datasets: engine.datasets.slice() };
  const notices = createNotices(doc.getElementById('notices'), { dismissLabel: () => t('dismiss') });
  const warn = (err) => notices.show(err && err.message ? err.message : String(err), { kind: 'warn' });

  // --- initial state: defaults, the browser's language, then the URL. A link (and a hash
  // edited later) is a complete description: what it omits takes these values.
  const baseline = { ...cloneState(DEFAULTS), lang: defaultLang(navigator.language) };
  let state = cloneState(baseline);
  const fromUrl = parseHash(location.hash, ctx);
  Object.assign(state, fromUrl.values);
  setLang(state.lang);

  const stage = doc.getElementById('stage');
  const sceneTools = doc.getElementById('sceneTools');
  const perfEl = doc.getElementById('perf');
  const ledeEl = doc.getElementById('lede');
  const runEl = doc.getElementById('run');
  const idleHint = doc.getElementById('idleHint');
  const goalsEl = doc.getElementById('goals');
  const openFull = doc.getElementById('openFull');

  // --- events for the embedding API (web/messages.js): 'change' { state }, 'train' { networks,
  // scene } after training, 'goal' { goal, statement } when an exercise goal is first met
  const listeners = { change: new Set(), train: new Set(), goal: new Set() };
  // the payload is made only when someone listens (train events come every frame)
  const emit = (type, make) => {
    if (!listeners[type].size) return;
    const payload = make();
    for (const fn of listeners[type]) fn(payload);
  };

  let playing = state.autoplay && !matchMedia('(prefers-reduced-motion: reduce)').matches;
  let dirty = true;
  let changes = 0; // how many times the picture was invalidated: the first animation frame asks
  const invalidate = () => { dirty = true; changes++; };
  const frames = []; // timestamps of the last frames that trained, for the frame rate
  // exponential moving averages, ms per frame: training, drawing (grid evaluation included)
  const timing = { train: 0, draw: 0 };
  const toolbar = createToolbar(doc, {
    scenes: SCENES,
    onChange: (partial) => set(partial),
    onAction: (action) => {
      if (action === 'togglePlay') setPlaying(!playing);
      else if (action === 'step') { setPlaying(false); step(1); }
      else if (action === 'reset') reset(true);
    },
  });

  // --- the lessons: built on first visit, entered and left as the state's scene changes
  const env = {
    engine, t,
    state: () => state,
    set: (partial) => set(partial),
    invalidate,
    notify: (text, opts) => notices.show(text, opts), // opts: { kind: 'info' | 'warn' } (web/notices.js)
  };
  const instances = Object.create(null);
  let scene = null; // the current lesson's instance

  function renderLede() {
    const decl = lessonById(state.scene);
    if (decl.ledeTitle === false) { ledeEl.textContent = t(`scenes.${decl.id}.text`); return; }
    const strong = doc.createElement('strong');
    strong.textContent = `${t(`scenes.${decl.id}.title`)}${t('titleEnd')}`;
    ledeEl.replaceChildren(strong, t(`scenes.${decl.id}.text`));
  }

  function retranslate() {
    setLang(state.lang);
    translate(doc);
    doc.title = `${t('title')} · Nonlinear Playground`;
    toolbar.syncScene(state.scene);
    toolbar.syncLang(state.lang);
    if (scene && !scene.trains) idleHint.textContent = t(`scenes.${scene.id}.idleHint`);
    renderLede();
  }

  function showScene(id) {
    if (scene?.id !== id) {
      // apply() waits for a view that has not arrived (web/later.js); none here: it did not load
      const create = viewOf(id);
      if (!create) throw laterError() ?? new Error(`${id}: its view has not loaded`);
      if (scene) { scene.leave(); scene.root.remove(); scene.toolbar?.remove(); }
      scene = null;
      const inst = instances[id] ?? (instances[id] = create(env));
      stage.replaceChildren(inst.root);
      sceneTools.replaceChildren(...(inst.toolbar ? [inst.toolbar] : []));
      translate(inst.root);
      if (inst.toolbar) translate(inst.toolbar);
      inst.enter(state);
      scene = inst;
    }
    runEl.classList.toggle('idle', !scene.trains);
    idleHint.hidden = scene.trains;
    if (!scene.trains) idleHint.textContent = t(`scenes.${id}.idleHint`);
    doc.body.dataset.scene = id;
    frames.length = 0;
    toolbar.syncScene(id);
    renderLede();
    invalidate();
  }

  /** Shows lesson `id`; if the engine cannot build it (it names the reason), the first lesson. */
  function showSceneOrFirst(id) {
    try {
      showScene(id);
    } catch (err) {
      warn(err);
      if (id === SCENES[0]) throw err;
      state = { ...state, scene: SCENES[0] };
      showScene(SCENES[0]);
    }
  }

  // --- course mode: embed, hidden text and controls (each control carries data-control="<key>")
  function applyView() {
    doc.body.classList.toggle('embed', state.embed);
    doc.body.classList.toggle('hide-text', state.hideText);
    const hidden = new Set(HIDE_KEYS.filter(([k]) => state[k]).map(([, c]) => c));
    for (const node of doc.querySelectorAll('[data-control]')) node.classList.toggle('is-hidden', hidden.has(node.dataset.control));
    // "open the full page": a new tab needs popups, which a sandboxed frame (origin "null") lacks
    const framed = window.parent !== window;
    openFull.hidden = !state.embed || (framed && self.origin === 'null');
    openFull.href = `${location.href.split('#')[0]}#${toHash({ ...state, embed: false })}`;
  }

  // --- exercises: the goal panel (web/goals.js) reads the current lesson's numbers
  const lessonNumbers = () => ({ networks: scene.networks ? scene.networks() : [], scene: scene.figures() });
  const goalPanel = createGoalPanel(goalsEl, {
    warn: (text) => notices.show(text, { kind: 'warn' }),
    met: (g, v, label) => {
      notices.show(t('goalMet', { goal: label }));
      emit('goal', () => ({ goal: g.source, statement: goalStatement(g, { url: `${location.href.split('#')[0]}#${toHash(state)}`,
        goalText: state.goalText, lang: state.lang, value: v }) }));
    },
  });
  const syncGoals = () => goalPanel.sync(state, lessonNumbers);
  const checkGoals = () => { if (goalPanel.active) goalPanel.check(lessonNumbers()); };

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
    const clip = (s) => (String(s).length > 40 ? `${String(s).slice(0, 40)}…` : String(s));
    for (const p of problems) {
      const k = p.detail ? 'noticeInvalidDetail' : NOTICE_KEYS[p.reason] ?? 'noticeInvalid';
      notices.show(t(k, { key: clip(p.key), value: clip(p.value), detail: p.detail }), { kind: 'warn' });
    }
  }

  // A change to a lesson whose view has not arrived yet (web/later.js: moments after the first
  // frame), or to an activation or input features in the later part of the engine's module
  // (web/engine-later.js), waits for it, whole: the state never names a lesson that is not shown,
  // and goals are read from the lesson they are about.
  let waiting = null;
  function applyLater(values, opts) {
    const first = !waiting;
    waiting = { ...waiting, ...values };
    if (!first) return;
    loadLater(doc).then(() => { const v = waiting; waiting = null; apply(v, opts); }, (err) => {
      waiting = null;
      warn(err);
      toolbar.syncScene(state.scene);
      scene?.enter(state); // its controls show the state again (a select left on the activation that could not come)
      writeHash(); // the address shows the lesson still shown
    });
  }

  /** Applies validated values; the current lesson rebuilds what they need (and may say so). */
  function apply(values, { announce }) {
    if (waiting || (values.scene !== undefined && values.scene !== state.scene && !viewOf(values.scene)) ||
        (!engine.complete && laterKeys(values, state, engine).length > 0)) {
      applyLater(values, { announce });
      return [];
    }
    const changed = Object.keys(values).filter((k) => !sameValue(state[k], values[k]));
    if (!changed.length) return [];
    const prev = state;
    state = cloneState({ ...state, ...values });
    if (changed.includes('lang')) retranslate();
    if (changed.includes('scene')) {
      showSceneOrFirst(state.scene);
    } else {
      try {
        scene.update(state, changed, { announce });
      } catch (err) {
        // the engine refused (it names the field): back to the previous state
        warn(err);
        state = prev;
        scene.update(state, changed, { announce: false });
        invalidate();
        return [];
      }
    }
    applyView();
    toolbar.syncSpeed(state.speed);
    if (changed.includes('autoplay') && !state.autoplay) setPlaying(false);
    if (changed.includes('goal') || changed.includes('goalText') || changed.includes('lang') || changed.includes('scene')) syncGoals();
    invalidate();
    writeHash();
    emit('change', () => ({ state: cloneState(state) }));
    return changed;
  }

  function set(partial) {
    const { values, problems } = parsePartial(partial, ctx);
    reportProblems(problems);
    const changed = apply(values, { announce: true });
    return { applied: changed, ignored: problems.map((p) => p.key) };
  }

  function reset(announce) {
    const notice = scene.reset();
    if (announce) notices.show(notice ?? t('noticeSceneReset'));
    invalidate();
  }

  const result = () => (scene.networks ? scene.networks() : { id: scene.id, ...scene.figures() });

  /** Trains what the current lesson trains (a no-op where nothing does) and redraws. */
  function step(epochs = 1) {
    const n = Number(epochs);
    if (!Number.isInteger(n) || n < 1 || n > MAX_STEP) throw new Error(`playground.step: epochs = ${epochs} must be an integer in 1..${MAX_STEP}`);
    if (scene.trains) trainLesson(n);
    render();
    return result();
  }

  function trainLesson(n) {
    scene.train(n);
    emit('train', () => ({ networks: scene.networks ? scene.networks() : [], scene: { id: scene.id, ...scene.figures() } }));
  }

  // Screen readers hear what changes the run: play and pause here, resets, goals and warnings
  // through the notices (a polite live region); the epoch counter itself is silent.
  const announcer = doc.getElementById('announcer');
  function announce(text) { announcer.textContent = ''; requestAnimationFrame(() => { announcer.textContent = text; }); }

  function setPlaying(p) {
    if (p !== playing && scene) announce(p ? t('announcePlaying') : t('announcePaused', { epoch: groupThousands(scene.epoch()) }));
    playing = p;
    toolbar.setPlaying(p);
    frames.length = 0;
  }

  function render({ goals = true } = {}) {
    dirty = false;
    const t0 = performance.now();
    scene.render();
    toolbar.setEpoch(scene.epoch());
    if (goals) checkGoals();
    timing.draw = 0.9 * timing.draw + 0.1 * (performance.now() - t0);
  }

  // --- the loop: one epoch per frame, then everything is redrawn
  let complete = false; // whether a frame has drawn what the lesson left out of the first (the mark below)
  let changesAtStart = null; // changes when the start had drawn (the mark below); null from the first animation frame on
  function frame(now) {
    requestAnimationFrame(frame);
    const unchangedSinceStart = changes === changesAtStart;
    changesAtStart = null;
    if (unchangedSinceStart) {
      // the first animation frame puts on screen what the start drew (the mark below): nothing is
      // trained or drawn again before it is painted, unless something changed since (set() from
      // a host that heard ready before this frame came, as in a hidden frame). Goals are checked
      // from here on: by now whoever listens (web/messages.js, the page that embeds this one)
      // does, and hears a goal met at once
      checkGoals();
    } else if (playing && scene.trains) {
      const t0 = performance.now();
      trainLesson(state.speed);
      timing.train = 0.9 * timing.train + 0.1 * (performance.now() - t0);
      render();
      frames.push(now);
      if (frames.length > 90) frames.shift();
      if (frames.length % 15 === 0) showPerf();
    } else if (dirty) {
      render();
    } else return;
    // the first frame that draws what a lesson leaves out of its first (compare: its diagrams,
    // which come with the later script); a lesson without complete() leaves nothing out
    if (!complete && (scene.complete?.() ?? true)) { complete = true; performance.mark('nlp:first-frame-complete'); }
  }

  function fps() {
    if (frames.length < 2) return NaN;
    return ((frames.length - 1) * 1000) / (frames[frames.length - 1] - frames[0]);
  }

  function showPerf() {
    const f = fps();
    if (!Number.isFinite(f)) { perfEl.textContent = ''; return; }
    const fpsText = f.toFixed(0);
    perfEl.textContent = scene.perfText ? scene.perfText(fpsText) : t('perfScene', { fps: fpsText });
  }

  // --- URL edits by hand (or a pasted link) while the page is open
  addEventListener('hashchange', () => {
    const { values, problems } = parseHash(location.hash, ctx);
    reportProblems(problems);
    apply({ ...cloneState(baseline), ...values }, { announce: true });
    writeHash(); // the address shows the state in use, also when nothing in the pasted hash was valid
  });

  // --- start
  doc.getElementById('engineVersion').textContent = `· engine ${engine.version}`;
  onResize(invalidate);
  retranslate();
  setPlaying(playing);
  toolbar.syncSpeed(state.speed);
  showSceneOrFirst(state.scene);
  applyView();
  syncGoals();
  reportProblems(fromUrl.problems);
  writeHash();
  // goals are checked from the first animation frame on (frame)
  render({ goals: false });
  changesAtStart = changes; // the lesson's own, while it drew (compare: its diagrams next frame)
  performance.mark('nlp:first-frame'); // the first lesson drawn (bench/page.mjs measures from navigation start; compare's diagrams follow with nlp-later.js)
  requestAnimationFrame(frame);

  return {
    get() {
      const own = scene.perf?.() ?? {};
      const msEvaluate = own.msEvaluate ?? 0;
      return {
        state: cloneState(state),
        scene: { id: scene.id, ...scene.figures() },
        networks: scene.networks ? scene.networks() : [],
        kind: scene.kind?.(),
        playing,
        engineVersion: engine.version,
        perf: { fps: fps(), msPerFrame: timing.train + timing.draw,
          msTrain: timing.train, msEvaluate, msDraw: Math.max(0, timing.draw - msEvaluate), heatmapSize: own.heatmapSize ?? null },
      };
    },
    set,
    step,
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    reset: () => { reset(false); render(); },
    /** The current lesson's networks' weights (compare: both): per layer { W (out, in) row-major, b } as arrays. */
    weights: () => (scene.weights ? scene.weights() : []),
    /** Subscribes fn to 'change', 'train' or 'goal' events; returns the unsubscribe function. */
    on(type, fn) {
      if (!listeners[type]) throw new Error(`playground.on: unknown event '${type}' (change, train, goal)`);
      listeners[type].add(fn);
      return () => listeners[type].delete(fn);
    },
    /** What set(partial) would refuse, without applying anything: { problems: [{ key, value, reason }] }. */
    check: (partial) => ({ problems: parsePartial(partial, ctx).problems }),
    /** The page's address with the current state in its hash (what a link to this setting is). */
    link: () => `${location.href.split('#')[0]}#${toHash(state)}`,
    /** The current lesson's networks as net.toJSON() objects (compare: both; [] elsewhere). */
    exportNetworks: () => (scene.exportNetworks ? scene.exportNetworks() : []),
    /**
     * Replaces network `index` of the current lesson with a network from net.toJSON(); throws an
     * Error naming what does not fit, and then changes nothing.
     */
    importNetwork(index, json) {
      if (!scene.importNetwork) throw new Error(`importNetwork: the ${scene.id} lesson has no networks to replace`);
      scene.importNetwork(index, json);
      invalidate();
      render();
      emit('change', () => ({ state: cloneState(state) }));
    },
  };
}
