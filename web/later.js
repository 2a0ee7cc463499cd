// What the page loads after its first frame: the views of every lesson but the first
// (web/scenes/views/), the first lesson's network diagrams and own-data panel (compare.js keeps
// their places until they come), and the Share panel. They are one classic script, web/later-entry.js
// bundled by scripts/build-web.mjs as dist/nlp-later.js: over http and from file:// it is a
// file beside the page, loaded once the first lesson is on screen, and it reaches the page's own
// modules (i18n, keys, common helpers...) through the page, never a copy of them. The single
// offline file bundles it with the page's script: it registers itself as that script runs.
// Over http the engine's module comes in two parts too (web/engine-later.js): the later parts
// are here when both the script and the module's later part are.

import { addLessonStrings, addStrings } from './i18n.js';

let registered = null; // what the later script registered
let engine = null; // the page's engine: over http the later part of its module comes with the script
let parts = null; // what the script registered, once the engine's later part is in too
let loading = null;

export const LATER_FILE = 'nlp-later.js';

/**
 * Called by the later script: { views: { <lesson id>: { create(env), strings } }, strings: { <lesson
 * id>: { en, zh } } (more strings of a lesson of the page's script), ui: { en, zh } (more of the
 * page's own strings), createSharePanel, createDiagram, createOwnData }.
 */
export function registerLater(p) {
  addStrings(p.ui);
  addLessonStrings([...Object.entries(p.views).map(([id, v]) => ({ id, strings: v.strings })),
    ...Object.entries(p.strings).map(([id, strings]) => ({ id, strings }))]);
  registered = p;
  settle();
}

/**
 * The engine whose later part (web/engine-later.js) the later parts need: the views and compare's
 * best line call its analyses. Set once it is loaded (web/main.js); until then nothing is "here".
 */
export function setLaterEngine(e) {
  engine = e;
  settle();
}

function settle() {
  if (parts || !registered || !engine || !engine.complete) return;
  parts = registered;
  for (const fn of waiting.splice(0)) fn(parts);
}

const waiting = [];
/** The later parts, once they are here (null before). */
export const laterParts = () => parts;
/** Calls fn(parts) when the later parts are here: at once if they are, else when they come (it loads nothing). */
export function whenLater(fn) {
  if (parts) fn(parts);
  else waiting.push(fn);
}

let lastError = null;
/** Why the later parts did not load, the last time they were tried (null: they did not fail). */
export const laterError = () => lastError;

/** The later script, once it has registered (asked for once); rejects with a message that names the file. */
let scriptLoading = null;
function loadScript(doc) {
  if (registered) return Promise.resolve();
  scriptLoading ??= new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = LATER_FILE;
    // a failed load is not kept: the next call tries again
    const fail = (err) => { scriptLoading = null; script.remove(); reject(err); };
    script.onerror = () => fail(new Error(`${LATER_FILE} did not load: keep it beside index.html, or use nonlinear-playground.html (one file)`));
    // the script has run by its load event: it registered itself, or it is not ours
    script.onload = () => (registered ? resolve() : fail(new Error(`${LATER_FILE} loaded but registered nothing (a stale build: run npm run build)`)));
    doc.head.appendChild(script);
  });
  return scriptLoading;
}

/**
 * Loads the later script and the engine's later part (once, both at a time) and resolves to the
 * parts; rejects with a message that names the file. A failed load is not kept: the next call
 * (another lesson chosen) tries again.
 */
export function loadLater(doc = document) {
  if (parts) return Promise.resolve(parts);
  if (!loading) {
    loading = Promise.all([loadScript(doc), engine?.loadLater()]).then(() => {
      settle();
      if (!parts) throw new Error('the engine is not loaded yet');
      return parts;
    }, (err) => {
      loading = null;
      lastError = err;
      throw err;
    });
  }
  return loading;
}
