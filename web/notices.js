// Small floating notices: what the page did on its own (a reset) or ignored (a bad URL value).
// Text only (textContent): a value from the URL is shown, never interpreted.

export function createNotices(container, { dismissLabel }) {
  const live = new Map(); // text -> element, so the same notice is not stacked twice

  function remove(el) {
    for (const [k, v] of live) if (v === el) live.delete(k);
    el.remove();
  }

  return {
    /** kind: 'info' (goes after 4.5 s) or 'warn' (stays 20 s, or until dismissed). */
    show(text, { kind = 'info', timeout = kind === 'info' ? 4500 : 20000 } = {}) {
      if (live.has(text)) remove(live.get(text));
      const el = document.createElement('div');
      el.className = `notice ${kind}`;
      el.dataset.kind = kind;
      const span = document.createElement('span');
      span.className = 'text';
      span.textContent = text;
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = '×';
      close.setAttribute('aria-label', dismissLabel());
      close.addEventListener('click', () => remove(el));
      el.append(span, close);
      container.append(el);
      live.set(text, el);
      while (container.children.length > 8) remove(container.firstElementChild);
      if (timeout) setTimeout(() => { if (el.isConnected) remove(el); }, timeout);
      return el;
    },
    clear() { for (const el of [...live.values()]) remove(el); },
  };
}
