// The default view as a reader first sees it, in English and Chinese, at 1280x800 (everything on
// one screen) and 375x800 (stacked), saved to artifacts/ for a person to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, FILE_URL, artifactsDir } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const VIEWS = [
  { name: 'default-1280x800-en', viewport: { width: 1280, height: 800 }, lang: 'en' },
  { name: 'default-1280x800-zh', viewport: { width: 1280, height: 800 }, lang: 'zh' },
  { name: 'default-375x800-en', viewport: { width: 375, height: 800 }, lang: 'en' },
  { name: 'default-375x800-zh', viewport: { width: 375, height: 800 }, lang: 'zh' },
];

for (const v of VIEWS) {
  test(`screenshot ${v.name}`, async () => {
    const locale = v.lang === 'zh' ? 'zh-CN' : 'en-US';
    const { page, errors, close } = await openPage(browser, FILE_URL, { viewport: v.viewport, locale, play: true });
    try {
      // the default view autoplays; let it show its answer, then hold still for the picture
      await page.waitForFunction(() => window.playground.get().networks[0].epoch >= 150, null, { timeout: 30000 });
      await page.evaluate(() => window.playground.pause());
      await page.waitForTimeout(100);
      const dir = artifactsDir();
      await page.screenshot({ path: join(dir, `${v.name}.png`) });
      if (v.viewport.width < 500) await page.screenshot({ path: join(dir, `${v.name}-full.png`), fullPage: true });
      const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
      assert.ok(size.w <= v.viewport.width, `no horizontal scrolling: ${size.w}px wide`);
      if (v.viewport.width >= 1280) assert.ok(size.h <= v.viewport.height, `everything on one screen: ${size.h}px tall`);
      assert.equal(await page.evaluate(() => window.playground.get().state.lang), v.lang);
      assert.deepEqual(errors, []);
    } finally { await close(); }
  });
}
