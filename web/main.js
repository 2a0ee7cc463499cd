// Entry point: loads the engine, starts the page, and publishes window.playground, the one
// global of the page (documented in web/README.md):
//   playground.ready            Promise, resolves (to playground) once the engine runs and every
//                               lesson has loaded (web/later.js)
//   playground.get()            { state, scene: { id, ...figures }, networks: [{ activation, epoch, trainLoss, testLoss,
//                                 trainAccuracy, testAccuracy, diverged }], kind, playing, perf }
//   playground.set(partial)     applies synchronously; returns { applied, ignored }
//   playground.step(epochs)     trains the current lesson synchronously, redraws; returns networks
//                               (compare) or the lesson's figures
//   playground.play() / pause() / reset() / weights()
// and answers postMessage commands from an embedding page (web/messages.js, docs/embedding.md)

import { loadEngine } from './engine.js';
import { createApp } from './app.js';
import { t, setLang, defaultLang } from './i18n.js';
import { parseHash, DEFAULTS } from './state.js';
import { startMessaging } from './messages.js';
import { viewOf } from './scenes/index.js';
import { loadLater, laterParts, setLaterEngine } from './later.js';
import { laterKeys } from './engine-later.js';

const notReady = () => { throw new Error('playground is not ready yet: await playground.ready'); };
const api = { get: notReady, set: notReady, step: notReady, play: notReady, pause: notReady, reset: notReady, weights: notReady };

api.ready = (async () => {
  // the language of the loading message: the hash's if it names one (read by the same parser as
  // every other key, so a malformed escape such as "lang=%" is a reported problem, not a crash)
  setLang(parseHash(location.hash, { activations: [], datasets: [] }).values.lang ?? defaultLang(navigator.language));
  const loading = document.getElementById('loading');
  loading.textContent = t('loading');
  const page = document.getElementById('page');
  let engine;
  try {
    engine = await loadEngine();
  } catch (err) {
    page.removeAttribute('data-loading');
    loading.classList.add('error');
    loading.textContent = t('loadFailed', { msg: err && err.message ? err.message : String(err) });
    throw err;
  }
  setLaterEngine(engine);
  // A link that opens on a lesson after the first needs its view before the first frame (if it
  // cannot come, the app shows the first lesson and says why), and one that names an activation
  // or input features in the later part of the engine's module (web/engine-later.js) needs that
  const link = parseHash(location.hash, { activations: engine.activations, datasets: engine.datasets }).values;
  const laterInLink = laterKeys(link, DEFAULTS, engine);
  if (!viewOf(link.scene ?? DEFAULTS.scene) || laterInLink.length > 0) {
    await loadLater().catch(() => {
      // the later part cannot come (the page says which file is missing): the link's keys that
      // need it give way to the defaults, or the first lesson could not be built
      if (engine.complete) return;
      // (and a TensorFlow Playground link's activation, which is network 2's activation2)
      const drop = (k) => laterInLink.includes(k) || (k === 'activation' && laterInLink.includes('activation2'));
      const keyOf = (pair) => { try { return decodeURIComponent(pair.split('=')[0]); } catch { return ''; } };
      const keep = location.hash.slice(1).split('&').filter((pair) => !drop(keyOf(pair)));
      try { history.replaceState(null, '', `#${keep.join('&')}`); } catch { /* sandboxed: the hash stays */ }
    });
  }
  // The page is laid out but invisible (index.html: data-loading) until the app fills it
  page.removeAttribute('data-loading');
  Object.assign(api, createApp(engine, document));
  loading.hidden = true;
  // The other lessons and the Share panel once the first frame is on screen (web/later.js; the
  // single offline file has them already); playground.ready waits for them, and so does the
  // embedding API's playground:ready (its events wait, its commands queue until then). A frame
  // that is hidden, or out of view in a frame of another origin, gets no animation frames: the
  // timeout starts the load there.
  const later = (async () => {
    if (!laterParts()) await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve)); setTimeout(resolve, 100); });
    return loadLater();
  })();
  startMessaging(api, window, { ready: later }); // the postMessage API for a page that embeds this one (web/messages.js)
  try {
    (await later).createSharePanel(api, document); // the Share button and panel in #share (web/share.js)
  } catch (err) {
    // the first lesson works: a bar at the bottom says what is missing, over nothing it needs
    loading.hidden = false;
    loading.classList.add('error', 'bar');
    loading.textContent = t('laterFailed', { msg: err && err.message ? err.message : String(err) });
    throw err;
  }
  return api;
})();

window.playground = api;
