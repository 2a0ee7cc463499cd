// The page's controls: fills the selects, turns every user action into either a partial state
// (onChange) or a command (onAction), and mirrors the state back into the controls (sync).

import { t } from './i18n.js';
import {
  DATASET_GROUPS, OPTIMIZERS, REGULARIZATIONS, LEARNING_RATES, REG_RATES, BATCH_SIZES,
  MAX_LAYERS, MAX_NEURONS,
} from './state.js';

const $ = (root, id) => root.getElementById(id);

function option(value, label) {
  const o = document.createElement('option');
  o.value = String(value);
  o.textContent = label;
  return o;
}

function setOptions(select, items, value) {
  select.replaceChildren(...items);
  select.value = String(value);
}

// A numeric select offers a fixed list; a value from a URL outside it gets its own entry.
function numericOptions(list, value) {
  const values = list.includes(value) ? list : [...list, value].sort((a, b) => a - b);
  return values.map((v) => option(v, String(v)));
}

export function createControls(doc, { activations, datasets, onChange, onAction }) {
  const el = {};
  for (const id of ['play', 'step', 'reset', 'epoch', 'addLayer', 'removeLayer', 'layerCount', 'neuronSteppers',
    'dataset', 'noise', 'noiseOut', 'percTrainData', 'percTrainDataOut', 'regenerate', 'showTestData', 'discretize',
    'learningRate', 'batchSize', 'optimizer', 'regularization', 'regularizationRate', 'outputActivation',
    'activation', 'activation2']) el[id] = $(doc, id);
  const langButtons = [...doc.querySelectorAll('[data-lang]')];
  let state = null;

  // --- options (rebuilt when the language or a custom numeric value changes)
  function renderOptions(s, kind) {
    const groups = DATASET_GROUPS.map(({ group, names }) => {
      const g = document.createElement('optgroup');
      g.label = t(`groups.${group}`);
      g.append(...names.filter((n) => datasets.includes(n)).map((n) => option(n, t(`datasets.${n}`))));
      return g;
    }).filter((g) => g.children.length);
    setOptions(el.dataset, groups, s.dataset);
    const acts = () => activations.map((a) => option(a, t(`activations.${a}`)));
    setOptions(el.activation, acts(), s.activation);
    setOptions(el.activation2, acts(), s.activation2);
    const autoName = kind === 'classification' ? 'tanh' : 'linear';
    const outs = kind === 'multiclass'
      ? [option('auto', t('multiclassOut'))]
      : [option('auto', t('auto', { name: t(`activations.${autoName}`) })), ...acts()];
    setOptions(el.outputActivation, outs, kind === 'multiclass' ? 'auto' : s.outputActivation);
    setOptions(el.optimizer, OPTIMIZERS.map((o) => option(o, t(`optimizers.${o}`))), s.optimizer);
    setOptions(el.regularization, REGULARIZATIONS.map((r) => option(r, t(`regularizations.${r}`))), s.regularization);
    setOptions(el.learningRate, numericOptions(LEARNING_RATES, s.learningRate), s.learningRate);
    setOptions(el.batchSize, numericOptions(BATCH_SIZES, s.batchSize), s.batchSize);
    setOptions(el.regularizationRate, numericOptions(REG_RATES, s.regularizationRate), s.regularizationRate);
  }

  function renderSteppers(shape) {
    el.layerCount.value = String(shape.length);
    el.removeLayer.disabled = shape.length === 0;
    el.addLayer.disabled = shape.length >= MAX_LAYERS;
    const items = shape.map((units, i) => {
      const wrap = document.createElement('div');
      wrap.className = 'stepper';
      wrap.dataset.layer = String(i);
      const minus = document.createElement('button');
      minus.type = 'button'; minus.textContent = '−'; minus.dataset.delta = '-1';
      minus.disabled = units <= 1;
      const plus = document.createElement('button');
      plus.type = 'button'; plus.textContent = '+'; plus.dataset.delta = '1';
      plus.disabled = units >= MAX_NEURONS;
      minus.setAttribute('aria-label', t('removeNeuron', { n: i + 1 })); minus.title = minus.getAttribute('aria-label');
      plus.setAttribute('aria-label', t('addNeuron', { n: i + 1 })); plus.title = plus.getAttribute('aria-label');
      const out = document.createElement('output');
      out.value = String(units);
      wrap.append(minus, out, plus);
      return wrap;
    });
    if (shape.length) {
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = t('neurons');
      items.push(hint);
    }
    el.neuronSteppers.replaceChildren(...items);
  }

  // --- events
  const selectKeys = ['dataset', 'learningRate', 'batchSize', 'optimizer', 'regularization', 'regularizationRate',
    'outputActivation', 'activation', 'activation2'];
  for (const key of selectKeys) el[key].addEventListener('change', () => onChange({ [key]: el[key].value }));
  for (const key of ['noise', 'percTrainData']) {
    el[key].addEventListener('input', () => { el[`${key}Out`].value = label(key, el[key].value); });
    el[key].addEventListener('change', () => onChange({ [key]: el[key].value }));
  }
  for (const key of ['showTestData', 'discretize']) el[key].addEventListener('change', () => onChange({ [key]: el[key].checked }));
  el.play.addEventListener('click', () => onAction('togglePlay'));
  el.step.addEventListener('click', () => onAction('step'));
  el.reset.addEventListener('click', () => onAction('reset'));
  el.regenerate.addEventListener('click', () => onAction('regenerate'));
  el.addLayer.addEventListener('click', () => {
    const s = state.networkShape;
    if (s.length < MAX_LAYERS) onChange({ networkShape: [...s, s.length ? s[s.length - 1] : 2] });
  });
  el.removeLayer.addEventListener('click', () => {
    if (state.networkShape.length) onChange({ networkShape: state.networkShape.slice(0, -1) });
  });
  el.neuronSteppers.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-delta]');
    if (!b) return;
    const i = Number(b.parentElement.dataset.layer), shape = state.networkShape.slice();
    shape[i] = Math.min(MAX_NEURONS, Math.max(1, shape[i] + Number(b.dataset.delta)));
    onChange({ networkShape: shape });
  });
  for (const b of langButtons) b.addEventListener('click', () => onChange({ lang: b.dataset.lang }));
  doc.addEventListener('keydown', (ev) => {
    if (ev.code !== 'Space' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target.closest?.('input, select, textarea, button')) return;
    ev.preventDefault();
    onAction('togglePlay');
  });

  function label(key, v) { return key === 'noise' ? String(v) : `${v}%`; }

  return {
    renderOptions,
    /** Mirrors the state (and the dataset kind) into every control. */
    sync(s, { kind, playing, optionsStale }) {
      const shapeChanged = !state || state.networkShape.join() !== s.networkShape.join();
      state = s;
      if (optionsStale) renderOptions(s, kind);
      for (const key of selectKeys) {
        const want = key === 'outputActivation' && kind === 'multiclass' ? 'auto' : String(s[key]);
        if (el[key].value !== want) {
          if (![...el[key].options].some((o) => o.value === want)) renderOptions(s, kind);
          el[key].value = want;
        }
      }
      el.outputActivation.disabled = kind === 'multiclass';
      el.noise.value = String(s.noise); el.noiseOut.value = label('noise', s.noise);
      el.percTrainData.value = String(s.percTrainData); el.percTrainDataOut.value = label('percTrainData', s.percTrainData);
      el.showTestData.checked = s.showTestData;
      el.discretize.checked = s.discretize;
      el.discretize.disabled = kind === 'regression';
      if (shapeChanged || optionsStale) renderSteppers(s.networkShape);
      for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === s.lang));
      this.setPlaying(playing);
    },
    setPlaying(playing) {
      el.play.classList.toggle('playing', playing);
      el.play.setAttribute('aria-label', t(playing ? 'pause' : 'play'));
      el.play.setAttribute('aria-pressed', String(playing));
    },
    setEpoch(epoch) { const s = epoch.toLocaleString('en-US'); if (el.epoch.value !== s) el.epoch.value = s; },
  };
}
