// Entry point: loads the engine, starts the page, and publishes window.playground, the one
// global of the page (documented in web/README.md):
//   playground.ready            Promise, resolves (to playground) once the engine runs
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
import { parseHash } from './state.js';
import { startMessaging } from './messages.js';
import { createSharePanel } from './share.js';

const notReady = () => { throw new Error('playground is not ready yet: await playground.ready'); };
const api = { get: notReady, set: notReady, step: notReady, play: notReady, pause: notReady, reset: notReady, weights: notReady };

api.ready = (async () => {
  // the language of the loading message: the hash's if it names one (read by the same parser as
  // every other key, so a malformed escape such as "lang=%" is a reported problem, not a crash)
  setLang(parseHash(location.hash, { activations: [], datasets: [] }).values.lang ?? defaultLang(navigator.language));
  const loading = document.getElementById('loading');
  loading.textContent = t('loading');
  // While the engine's module compiles, the main thread would idle: do there what the first
  // frame would otherwise wait for. The first number formatted for a locale loads its ICU data
  // (20-30 ms in Chromium here; the toolbar's epoch counter does it).
  setTimeout(() => (0).toLocaleString('en-US'));
  try {
    const engine = await loadEngine();
    // The page stays hidden (index.html) until the app fills it: one style and layout pass, in
    // the same task as the first frame, instead of one more for the bare page while the engine loads.
    document.getElementById('page').hidden = false;
    Object.assign(api, createApp(engine, document));
    startMessaging(api); // the postMessage API for a page that embeds this one (web/messages.js)
    createSharePanel(api, document); // the Share button and panel in #share (web/share.js)
    loading.hidden = true;
    return api;
  } catch (err) {
    document.getElementById('page').hidden = false;
    loading.classList.add('error');
    loading.textContent = t('loadFailed', { msg: err && err.message ? err.message : String(err) });
    throw err;
  }
})();

window.playground = api;
