// What the page loads after its first frame: the views of every lesson but the first
// (web/scenes/views/), the first lesson's network diagrams and own-data panel (compare.js keeps
// their places until they come), and the Share panel. They are one classic script, web/later-entry.js
// bundled by scripts/build-web.mjs as dist/nlp-later.js: over http and from file:// it is a
// file beside the page, loaded once the first lesson is on screen, and it reaches the page's own
// modules (i18n, keys, common helpers...) through the page, never a copy of them. The single
// offline file bundles it with the page's script: it registers itself as that script runs.

import { addLessonStrings } from './i18n.js';

let parts = null;
let loading = null;

export const LATER_FILE = 'nlp-later.js';

/**
 * Called by the later script: { views: { <lesson id>: { create(env), strings } }, strings: { <lesson
 * id>: { en, zh } } (more strings of a lesson of the page's script), createSharePanel,
 * createDiagram, createOwnData }.
 */
export function registerLater(p) {
  addLessonStrings([...Object.entries(p.views).map(([id, v]) => ({ id, strings: v.strings })),
    ...Object.entries(p.strings).map(([id, strings]) => ({ id, strings }))]);
  parts = p;
  for (const fn of waiting.splice(0)) fn(p);
}

const waiting = [];
/** The later parts, once they are here (null before). */
export const laterParts = () => parts;
/** Calls fn(parts) when the later parts are here: at once if they are, else when they register (it loads nothing). */
export function whenLater(fn) {
  if (parts) fn(parts);
  else waiting.push(fn);
}

let lastError = null;
/** Why the later script did not load, the last time it was tried (null: it did not fail). */
export const laterError = () => lastError;

/** Loads the later script (once) and resolves to its parts; rejects with a message that names the file. */
export function loadLater(doc = document) {
  if (parts) return Promise.resolve(parts);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = LATER_FILE;
      // a failed load is not kept: the next call (another lesson chosen) tries again
      const fail = (err) => { loading = null; lastError = err; script.remove(); reject(err); };
      script.onerror = () => fail(new Error(`${LATER_FILE} did not load: keep it beside index.html, or use nonlinear-playground.html (one file)`));
      // the script has run by its load event: it registered itself, or it is not ours
      script.onload = () => (parts ? resolve(parts) : fail(new Error(`${LATER_FILE} loaded but registered nothing (a stale build: run npm run build)`)));
      doc.head.appendChild(script);
    });
  }
  return loading;
}
