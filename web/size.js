// CSS sizes of the canvases, kept up to date by a ResizeObserver, so drawing a frame never
// forces a synchronous layout (reading clientWidth after the stats text changed would).

const sizes = new WeakMap();
let observer = null;
const listeners = new Set();

function observe(el) {
  if (!observer && typeof ResizeObserver === 'function') {
    observer = new ResizeObserver((entries) => {
      for (const e of entries) {
        const box = e.contentBoxSize?.[0];
        sizes.set(e.target, box ? { w: box.inlineSize, h: box.blockSize } : { w: e.contentRect.width, h: e.contentRect.height });
      }
      for (const fn of listeners) fn();
    });
  }
  observer?.observe(el);
  sizes.set(el, { w: el.clientWidth, h: el.clientHeight });
}

/** { w, h } of el's content box in CSS pixels (at least 1 x 1). */
export function cssSize(el) {
  if (!sizes.has(el)) observe(el);
  const s = sizes.get(el);
  return { w: Math.max(1, s.w), h: Math.max(1, s.h) };
}

/** Calls fn after any observed element changed size. */
export function onResize(fn) { listeners.add(fn); }
