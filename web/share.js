// Share and take away: the masthead's Share button (in #share) opens a small panel with
//   - the link to the current state and an <iframe> snippet for course pages (embed=1), each with
//     a Copy button (where the clipboard is blocked, as in sandboxed frames: the text is selected
//     and the panel says which keys copy it),
//   - "Save picture (PNG)": the current lesson's figures with their labels as one image
//     (lessonPicture(), exported for the tests), and "Print handout" (web/print.css),
//   - on lessons with twin networks (compare): each network's model as JSON, to download and to
//     import (the engine validates the file; a bad one is named in the panel and changes nothing).
// Every text goes in as text (textContent, input values), never as HTML. The strings are this
// module's own (SHARE_STRINGS, en + zh with the same keys), chosen by the page's language.

import { t } from './i18n.js';

export const SHARE_STRINGS = {
  en: {
    share: 'Share',
    shareTitle: 'Share this setup, save a picture, print a handout',
    panelTitle: 'Share and take away',
    close: 'Close',
    link: 'Link to this setup',
    embed: 'Embed in a course page',
    embedNote: 'Paste this HTML into a course page, a blog or an LMS. It runs inside the frame and needs no server.',
    copy: 'Copy',
    copyLink: 'Copy the link',
    copyEmbed: 'Copy the embed code',
    copied: 'Copied.',
    pressCopy: 'Press {key} to copy',
    takeAway: 'Save and print',
    picture: 'Save picture (PNG)',
    pictureTitle: 'The current lesson’s figures with their labels, as one PNG image',
    print: 'Print handout',
    printTitle: 'The current lesson’s figures and text, without the controls',
    saved: 'Saved “{file}”.',
    pictureFailed: 'The picture could not be made: {reason}',
    models: 'Models (JSON)',
    modelsNote: 'Each network’s layers, activations and weights. An imported file must come from a network with the same layers and activations.',
    network: 'Network {n} · {activation}',
    download: 'Download',
    import: 'Import…',
    downloadLabel: 'Download network {n} as JSON',
    importLabel: 'Import network {n} from a JSON file',
    imported: 'Network {n} now has the weights from “{file}”.',
    importFailed: 'Nothing changed: “{file}” cannot be used. {reason}',
    notJson: 'The file is not JSON.',
    notModel: 'It is not a model saved from this page (its format is “{format}”, not “{want}”).',
    printLink: 'This lesson online:',
  },
  zh: {
    share: '分享',
    shareTitle: '分享当前设置、保存图片或打印讲义',
    panelTitle: '分享与保存',
    close: '关闭',
    link: '当前设置的链接',
    embed: '嵌入课程网页',
    embedNote: '把这段 HTML 粘贴到课程网页、博客或教学平台中即可。它在框架内独立运行，不需要服务器。',
    copy: '复制',
    copyLink: '复制链接',
    copyEmbed: '复制嵌入代码',
    copied: '已复制。',
    pressCopy: '按 {key} 复制',
    takeAway: '保存与打印',
    picture: '保存图片（PNG）',
    pictureTitle: '把本课的图表连同文字标注保存为一张 PNG 图片',
    print: '打印讲义',
    printTitle: '打印本课的图表和文字，不含操作控件',
    saved: '已保存“{file}”。',
    pictureFailed: '无法生成图片：{reason}',
    models: '模型（JSON）',
    modelsNote: '每个网络的层结构、激活函数和权重。导入的文件必须来自层结构和激活函数都相同的网络。',
    network: '网络 {n} · {activation}',
    download: '下载',
    import: '导入…',
    downloadLabel: '将网络 {n} 下载为 JSON 文件',
    importLabel: '从 JSON 文件导入网络 {n}',
    imported: '网络 {n} 已载入“{file}”中的权重。',
    importFailed: '未做任何更改：无法使用“{file}”。{reason}',
    notJson: '该文件不是有效的 JSON。',
    notModel: '它不是从本页保存的模型文件（文件格式为“{format}”，应为“{want}”）。',
    printLink: '在线打开本课：',
  },
};

