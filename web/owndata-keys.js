// What the page's script has of the reader's own data (web/owndata.js) before the own-data panel
// arrives with the later script (web/later.js): the panel's title, which labels the `points` key's
// control; its first row's buttons and its CSV line (ownFirstRow), which the compare lesson lays
// out invisible to keep the panel's place and the panel itself uses; and what is wrong with a
// `points=` value in a link (the key's explain, read as the page starts), in both languages.

import { t } from './i18n.js';
import { el, icon } from './scenes/basics.js';
import { decodePoints } from './points.js';

/** [English, Chinese], read as t('scenes.compare.own.<key>'); web/owndata.js's table adds the panel's. */
export const OWN_KEY_TABLE = {
  title: ['Your own data', '自己的数据'],
  addPoints: ['Add points', '添加数据点'],
  csvTitle: ['Paste or open a CSV file', '粘贴或打开 CSV 文件'],
  // what is wrong with a `points=` value in a link (the key's explain)
  url: {
    type: ['it must be text', '它必须是文本'],
    kind: ['it must start with c., r. or f. (the kind of data), not “{kind}”', '它必须以 c.、r. 或 f.（数据类型）开头，而不是“{kind}”'],
    char: ['“{char}” at character {at} is not base64url (A–Z a–z 0–9 - _)', '第 {at} 个字符“{char}”不是 base64url 字符（A–Z a–z 0–9 - _）'],
    length: ['{length} characters do not hold a whole number of points (the link may be cut off)', '{length} 个字符不能组成整数个数据点（链接可能被截断了）'],
    padding: ['its last character has bits that belong to no point', '最后一个字符含有不属于任何数据点的位'],
    range: ['point {point} has a coordinate outside its range', '第 {point} 个点有坐标超出了范围'],
    count: ['{count} points, more than {max}', '有 {count} 个点，超过了 {max} 个'],
  },
};

/** The download button's icon (an arrow onto a line): a path, not the character ⤓, which few fonts have. */
const DOWNLOAD_ICON = 'M11 4h2v8.2l3.3-3.3 1.4 1.4L12 16l-5.7-5.7 1.4-1.4 3.3 3.3zM5 18h14v2H5z';

/**
 * The panel's "Add points" and "CSV" buttons and the summary of its CSV line, as they look: one
 * definition, so that the place compare.js keeps for the panel is the panel's size. owndata.js
 * gives them their names and what they do.
 */
export function ownFirstRow() {
  return {
    toggle: el('button', { type: 'button', class: 'text-button' },
      el('span', { class: 'own-plus', 'aria-hidden': 'true', text: '+' }), el('span', { 'data-i18n': 'scenes.compare.own.addPoints' })),
    download: el('button', { type: 'button', class: 'text-button' }, icon(DOWNLOAD_ICON, 'own-icon'), 'CSV'),
    summary: el('summary', { 'data-i18n': 'scenes.compare.own.csvTitle' }),
  };
}

/** Why a `points=` value is refused, in the reader's language (the key's `explain`). */
export function explainPoints(v) {
  const d = decodePoints(v);
  return d.error ? t(`scenes.compare.own.url.${d.error.code}`, d.error.params) : undefined;
}
