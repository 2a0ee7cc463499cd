// The host's controls, the same in every lesson (index.html holds their markup, each with
// data-control="<key>"): play / step / reset and the epoch, the lesson picker with ‹ ›, the
// language buttons, and the space bar for play/pause. Lessons declare their own controls.

import { t } from './i18n.js';

/** 12345 -> "12,345", as toLocaleString('en-US') writes it, without loading the locale's data
 * (its first call costs 15-25 ms in Chromium, on the first frame). */
export const groupThousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Epochs per frame the speed control offers (key `speed`). */
export const SPEEDS = [1, 5, 25, 100];

/** The host's controls, declared like a lesson's (web/controls.js); the keys they act on. */
export const HOST_CONTROLS = [
  { key: 'speed', kind: 'custom', label: 'speed' },
  { key: 'playButton', kind: 'custom', label: 'play' },
  { key: 'stepButton', kind: 'custom', label: 'step' },
  { key: 'resetButton', kind: 'custom', label: 'reset' },
  { key: 'scene', kind: 'custom', label: 'lesson' },
  { key: 'lang', kind: 'custom', label: 'language' },
  { key: 'shareButton', kind: 'custom', label: 'share' },
];

export function createToolbar(doc, { scenes, onChange, onAction }) {
  const $ = (id) => doc.getElementById(id);
  const play = $('play'), epochOut = $('epoch'), speed = $('speed');
  const sceneSelect = $('scene'), sceneText = $('sceneText'), prev = $('prevScene'), next = $('nextScene');
  const langButtons = [...doc.querySelectorAll('[data-lang]')];

  play.addEventListener('click', () => onAction('togglePlay'));
  $('step').addEventListener('click', () => onAction('step'));
  $('reset').addEventListener('click', () => onAction('reset'));
  for (const b of langButtons) b.addEventListener('click', () => onChange({ lang: b.dataset.lang }));
  speed.addEventListener('change', () => onChange({ speed: Number(speed.value) }));
  sceneSelect.addEventListener('change', () => onChange({ scene: sceneSelect.value }));
  let current = scenes[0];
  const go = (d) => { const i = scenes.indexOf(current) + d; if (i >= 0 && i < scenes.length) onChange({ scene: scenes[i] }); };
  prev.addEventListener('click', () => go(-1));
  next.addEventListener('click', () => go(1));
  doc.addEventListener('keydown', (ev) => {
    if (ev.code !== 'Space' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target.closest?.('input, select, textarea, button')) return;
    ev.preventDefault();
    onAction('togglePlay');
  });

  return {
    /** The lesson picker and ‹ › for lesson `id` (labels in the current language). */
    syncScene(id) {
      current = id;
      const i = scenes.indexOf(id);
      const title = (s) => t(`scenes.${s}.title`);
      const labels = scenes.map((s, k) => `${k + 1} · ${title(s)}`);
      if (sceneSelect.dataset.labels !== labels.join('|')) {
        sceneSelect.replaceChildren(...scenes.map((s, k) => {
          const o = doc.createElement('option');
          o.value = s; o.textContent = labels[k];
          return o;
        }));
        sceneSelect.dataset.labels = labels.join('|');
      }
      sceneSelect.value = id;
      // the picker's face: the same label, wrapping by words on a narrow screen (a select truncates)
      sceneText.textContent = labels[i];
      prev.disabled = i <= 0;
      next.disabled = i >= scenes.length - 1;
      next.title = i < scenes.length - 1 ? t('nextScene', { name: title(scenes[i + 1]) }) : '';
      prev.title = i > 0 ? t('prevScene', { name: title(scenes[i - 1]) }) : '';
      next.setAttribute('aria-label', next.title || t('nextSceneShort'));
      prev.setAttribute('aria-label', prev.title || t('prevSceneShort'));
    },
    syncSpeed(value) {
      const labels = SPEEDS.map((v) => `${v}×`).join('|');
      if (speed.dataset.labels !== labels) {
        speed.replaceChildren(...SPEEDS.map((v) => { const o = doc.createElement('option'); o.value = String(v); o.textContent = `${v}×`; return o; }));
        speed.dataset.labels = labels;
      }
      speed.value = String(value);
    },
    syncLang(lang) {
      for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    },
    setPlaying(playing) {
      play.classList.toggle('playing', playing);
      play.setAttribute('aria-label', t(playing ? 'pause' : 'play'));
      play.setAttribute('aria-pressed', String(playing));
    },
    // a plain element, not a live region: the count changes every frame (announcements: app.js)
    setEpoch(epoch) { const s = groupThousands(epoch); if (epochOut.textContent !== s) epochOut.textContent = s; },
  };
}