/** 'en' or 'zh': the page's current language (setLang() keeps <html lang> in step). */
export function shareLang(doc = document) {
  return /^zh/i.test(doc.documentElement.lang || '') ? 'zh' : 'en';
}

/** One of this module's strings in the page's language, with {param} substitution. */
export function say(key, params, lang = shareLang()) {
  let s = SHARE_STRINGS[lang]?.[key] ?? SHARE_STRINGS.en[key] ?? key;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
  return s;
}

/** The link with embed=1 in its hash (replacing any embed=... there). */
export function embedLink(link) {
  const i = link.indexOf('#');
  const base = i < 0 ? link : link.slice(0, i);
  const parts = (i < 0 ? '' : link.slice(i + 1)).split('&').filter((p) => p && !/^embed=/.test(p));
  return `${base}#${[...parts, 'embed=1'].join('&')}`;
}

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The <iframe> snippet a teacher pastes into a course page. */
export function iframeSnippet(link) {
  return `<iframe src="${escapeAttr(embedLink(link))}" width="900" height="600" sandbox="allow-scripts" style="border:0" title="Nonlinear Playground"></iframe>`;
}

// --- the picture ---------------------------------------------------------------------------

// What the picture leaves out: form fields, the settings sidebar, buttons (except the ones that
// are figures, such as the activation tiles), pictures drawn with SVG (icons).
const SKIP = 'input, textarea, option, script, style, template, svg, .sidebar';
const TRANSPARENT = /^(transparent|rgba\(\s*0,\s*0,\s*0,\s*0\s*\))$/;

function skipped(el) {
  if (el.matches(SKIP)) return true;
  return el.tagName === 'BUTTON' && !el.querySelector('canvas');
}

