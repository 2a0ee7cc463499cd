// The postMessage API: a page that embeds the playground in an <iframe> (an LMS page, a course
// page; docs/embedding.md) drives it with messages and hears what happens in it.
//
//   host -> page   { type: 'playground:get' | 'playground:set' | 'playground:step' | 'playground:play'
//                    | 'playground:pause' | 'playground:reset', id, state?, epochs? }
//   page -> host   { type: 'playground:reply', id, ok: true, result } or { ..., ok: false, error }
//                  to each command (to event.source); and the events (to window.parent, only
//                  when framed): 'playground:ready' { version, state } once, 'playground:change'
//                  { state }, 'playground:progress' { networks, scene } (at most 4 a second
//                  while training, the last one of a burst always), 'playground:goal' { goal,
//                  statement }, and in embed mode 'playground:resize' { height }.
//
// With parentOrigin=<origin> in the URL the page takes commands only from that origin and posts
// only to it; the value is read once, when messaging starts (a later change of the state does not
// move the trust, and playground:set cannot change it). parentOrigin=null (a host that is itself
// sandboxed or a file:// page) takes commands only from opaque origins and must post with '*',
// since "null" cannot be a targetOrigin. Without it, commands are taken from anyone and posted with
// targetOrigin '*' (nothing the page says is secret). A command is applied whole or not at all,
// and a bad one is answered with ok: false, never an exception.

import { parseHash } from './state.js';

const PREFIX = 'playground:';
const COMMANDS = new Set(['get', 'set', 'step', 'play', 'pause', 'reset']);
// what the page itself posts: never answered (two pages must not answer each other forever)
const OWN = new Set(['reply', 'ready', 'change', 'progress', 'goal', 'resize']);
const MAX_EPOCHS = 100000;
const PROGRESS_MS = 250; // at most 4 progress events a second

/**
 * Structured-cloneable plain data: arrays and plain objects copied, typed arrays as arrays,
 * functions and symbols dropped (NaN and Infinity stay numbers; structured clone keeps them).
 */
export function plain(v, seen = new Set()) {
  if (v === null || typeof v !== 'object') {
    return typeof v === 'function' || typeof v === 'symbol' ? undefined : typeof v === 'bigint' ? Number(v) : v;
  }
  if (seen.has(v)) return undefined;
  seen.add(v);
  try {
    if (Array.isArray(v) || ArrayBuffer.isView(v)) return Array.from(v, (x) => plain(x, seen));
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      const p = plain(x, seen);
      if (p !== undefined || x === undefined) out[k] = p;
    }
    return out;
  } finally {
    seen.delete(v);
  }
}

/**
 * The origin part of a parentOrigin value: '' when absent, 'null' for an opaque origin (a host
 * that is itself sandboxed, or a file:// page), null when it names no origin.
 */
function normalizeOrigin(value) {
  if (typeof value !== 'string' || value === '') return '';
  if (value === 'null') return 'null';
  try {
    const o = new URL(value).origin;
    return o && o !== 'null' ? o : null;
  } catch {
    return null;
  }
}

const describe = (v) => {
  try { const s = typeof v === 'string' ? JSON.stringify(v) : String(v); return s.length > 40 ? `${s.slice(0, 40)}…` : s; } catch { return '?'; }
};

/**
 * Starts answering the messages of the page's host. `api` is window.playground once createApp has
 * filled it in (get, set, step, play, pause, reset, on, check). Returns a stop function.
 */
