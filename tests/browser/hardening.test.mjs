// No address can stop the page from starting, and the address always shows the state in use.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, FILE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const hash of ['lang=%', 'lang=%E0%A4%A', '%', 'lang=zh&scene=%ZZ&goal=%', '&&=&lang', 'scene=relu&reluUnits=%E0%A4%A']) {
  test(`#${hash} starts the page and reports what it ignored`, async () => {
    const { page, errors, close } = await openPage(browser, `${FILE_URL}#${hash}`);
    try {
      const g = await page.evaluate(() => window.playground.get());
      assert.ok(['en', 'zh'].includes(g.state.lang));
      assert.equal(await page.isVisible('#loading'), false, 'the loading message is gone');
      assert.ok(await page.locator('#notices .notice').count() >= 1, 'a notice names the ignored part');
      assert.deepEqual(errors, []);
    } finally { await close(); }
  });
}

test('a pasted hash with only invalid values is replaced by the state in use', async () => {
  const { page, errors, close } = await openPage(browser, FILE_URL);
  try {
    await page.evaluate(() => { location.hash = '#noise=abc&bogus=1&networkShape=99'; });
    await page.waitForFunction(() => location.hash.includes('dataset=xor'), null, { timeout: 3000 });
    const hash = await page.evaluate(() => decodeURIComponent(location.hash));
    assert.ok(!hash.includes('bogus') && !hash.includes('noise=abc') && !hash.includes('networkShape=99'), hash);
    assert.match(hash, /noise=0(&|$)/);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