function cssFont(cs) {
  return `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
}

function transformText(text, cs) {
  if (cs.textTransform === 'uppercase') return text.toUpperCase();
  if (cs.textTransform === 'lowercase') return text.toLowerCase();
  return text;
}

function radiusOf(value, w, h) {
  const v = parseFloat(value) || 0;
  const r = String(value).trim().endsWith('%') ? (v / 100) * Math.min(w, h) : v;
  return Math.max(0, Math.min(r, w / 2, h / 2));
}

function roundedPath(ctx, x, y, w, h, r) {
  ctx.beginPath();
  if (r > 0 && ctx.roundRect) ctx.roundRect(x, y, w, h, r);
  else ctx.rect(x, y, w, h);
}

/** An element's background colour and borders (solid or dashed), at its place. */
function paintBox(ctx, el, cs, r, o) {
  const x = r.left - o.x, y = r.top - o.y, w = r.width, h = r.height;
  const rad = radiusOf(cs.borderTopLeftRadius, w, h);
  if (!TRANSPARENT.test(cs.backgroundColor)) {
    ctx.fillStyle = cs.backgroundColor;
    roundedPath(ctx, x, y, w, h, rad);
    ctx.fill();
  }
  const side = (s) => ({ w: parseFloat(cs[`border${s}Width`]) || 0, style: cs[`border${s}Style`], color: cs[`border${s}Color`] });
  const sides = { Top: side('Top'), Right: side('Right'), Bottom: side('Bottom'), Left: side('Left') };
  const drawn = (b) => b.w > 0 && b.style !== 'none' && b.style !== 'hidden' && !TRANSPARENT.test(b.color);
  const all = Object.values(sides);
  if (all.every((b) => drawn(b) && b.w === all[0].w && b.color === all[0].color && b.style === all[0].style)) {
    const b = all[0];
    ctx.strokeStyle = b.color;
    ctx.lineWidth = b.w;
    ctx.setLineDash(b.style === 'dashed' ? [3 * b.w, 2 * b.w] : b.style === 'dotted' ? [b.w, b.w] : []);
    roundedPath(ctx, x + b.w / 2, y + b.w / 2, w - b.w, h - b.w, Math.max(0, rad - b.w / 2));
    ctx.stroke();
    ctx.setLineDash([]);
    return;
  }
  // sides of different colours or widths (a card's accent on top): each side's band, inside the
  // rounded outline; a dashed side (a legend's line) as a dashed line
  ctx.save();
  roundedPath(ctx, x, y, w, Math.max(h, 0.01), rad);
  ctx.clip();
  for (const [name, b] of Object.entries(sides)) {
    if (!drawn(b)) continue;
    if (b.style === 'dashed' || b.style === 'dotted') {
      ctx.strokeStyle = b.color;
      ctx.lineWidth = b.w;
      ctx.setLineDash(b.style === 'dashed' ? [3 * b.w, 2 * b.w] : [b.w, b.w]);
      ctx.beginPath();
      if (name === 'Top') { ctx.moveTo(x, y + b.w / 2); ctx.lineTo(x + w, y + b.w / 2); }
      if (name === 'Bottom') { ctx.moveTo(x, y + h - b.w / 2); ctx.lineTo(x + w, y + h - b.w / 2); }
      if (name === 'Left') { ctx.moveTo(x + b.w / 2, y); ctx.lineTo(x + b.w / 2, y + h); }
      if (name === 'Right') { ctx.moveTo(x + w - b.w / 2, y); ctx.lineTo(x + w - b.w / 2, y + h); }
      ctx.stroke();
      ctx.setLineDash([]);
      continue;
    }
    ctx.fillStyle = b.color;
    if (name === 'Top') ctx.fillRect(x, y, w, b.w);
    if (name === 'Bottom') ctx.fillRect(x, y + h - b.w, w, b.w);
    if (name === 'Left') ctx.fillRect(x, y + sides.Top.w, b.w, h - sides.Top.w - sides.Bottom.w);
    if (name === 'Right') ctx.fillRect(x + w - b.w, y + sides.Top.w, b.w, h - sides.Top.w - sides.Bottom.w);
  }
  ctx.restore();
}

/** Draws `text` with the top-left of its box at (x, y) in a box of height h, at most maxW wide. */
function drawTextBox(ctx, text, x, y, h, maxW) {
  const m = ctx.measureText(text);
  const asc = m.fontBoundingBoxAscent ?? m.actualBoundingBoxAscent ?? h * 0.8;
  const desc = m.fontBoundingBoxDescent ?? m.actualBoundingBoxDescent ?? h * 0.2;
  const base = y + (h - (asc + desc)) / 2 + asc;
  ctx.textBaseline = 'alphabetic';
  if (maxW > 0 && m.width > maxW + 1) ctx.fillText(text, x, base, maxW + 1);
  else ctx.fillText(text, x, base);
}

/** A text node, line by line, where the page laid it out. */
function paintText(ctx, node, o, doc) {
  const raw = node.nodeValue;
  const start = raw.search(/\S/);
  if (start < 0) return;
  const end = raw.length - (raw.length - raw.trimEnd().length);
  const cs = doc.defaultView.getComputedStyle(node.parentElement);
  if (cs.visibility !== 'visible' || TRANSPARENT.test(cs.color)) return;
  ctx.font = cssFont(cs);
  ctx.fillStyle = cs.color;
  if ('letterSpacing' in ctx) ctx.letterSpacing = cs.letterSpacing === 'normal' ? '0px' : cs.letterSpacing;
  const range = doc.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const rects = [...range.getClientRects()].filter((q) => q.width > 0 && q.height > 0);
  if (!rects.length) return;
  const show = (s) => transformText(s.replace(/\s+/g, ' '), cs);
  if (rects.length === 1) {
    const q = rects[0];
    drawTextBox(ctx, show(raw.slice(start, end)), q.left - o.x, q.top - o.y, q.height, q.width);
    return;
  }
  // wrapped: group the words (or, in Chinese, the characters) by the line they are on
  const pieces = [...raw.matchAll(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+/g)];
  const lines = [];
  for (const p of pieces) {
    range.setStart(node, p.index);
    range.setEnd(node, p.index + p[0].length);
    const q = [...range.getClientRects()].find((rr) => rr.width > 0 && rr.height > 0);
    if (!q) continue;
    const line = lines[lines.length - 1];
    if (line && Math.abs(q.top - line.top) < q.height / 2 && q.left >= line.right - 1) {
      line.to = p.index + p[0].length; line.right = q.right; line.height = Math.max(line.height, q.height);
    } else {
      lines.push({ from: p.index, to: p.index + p[0].length, left: q.left, top: q.top, right: q.right, height: q.height });
    }
  }
  for (const l of lines) drawTextBox(ctx, show(raw.slice(l.from, l.to)), l.left - o.x, l.top - o.y, l.height, l.right - l.left);
}

/** A <select> as its shown value (the choice, not the control). */
function paintSelect(ctx, el, cs, r, o) {
  const text = el.selectedOptions?.[0]?.textContent;
  if (!text) return;
  ctx.font = cssFont(cs);
  ctx.fillStyle = cs.color;
  if ('letterSpacing' in ctx) ctx.letterSpacing = '0px';
  const padL = (parseFloat(cs.paddingLeft) || 0) + (parseFloat(cs.borderLeftWidth) || 0);
  drawTextBox(ctx, text, r.left - o.x + padL, r.top - o.y, r.height, r.width - padL);
}

function paintElement(ctx, el, o, doc) {
  if (skipped(el)) return;
  const cs = doc.defaultView.getComputedStyle(el);
  if (cs.display === 'none') return;
  const opacity = Number(cs.opacity);
  if (opacity === 0) return;
  const r = el.getBoundingClientRect();
  const shown = cs.visibility === 'visible' && r.width > 0 && r.height > 0;
  ctx.save();
  if (opacity < 1) ctx.globalAlpha *= opacity;
  if (el.tagName === 'SELECT') {
    if (shown) paintSelect(ctx, el, cs, r, o);
    ctx.restore();
    return;
  }
  if (shown) paintBox(ctx, el, cs, r, o);
  if (el.tagName === 'CANVAS') {
    if (shown && el.width > 0 && el.height > 0) {
      ctx.imageSmoothingEnabled = cs.imageRendering !== 'pixelated' && cs.imageRendering !== 'crisp-edges';
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(el, r.left - o.x, r.top - o.y, r.width, r.height);
    }
    ctx.restore();
    return;
  }
  // what overflows a clipping box (a rounded heatmap box, a scrolled table) stays hidden
  if (shown && cs.overflowX !== 'visible' && cs.display !== 'contents') {
    roundedPath(ctx, r.left - o.x, r.top - o.y, r.width, r.height, radiusOf(cs.borderTopLeftRadius, r.width, r.height));
    ctx.clip();
  }
  for (const child of el.childNodes) {
    if (child.nodeType === 3) paintText(ctx, child, o, doc);
    else if (child.nodeType === 1) paintElement(ctx, child, o, doc);
  }
  ctx.restore();
}

/** Breaks text into lines at most `width` wide (words, or single CJK characters). */
function wrap(ctx, text, width) {
  const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/g) ?? [];
  const lines = [];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (line.trim() && ctx.measureText(next.trimEnd()).width > width && tok.trim()) {
      lines.push(line.trimEnd());
      line = tok;
    } else {
      line = next;
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/**
 * The current lesson as one picture: every visible figure (canvas) of the lesson's view, the
 * layers of a heatmap box composited in order, at their places on the page, with the text of
 * its headings, numbers, legends and captions drawn where the page shows them; the lesson's
 * title above. White background, at devicePixelRatio scale (or `scale`). Returns the canvas.
 */
export function lessonPicture(doc = document, { scale } = {}) {
  const view = doc.getElementById('stage')?.firstElementChild;
  if (!view) throw new Error('no lesson is shown');
  const win = doc.defaultView;
  // the part of the view worth a picture: its children but the settings (compare's sidebar)
  const parts = [...view.children].filter((c) => !skipped(c) && win.getComputedStyle(c).display !== 'none')
    .map((c) => c.getBoundingClientRect()).filter((q) => q.width > 0 && q.height > 0);
  if (!parts.length) parts.push(view.getBoundingClientRect());
  const vr = { left: Math.min(...parts.map((q) => q.left)), top: Math.min(...parts.map((q) => q.top)) };
  vr.width = Math.max(...parts.map((q) => q.right)) - vr.left;
  vr.height = Math.max(...parts.map((q) => q.bottom)) - vr.top;
  const pad = 16;
  const width = Math.ceil(vr.width + 2 * pad);
  const bodyCs = win.getComputedStyle(doc.body);
  const family = bodyCs.fontFamily;
  const ink = bodyCs.color || '#1d1f23';

  // the title: the lesson's name, the page's question and name, the lesson's lede
  const measure = doc.createElement('canvas').getContext('2d');
  const sceneSelect = doc.getElementById('scene');
  const lessonTitle = sceneSelect?.selectedOptions?.[0]?.textContent?.trim() || '';
  const question = doc.querySelector('.masthead h1')?.textContent?.trim() || '';
  const titleText = lessonTitle || question || doc.title;
  const subText = [lessonTitle ? question : '', 'Nonlinear Playground'].filter(Boolean).join(' · ');
  // the lede without its bold lead (the lesson's title, already above)
  const ledeEl = doc.getElementById('lede');
  const lede = ledeEl ? [...ledeEl.childNodes].filter((n) => n.nodeName !== 'STRONG').map((n) => n.textContent).join('')
    .replace(/\s+/g, ' ').trim() : '';
  const titleFont = `700 19px ${family}`, subFont = `400 12.5px ${family}`, ledeFont = `400 13.5px ${family}`;
  measure.font = ledeFont;
  const ledeLines = lede ? wrap(measure, lede, width - 2 * pad) : [];
  const header = pad + 24 + 20 + ledeLines.length * 19 + (ledeLines.length ? 10 : 4);
  const height = Math.ceil(header + vr.height + pad);

  let k = scale ?? Math.max(1, win.devicePixelRatio || 1);
  k = Math.min(k, 16384 / width, 16384 / height); // browsers refuse larger canvases
  const canvas = doc.createElement('canvas');
  canvas.width = Math.round(width * k);
  canvas.height = Math.round(height * k);
  const ctx = canvas.getContext('2d');
  ctx.scale(k, k);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);

  ctx.fillStyle = ink;
  ctx.textBaseline = 'alphabetic';
  ctx.font = titleFont;
  ctx.fillText(titleText, pad, pad + 19, width - 2 * pad);
  ctx.font = subFont;
  ctx.fillStyle = '#5f6670';
  ctx.fillText(subText, pad, pad + 24 + 14, width - 2 * pad);
  ctx.font = ledeFont;
  ctx.fillStyle = '#30343a';
  ledeLines.forEach((l, i) => ctx.fillText(l, pad, pad + 24 + 20 + 14 + i * 19, width - 2 * pad));

  // the view, where the page shows it
  const origin = { x: vr.left - pad, y: vr.top - header };
  paintElement(ctx, view, origin, doc);
  return canvas;
}

// --- downloads -----------------------------------------------------------------------------

function download(doc, blob, name) {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

const safeName = (s) => String(s).replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

/** Saves the current lesson's picture as nonlinear-playground-<lesson>.png; resolves to the name. */
export function savePicture(doc, sceneId) {
  const name = `nonlinear-playground-${safeName(sceneId)}.png`;
  const canvas = lessonPicture(doc);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) { reject(new Error('toBlob gave nothing')); return; }
      download(doc, blob, name);
      resolve(name);
    }, 'image/png');
  });
}

// --- the panel -----------------------------------------------------------------------------

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICONS = {
  share: 'M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11A2.99 2.99 0 0 0 21 5a3 3 0 1 0-5.91.7L8.04 9.81A2.99 2.99 0 0 0 3 12a3 3 0 0 0 5.04 2.19l7.12 4.16c-.05.21-.08.43-.08.65a2.92 2.92 0 1 0 2.92-2.92z',
  close: 'M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z',
};

function icon(doc, name) {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/**
 * Builds the Share button and its panel inside #share and keeps them in step with the page:
 * `pg` is window.playground (ready). Returns { open, close, refresh, node }.
 */
export function createSharePanel(pg, doc = document) {
  const host = doc.getElementById('share');
  if (!host) return null;
  const h = (tag, attrs = {}, ...children) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    e.append(...children.flat().filter((c) => c !== null && c !== undefined));
    return e;
  };
  const labels = []; // [node, key, how ('text' | 'title' | 'aria' | fn)]
  const label = (node, key, how = 'text') => { labels.push([node, key, how]); return node; };

  // the button
  const buttonText = label(h('span', { class: 'share-label' }), 'share');
  const button = label(h('button', { type: 'button', class: 'share-button', id: 'shareButton', 'aria-expanded': 'false',
    'aria-controls': 'sharePanel', 'aria-haspopup': 'dialog' }, icon(doc, 'share'), buttonText), 'shareTitle', 'title');

  // the panel
  const title = label(h('h2', { id: 'shareTitle', class: 'share-title' }), 'panelTitle');
  const closeButton = label(label(h('button', { type: 'button', class: 'icon-button share-close' }, icon(doc, 'close')), 'close', 'aria'), 'close', 'title');

  const linkField = h('input', { type: 'text', id: 'shareLink', class: 'share-field', readonly: true, spellcheck: 'false', autocomplete: 'off' });
  const copyLink = label(label(h('button', { type: 'button', class: 'text-button share-copy', 'data-copy': 'link' }), 'copy'), 'copyLink', 'aria');
  const embedField = h('textarea', { id: 'shareEmbed', class: 'share-field share-code', readonly: true, rows: '4', spellcheck: 'false' });
  const copyEmbed = label(label(h('button', { type: 'button', class: 'text-button share-copy', 'data-copy': 'embed' }), 'copy'), 'copyEmbed', 'aria');
  const copyHint = h('p', { class: 'share-hint', role: 'status', 'aria-live': 'polite' });

  const pictureButton = label(label(h('button', { type: 'button', class: 'text-button', id: 'sharePicture' }), 'picture'), 'pictureTitle', 'title');
  const printButton = label(label(h('button', { type: 'button', class: 'text-button', id: 'sharePrint' }), 'print'), 'printTitle', 'title');
  const takeStatus = h('p', { class: 'share-status', role: 'status', 'aria-live': 'polite' });

  const modelRows = h('div', { class: 'share-models-rows' });
  const modelStatus = h('p', { class: 'share-status', id: 'shareModelStatus', role: 'status', 'aria-live': 'polite' });
  const models = h('section', { class: 'share-section share-models', id: 'shareModels', hidden: true },
    label(h('h3', {}), 'models'), label(h('p', { class: 'share-note' }), 'modelsNote'), modelRows, modelStatus);

  const panel = h('div', { class: 'share-panel', id: 'sharePanel', role: 'dialog', 'aria-labelledby': 'shareTitle', hidden: true },
    h('div', { class: 'share-head' }, title, closeButton),
    h('section', { class: 'share-section' },
      label(h('label', { for: 'shareLink', class: 'share-field-label' }), 'link'),
      h('div', { class: 'share-row' }, linkField, copyLink)),
    h('section', { class: 'share-section' },
      label(h('label', { for: 'shareEmbed', class: 'share-field-label' }), 'embed'),
      embedField,
      h('div', { class: 'share-row share-row-end' }, label(h('p', { class: 'share-note' }), 'embedNote'), copyEmbed),
      copyHint),
    h('section', { class: 'share-section' },
      label(h('h3', {}), 'takeAway'),
      h('div', { class: 'share-row share-actions' }, pictureButton, printButton),
      takeStatus),
    models);

  // shown only on paper (web/print.css): where the handout's lesson lives online
  const printLink = h('span', { class: 'share-print-url' });
  const printLine = h('p', { class: 'share-print' }, label(h('span', {}), 'printLink'), ' ', printLink);
  host.replaceChildren(button, panel, printLine);

  let lang = shareLang(doc);
  function relabel() {
    for (const [node, key, how] of labels) {
      const text = say(key, undefined, lang);
      if (how === 'text') node.textContent = text;
      else if (how === 'title') node.title = text;
      else if (how === 'aria') node.setAttribute('aria-label', text);
    }
    panel.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    copyHint.textContent = '';
    takeStatus.textContent = '';
    modelStatus.textContent = '';
    modelsDrawn = '';
  }

  // --- the models (compare): one row per network
  let modelsDrawn = '';
  function refreshModels() {
    let nets = [];
    try { nets = pg.exportNetworks(); } catch { nets = []; }
    models.hidden = nets.length === 0;
    if (!nets.length) { modelRows.replaceChildren(); modelsDrawn = ''; return; }
    const acts = activationsOf(nets);
    const sig = `${lang}|${acts.join()}`;
    if (sig === modelsDrawn) return;
    modelsDrawn = sig;
    modelRows.replaceChildren(...nets.map((_, i) => {
      const n = i + 1;
      const name = h('span', { class: 'share-net-name' }, h('span', { class: 'share-swatch', 'aria-hidden': 'true' }),
        say('network', { n, activation: activationName(acts[i]) }, lang));
      const down = h('button', { type: 'button', class: 'text-button', 'data-net': String(i), 'data-action': 'download',
        'aria-label': say('downloadLabel', { n }, lang) });
      down.textContent = say('download', undefined, lang);
      const file = h('input', { type: 'file', accept: '.json,application/json', class: 'share-file', 'data-net': String(i), hidden: true,
        tabindex: '-1', 'aria-hidden': 'true' });
      const imp = h('button', { type: 'button', class: 'text-button', 'data-net': String(i), 'data-action': 'import',
        'aria-label': say('importLabel', { n }, lang) });
      imp.textContent = say('import', undefined, lang);
      down.addEventListener('click', () => downloadNetwork(i));
      imp.addEventListener('click', () => file.click());
      file.addEventListener('change', () => { const f = file.files?.[0]; file.value = ''; if (f) importFile(i, f); });
      return h('div', { class: 'share-row share-net', 'data-net': String(i) }, name, h('span', { class: 'share-net-buttons' }, down, imp, file));
    }));
  }

  const activationsOf = (nets) => {
    let summary = [];
    try { summary = pg.get().networks; } catch { /* not ready */ }
    return nets.map((net, i) => summary[i]?.activation ?? net.activations?.[0] ?? 'network');
  };
  const activationName = (a) => {
    const name = t(`activations.${a}`);
    return name === `activations.${a}` ? a : name;
  };

  function downloadNetwork(i) {
    const nets = pg.exportNetworks();
    if (!nets[i]) return;
    const act = activationsOf(nets)[i];
    const name = `network-${i + 1}-${safeName(act)}.json`;
    download(doc, new Blob([JSON.stringify(nets[i], null, 1)], { type: 'application/json' }), name);
    modelStatus.classList.remove('bad');
    modelStatus.textContent = say('saved', { file: name }, lang);
  }

  async function importFile(i, file) {
    const fileName = file.name.length > 60 ? `${file.name.slice(0, 60)}…` : file.name;
    const fail = (reason) => {
      modelStatus.classList.add('bad');
      modelStatus.textContent = say('importFailed', { file: fileName, reason }, lang);
    };
    let obj;
    try {
      obj = JSON.parse(await file.text());
    } catch {
      fail(say('notJson', undefined, lang));
      return;
    }
    const want = pg.exportNetworks()[i]?.format;
    const format = obj && typeof obj === 'object' && !Array.isArray(obj) ? obj.format : undefined;
    if (want && format !== want) {
      const shown = typeof format === 'string' ? (format.length > 60 ? `${format.slice(0, 60)}…` : format) : '—';
      fail(say('notModel', { format: shown, want }, lang));
      return;
    }
    try {
      pg.importNetwork(i, obj);
    } catch (err) {
      const msg = String(err && err.message ? err.message : err);
      fail(msg.length > 300 ? `${msg.slice(0, 300)}…` : msg);
      return;
    }
    modelStatus.classList.remove('bad');
    modelStatus.textContent = say('imported', { n: i + 1, file: fileName }, lang);
  }

  // --- link and snippet
  function refreshFields() {
    const link = pg.link();
    if (linkField.value !== link) linkField.value = link;
    const code = iframeSnippet(link);
    if (embedField.value !== code) embedField.value = code;
  }

  function refreshPrint() {
    try { printLink.textContent = pg.link(); } catch { /* not ready */ }
  }

  function refresh() {
    refreshFields();
    refreshModels();
  }

  const copyKey = () => (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || '') ? '⌘C' : 'Ctrl+C');

  async function copy(field) {
    refreshFields();
    copyHint.textContent = '';
    let ok = false;
    try {
      if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
        await navigator.clipboard.writeText(field.value);
        ok = true;
      }
    } catch { ok = false; }
    if (ok) {
      copyHint.textContent = say('copied', undefined, lang);
      return;
    }
    // blocked (a sandboxed frame, no permission): select the text for the keyboard
    field.focus();
    field.setSelectionRange(0, field.value.length);
    field.select();
    copyHint.textContent = say('pressCopy', { key: copyKey() }, lang);
  }

  // --- open / close
  const isOpen = () => !panel.hidden;
  function open() {
    if (isOpen()) return;
    copyHint.textContent = '';
    takeStatus.textContent = '';
    modelStatus.textContent = '';
    refresh();
    panel.hidden = false;
    place();
    button.setAttribute('aria-expanded', 'true');
    // the link, selected: Ctrl+C copies it at once
    linkField.focus();
    linkField.select();
    linkField.scrollLeft = 0;
    doc.addEventListener('pointerdown', onOutside, true);
    doc.addEventListener('keydown', onKey, true);
  }
  // under the button, right-aligned, moved left or right as far as it must to stay on screen
  function place() {
    panel.style.right = '0px';
    const r = panel.getBoundingClientRect(), margin = 8;
    const vw = doc.documentElement.clientWidth;
    if (r.left < margin) panel.style.right = `${r.left - margin}px`;
    else if (r.right > vw - margin) panel.style.right = `${r.right - (vw - margin)}px`;
  }
  addEventListener('resize', () => { if (isOpen()) place(); });

  function close({ focus = true } = {}) {
    if (!isOpen()) return;
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    doc.removeEventListener('pointerdown', onOutside, true);
    doc.removeEventListener('keydown', onKey, true);
    if (focus) button.focus();
  }
  function onOutside(ev) {
    if (!host.contains(ev.target)) close({ focus: false });
  }
  function onKey(ev) {
    if (ev.key === 'Escape' && !ev.defaultPrevented) {
      ev.preventDefault();
      ev.stopPropagation();
      close();
    }
  }

  button.addEventListener('click', () => (isOpen() ? close() : open()));
  closeButton.addEventListener('click', () => close());
  copyLink.addEventListener('click', () => copy(linkField));
  copyEmbed.addEventListener('click', () => copy(embedField));
  pictureButton.addEventListener('click', async () => {
    takeStatus.classList.remove('bad');
    takeStatus.textContent = '';
    try {
      const name = await savePicture(doc, pg.get().state.scene);
      takeStatus.textContent = say('saved', { file: name }, lang);
    } catch (err) {
      takeStatus.classList.add('bad');
      takeStatus.textContent = say('pictureFailed', { reason: err && err.message ? err.message : String(err) }, lang);
    }
  });
  printButton.addEventListener('click', () => { close({ focus: true }); window.print(); });
  addEventListener('beforeprint', refreshPrint);

  pg.on('change', ({ state }) => {
    const next = state.lang === 'zh' ? 'zh' : 'en';
    if (next !== lang) { lang = next; relabel(); }
    refreshPrint();
    if (isOpen()) refresh();
  });

  relabel();
  refreshPrint();
  return { node: host, open, close, refresh, isOpen };
}