export function startMessaging(api, win = window, { ready = null } = {}) {
  const doc = win.document;
  // The trusted origin is the page URL's, read once, now: by the parser that gave the app its
  // state (state.js), not with api.get(), which computes every figure of the lesson (the first
  // time, compare's best line: tens of ms) and would hold the first frame off the screen; the
  // ready message reads the state when messaging opens (below).
  // null: parentOrigin was given but names no origin: then nobody is trusted (fail closed)
  const givenOrigin = parseHash(win.location?.hash ?? '', { activations: [], datasets: [] }).values.parentOrigin ?? '';
  const parentOrigin = normalizeOrigin(givenOrigin);
  if (parentOrigin === null) {
    console.warn(`playground: parentOrigin=${describe(givenOrigin)} is not an origin such as https://lms.example.edu: messages are neither taken nor sent`);
  }
  // "null" cannot be a targetOrigin: an opaque origin is only reachable with '*'
  const targetOrigin = parentOrigin && parentOrigin !== 'null' ? parentOrigin : '*';
  let framed = false;
  try { framed = win.parent != null && win.parent !== win; } catch { framed = false; }

  const send = (target, msg, to) => {
    try {
      target.postMessage(plain(msg), to);
    } catch (err) {
      console.warn(`playground: could not post ${msg.type}: ${err && err.message ? err.message : err}`);
    }
  };
  // Until `ready` settles (the page's later parts, web/later.js) events wait and commands queue:
  // the host hears playground:ready first, and nothing that happened before it is lost (a goal met
  // while the later script loads, the first heights).
  let open = !ready;
  const heldEvents = [], heldCommands = [];
  /** An event for the host: to window.parent, only when framed, only to the trusted origin. */
  const post = (msg) => {
    if (!framed || parentOrigin === null) return;
    if (!open) { heldEvents.push(msg); return; }
    send(win.parent, msg, targetOrigin);
  };

  // --- commands
  function run(cmd, data) {
    switch (cmd) {
      case 'get':
        return api.get();
      case 'set': {
        const partial = data.state;
        if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
          throw new Error(`playground:set: state must be an object of keys and values, got ${describe(partial)}`);
        }
        if (Object.hasOwn(partial, 'parentOrigin')) {
          throw new Error('playground:set: parentOrigin can only be given in the page\'s URL; nothing was changed');
        }
        const { problems } = api.check(partial);
        if (problems.length) {
          const list = problems.map((p) => `${p.key} (${p.reason}: ${describe(p.value)})`).join(', ');
          throw new Error(`playground:set: not applied, because of ${list}; nothing was changed`);
        }
        return api.set(partial);
      }
      case 'step': {
        const epochs = data.epochs === undefined ? 1 : data.epochs;
        if (typeof epochs !== 'number' || !Number.isInteger(epochs) || epochs < 1 || epochs > MAX_EPOCHS) {
          throw new Error(`playground:step: epochs = ${describe(epochs)} must be an integer in 1..${MAX_EPOCHS}`);
        }
        return api.step(epochs);
      }
      case 'play': api.play(); return api.get();
      case 'pause': api.pause(); return api.get();
      case 'reset': api.reset(); return api.get();
      default: throw new Error('unreachable');
    }
  }

  function onMessage(event) {
    if (!open) { heldCommands.push(event); return; }
    const data = event.data;
    if (data === null || typeof data !== 'object' || typeof data.type !== 'string' || !data.type.startsWith(PREFIX)) return;
    if (parentOrigin === null || (parentOrigin && event.origin !== parentOrigin)) return;
    const cmd = data.type.slice(PREFIX.length);
    if (OWN.has(cmd)) return;
    const source = event.source;
    if (!source || typeof source.postMessage !== 'function') return;
    const replyTo = parentOrigin ? targetOrigin : event.origin && event.origin !== 'null' ? event.origin : '*';
    const id = data.id;
    let reply;
    try {
      if (!COMMANDS.has(cmd)) {
        throw new Error(`unknown message type ${describe(data.type)} (playground:get, set, step, play, pause, reset)`);
      }
      reply = { type: 'playground:reply', id, ok: true, result: run(cmd, data) ?? null };
    } catch (err) {
      reply = { type: 'playground:reply', id, ok: false, error: err && err.message ? err.message : String(err) };
    }
    send(source, reply, replyTo);
  }
  win.addEventListener('message', onMessage);

  // --- events (only for a parent: a page that is not framed has nobody to tell)
  const offs = [];
  const listen = (type, fn) => {
    if (!framed || parentOrigin === null) return;
    try { offs.push(api.on(type, fn)); } catch (err) { console.warn(`playground: no '${type}' events: ${err.message}`); }
  };

  // progress: the first of a burst at once, then at most one per PROGRESS_MS, and the latest one
  // when the burst ends (so the host always sees the final numbers)
  let lastProgress = -Infinity, pending = null, progressTimer = 0;
  const flushProgress = () => {
    progressTimer = 0;
    if (!pending) return;
    const msg = pending;
    pending = null;
    lastProgress = performance.now();
    post(msg);
  };
  listen('train', ({ networks, scene }) => {
    pending = { type: 'playground:progress', networks, scene };
    if (progressTimer) return;
    const wait = lastProgress + PROGRESS_MS - performance.now();
    if (wait <= 0) flushProgress();
    else progressTimer = setTimeout(flushProgress, wait);
  });

  listen('goal', ({ goal, statement }) => post({ type: 'playground:goal', goal, statement }));

  // resize (embed mode): the content's height in CSS px, whenever it changes. A host that sizes
  // the frame from it changes the page's viewport height; content sized in vh units then changes
  // with it, and reporting that again could grow or shrink the frame forever. So a change that
  // follows a change of the viewport's height alone (the width unchanged) is feedback: at most
  // MAX_FEEDBACK rounds of it are reported, then the height holds until something else changes
  // (the width, the state, or the content by itself). Once the host has applied a reported
  // height, <html> gets the class "autosized", for style sheets that size things in vh.
  const MAX_FEEDBACK = 3;
  let lastHeight = -1, embed = false, observer = null;
  let width = win.innerWidth, viewportOnly = false, feedback = 0, hostResized = false;
  const contentHeight = () => {
    const html = doc.documentElement, body = doc.body;
    const top = html.getBoundingClientRect().top;
    let h = html.getBoundingClientRect().height;
    if (body) h = Math.max(h, body.getBoundingClientRect().bottom - top);
    return Math.max(1, Math.ceil(h));
  };
  // Auto-sized: the host has resized the frame (its height alone), and the viewport has `height`,
  // a height reported before. A frame whose height never changes is not, whatever its content's.
  const markAutosized = (height) => {
    if (embed && hostResized && lastHeight > 0 && Math.abs(win.innerHeight - height) <= 1) doc.documentElement.classList.add('autosized');
  };
  const postHeight = () => {
    if (!embed) return;
    const wasViewportOnly = viewportOnly;
    viewportOnly = false;
    const height = contentHeight();
    // the height reported before, already applied before this change was reported (or the content came back to it)
    markAutosized(height);
    if (height === lastHeight) return;
    if (wasViewportOnly && lastHeight > 0) {
      if (++feedback > MAX_FEEDBACK) return;
    } else {
      feedback = 0;
    }
    lastHeight = height;
    post({ type: 'playground:resize', height });
  };
  const onViewport = () => {
    if (win.innerWidth !== width) { width = win.innerWidth; viewportOnly = false; feedback = 0; return; }
    // the layout follows in this frame, the ResizeObserver reports it before the next one
    viewportOnly = true;
    hostResized = true;
    win.requestAnimationFrame(() => win.requestAnimationFrame(() => { viewportOnly = false; }));
    markAutosized(lastHeight);
  };
  const setEmbed = (on) => {
    on = on === true;
    if (on === embed) return;
    embed = on;
    if (on) {
      lastHeight = -1;
      feedback = 0;
      if (!observer && typeof win.ResizeObserver === 'function') {
        observer = new win.ResizeObserver(() => postHeight());
        observer.observe(doc.documentElement);
        if (doc.body) observer.observe(doc.body);
      }
      win.addEventListener('resize', onViewport);
      doc.documentElement.classList.add('sizing'); // web/course.css: a stable scrollbar gutter
      postHeight();
    } else {
      observer?.disconnect();
      observer = null;
      win.removeEventListener('resize', onViewport);
      doc.documentElement.classList.remove('autosized', 'sizing');
    }
  };

  listen('change', ({ state }) => {
    post({ type: 'playground:change', state });
    setEmbed(state.embed);
    feedback = 0; // a new lesson or layout: its height is news, not feedback
  });

  const opened = () => {
    let ready = null;
    try {
      const { state, engineVersion } = api.get();
      ready = { type: 'playground:ready', version: engineVersion, state };
    } catch (err) { // no ready message, but commands and events flow
      console.warn(`playground: no playground:ready message: ${err && err.message ? err.message : err}`);
    }
    open = true;
    if (ready) post(ready);
    for (const msg of heldEvents.splice(0)) post(msg);
    for (const event of heldCommands.splice(0)) onMessage(event);
  };
  if (!ready) opened();
  else Promise.resolve(ready).then(opened, opened); // the later parts missing: the first lesson still answers
  // the page in embed mode (app.js puts the class on <body> from the state's `embed`)
  if (framed) setEmbed(doc.body?.classList.contains('embed') ?? false);

  return function stop() {
    win.removeEventListener('message', onMessage);
    for (const off of offs) off();
    clearTimeout(progressTimer);
    setEmbed(false);
  };
}
