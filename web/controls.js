// A control built from its declaration (a lesson's `controls` in web/scenes/*.js). Every control's
// node carries data-control="<key>", the key it sets, so that any control can be found (and
// hidden) by its key. The declaration:
//   { key, kind: 'select' | 'range' | 'check' | 'action' | 'custom', label (i18n key), ... }
// Optional for every kind: aria (i18n key), an accessible name when the visible label is shared.
//   select: options(info) -> [[value, label]] or [{ group, options: [[value, label]] }],
//           className (default 'field'), disabled(info), value(info)
//   range:  min, max, step, format(value) (the text beside the label), disabled(info)
//   check:  disabled(info)
// info is { state, kind (the dataset's), engine (its name lists) }.
//   action: id, title (i18n key), value() -> the new value of `key` (e.g. a new seed)
//   custom: built by the lesson's own view, which puts data-control on it
// Text always goes in as text, never as HTML.

import { t } from './i18n.js';
import { el } from './scenes/basics.js';

function optionNodes(items) {
  return items.map((item) => (Array.isArray(item)
    ? el('option', { value: String(item[0]), text: item[1] })
    : el('optgroup', { label: item.group }, optionNodes(item.options))));
}

/** Builds a control; onChange(partialState) is called on every user change. */
export function createControl(decl, onChange) {
  const { key, kind, label } = decl;
  let input, out = null, node;
  if (kind === 'select') {
    input = el('select', { id: key });
    node = el('label', { class: decl.className ?? 'field', 'data-control': key }, el('span', { 'data-i18n': label }), input);
    input.addEventListener('change', () => onChange({ [key]: input.value }));
  } else if (kind === 'range') {
    input = el('input', { type: 'range', id: key, min: decl.min, max: decl.max, step: decl.step });
    out = el('span', { id: `${key}Out`, class: 'value' });
    node = el('label', { class: 'field range', 'data-control': key }, el('span', {}, el('span', { 'data-i18n': label }), ' ', out), input);
    input.addEventListener('input', () => { out.textContent = decl.format(input.value); });
    input.addEventListener('change', () => onChange({ [key]: input.value }));
  } else if (kind === 'check') {
    input = el('input', { type: 'checkbox', id: key });
    node = el('label', { class: 'check', 'data-control': key }, input, ' ', el('span', { 'data-i18n': label }));
    input.addEventListener('change', () => onChange({ [key]: input.checked }));
  } else if (kind === 'action') {
    input = el('button', { type: 'button', id: decl.id, class: 'text-button', 'data-i18n-title': decl.title, 'data-control': key },
      el('span', { 'data-i18n': label }));
    node = input;
    input.addEventListener('click', () => onChange({ [key]: decl.value() }));
  } else {
    throw new Error(`control ${key}: kind '${kind}' is built by its lesson, not here`);
  }

  // a name of its own where the visible label is shared ("Network 1 activation")
  if (decl.aria) input.setAttribute('data-i18n-aria', decl.aria);
  let optionsKey = '';
  return {
    decl, node, input,
    /** Mirrors the state into the control. */
    sync(info, { optionsStale = false } = {}) {
      const { state } = info;
      if (kind === 'select') {
        const items = decl.options(info);
        const sig = JSON.stringify(items);
        if (optionsStale || sig !== optionsKey) {
          input.replaceChildren(...optionNodes(items));
          optionsKey = sig;
        }
        const want = String(decl.value ? decl.value(info) : state[key]);
        if (input.value !== want) input.value = want;
        input.disabled = Boolean(decl.disabled?.(info));
      } else if (kind === 'range') {
        input.value = String(state[key]);
        out.textContent = decl.format(state[key]);
        input.disabled = Boolean(decl.disabled?.(info));
      } else if (kind === 'check') {
        input.checked = state[key];
        input.disabled = Boolean(decl.disabled?.(info));
      }
    },
  };
}

/** Options [[value, label]] of a numeric list; a value from a URL outside it gets its own entry. */
export function numericOptions(list, value) {
  const values = list.includes(value) ? list : [...list, value].sort((a, b) => a - b);
  return values.map((v) => [v, String(v)]);
}

/** Options [[name, translated name]] under an i18n table, e.g. ('optimizers', ['sgd', 'adam']). */
export function namedOptions(table, names) {
  return names.map((n) => [n, t(`${table}.${n}`)]);
}
