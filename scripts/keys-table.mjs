#!/usr/bin/env node
// The URL-key table of web/README.md, generated from the declarations (web/state.js, which reads
// every lesson's `keys`). `node scripts/keys-table.mjs` prints it; `--write` puts it into
// web/README.md between the <!-- keys:begin --> and <!-- keys:end --> markers.
// tests/node/declarations.test.mjs fails when the README's table differs from this one.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KEY_DECLS } from '../web/state.js';

export const README = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'README.md');
const BEGIN = '<!-- keys:begin -->';
const END = '<!-- keys:end -->';

const EFFECTS = {
  data: 'new data, reset', network: 'reset', live: 'live', view: 'view', rebuild: 'rebuilds the lesson’s networks',
};

function fmtDefault(name, v) {
  if (name === 'lang') return 'from `navigator.language`';
  if (Array.isArray(v)) return `\`${v.join(',')}\``;
  if (v === '') return '(none)';
  return typeof v === 'string' ? `\`${v}\`` : String(v);
}

/** The table, one row per key, in hash order. */
export function keysTable() {
  const entries = Object.entries(KEY_DECLS);
  const hides = entries.filter(([, d]) => d.hide).map(([, d]) => `\`${d.hide}\``);
  const rows = entries.filter(([, d]) => !d.hide).map(([name, d]) => {
    const owner = d.owner === 'host' ? 'every lesson' : `\`${d.owner}\``;
    const values = d.doc ? `${d.doc}: ${d.values}` : d.values;
    const hash = d.hash === 'changed' ? ' (in the hash only when not the default)' : '';
    return `| \`${name}\` | ${owner} | ${values} | ${fmtDefault(name, d.default)} | ${EFFECTS[d.effect]}${hash} |`;
  });
  rows.push(`| \`<control>_hide\` | the control's | \`true\` hides the control of that key and the layout closes up (TensorFlow Playground's convention); controls: ${hides.join(' ')} | false | view (in the hash only when not the default) |`);
  return ['| key | lesson | values | default | on change |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The table as web/README.md has it now (null if the markers are missing). */
export function readmeTable(text = readFileSync(README, 'utf8')) {
  const a = text.indexOf(BEGIN), b = text.indexOf(END);
  return a < 0 || b < a ? null : text.slice(a + BEGIN.length, b).trim();
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const table = keysTable();
  if (process.argv.includes('--write')) {
    const text = readFileSync(README, 'utf8');
    if (readmeTable(text) === null) throw new Error(`${README}: the ${BEGIN} / ${END} markers are missing`);
    const a = text.indexOf(BEGIN), b = text.indexOf(END);
    writeFileSync(README, `${text.slice(0, a + BEGIN.length)}\n${table}\n${text.slice(b)}`);
    console.log(`keys-table: wrote ${Object.keys(KEY_DECLS).length} keys into web/README.md`);
  } else {
    console.log(table);
  }
}
