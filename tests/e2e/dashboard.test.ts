import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { axeViolations, launchExtension, openPage, removeProfile, screenshot, screenshotDir } from './browser';

const resultsDir = resolve('test-results');

/** A desk file of `n` conversations spread over [from, to), seeded so the figures are the same every run. */
function deskFile(desk: string, prefix: string, n: number, from: number, to: number) {
  const outcomes = ['signposted', 'signposted', 'signposted', 'link_worker', 'declined', 'no_suitable', 'urgent'];
  const needs = ['loneliness', 'money', 'housing', 'carers', 'transport', 'food'];
  const assets = ['ashbridge-befriending-service', 'memory-cafe-hollins-cross', 'no-longer-listed'];
  const events = Array.from({ length: n }, (_, i) => {
    const outcome = outcomes[i % outcomes.length];
    return {
      id: `${prefix}-${i}`,
      at: new Date(from + Math.floor(((to - from) * (i + 0.5)) / n)).toISOString(),
      outcome,
      categories: outcome === 'no_suitable' ? ['transport'] : [needs[i % needs.length]],
      assetIds: outcome === 'signposted' ? [assets[i % assets.length]] : [],
      handout: outcome === 'signposted' ? 'copied' : 'none',
      channel: i % 3 === 0 ? 'phone' : 'desk',
      durationSec: 60 + (i % 5) * 20,
      desk,
      scriptVersion: '1',
    };
  });
  return JSON.stringify({ format: 'care-navigation-log', version: 1, desk, events });
}

it('summarises imported desk logs, changes period by keyboard, exports CSV and prints a one-page report', async () => {
  const l = await launchExtension();
  try {
    const page = await openPage(l, 'dashboard', '#logs');
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: the extension's own chrome API in the page
      await (globalThis as any).chrome.storage.local.set({
        settings: { version: 1, values: { practiceName: 'Riverside Surgery', deskLabel: 'Front desk' } },
      });
    });
    await page.reload();
    await expect.poll(() => page.locator('.dashboard-header').textContent()).toContain('Riverside Surgery');
    await expect.poll(() => page.getByRole('radio', { name: 'This month' }).isChecked()).toBe(true);

    // Seed through the dashboard's own import: this month (up to now) and last month, from two desks.
    const now = new Date();
    const monthStart = new Date(now.getFullYear(), now.getMonth(), 1).getTime();
    const lastMonthStart = new Date(now.getFullYear(), now.getMonth() - 1, 1).getTime();
    const thisMonthFile = deskFile('Front desk', 'front', 42, monthStart, now.getTime());
    const lastMonthFile = deskFile('Phone room', 'phone', 23, lastMonthStart, monthStart);
    const files = [
      { name: 'front-desk.json', mimeType: 'application/json', buffer: Buffer.from(thisMonthFile) },
      { name: 'phone-room.json', mimeType: 'application/json', buffer: Buffer.from(lastMonthFile) },
    ];
    await page.getByLabel('Import desk log files').setInputFiles(files);
    await expect.poll(() => page.locator('.success').first().textContent()).toContain('65 events added, 0 duplicates');
    const headline = (label: string) => page.locator('.headline', { hasText: label }).locator('dd').textContent();
    await expect.poll(() => headline('Conversations')).toBe('42');

    // The same files again change nothing.
    await page.getByLabel('Import desk log files').setInputFiles(files);
    await expect.poll(() => page.locator('.success').first().textContent()).toContain('0 events added, 65 duplicates');
    await expect.poll(() => headline('Conversations')).toBe('42');

    // A broken file is refused by name.
    await page.getByLabel('Import desk log files').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"care-navigation-log","version":1,"desk":"X","events":[{"id":"x"}]}'),
    });
    await expect.poll(() => page.locator('.problem').textContent()).toContain('"broken.json" was not imported');

    // Period by keyboard: arrow keys move between the period radios and choose.
    await page.getByRole('radio', { name: 'This month' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('radio', { name: 'Last month' }).isChecked()).toBe(true);
    await expect.poll(() => headline('Conversations')).toBe('23');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => headline('Conversations')).toBe('42');
    await expect.poll(() => page.getByRole('table', { name: 'Outcomes' }).isVisible()).toBe(true);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-1-logs');

    // Events CSV: Excel-ready bytes, one row per conversation.
    const [eventsDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download events (CSV)' }).click(),
    ]);
    expect(eventsDownload.suggestedFilename()).toMatch(
      /^care-navigation-events-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const eventsBytes = readFileSync(await eventsDownload.path());
    expect([...eventsBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = eventsBytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'id,at,local_date,local_time,outcome,categories,asset_ids,asset_names,handout,channel,duration_sec,desk,script_version',
    );
    expect(lines.filter((x) => x.startsWith('front-'))).toHaveLength(42);
    expect(lines.at(-1)).toBe('');

    // Summary for sharing outside the practice: no count from 1 to 4 anywhere.
    await page.getByRole('checkbox', { name: 'To share outside the practice' }).check();
    await expect.poll(() => page.getByRole('button', { name: 'Download events (CSV)' }).count()).toBe(0);
    const [summaryDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download summary (CSV)' }).click(),
    ]);
    const summary = readFileSync(await summaryDownload.path(), 'utf8');
    expect(summary).toContain('report,practice,Practice,Riverside Surgery\r\n');
    expect(summary).toContain('headline,total,Total conversations,42\r\n');
    expect(summary).toMatch(/outcome,clinical,[^\r\n]*,<5\r\n/);
    expect(summary).not.toMatch(/,[1-4]\r\n/);
    await page.getByRole('checkbox', { name: 'To share outside the practice' }).uncheck();

    // The monthly feedback report: print styles, one A4 page, charts included, controls hidden.
    await page.getByRole('radio', { name: 'Last month' }).check();
    await expect.poll(() => headline('Conversations')).toBe('23');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('radio', { name: 'This month' }).isVisible()).toBe(false);
    expect(await page.getByRole('tablist').isVisible()).toBe(false);
    expect(await page.locator('svg.chart').first().isVisible()).toBe(true);
    mkdirSync(resultsDir, { recursive: true });
    const pdfPath = join(resultsDir, 'dashboard-report.pdf');
    const pdf = await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdfinfo')) {
      const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
      expect(info).toMatch(/^Pages:\s+1$/m);
    }
    if (existsSync('/usr/bin/pdftoppm')) {
      mkdirSync(screenshotDir, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '80', pdfPath, join(screenshotDir, 'dashboard-report')]);
    }
    await page.emulateMedia({ media: 'screen' });

    // Tabs: arrow keys move between sections and the address follows.
    await page.getByRole('tab', { name: 'Logs and reports' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#directory');
    expect(await page.getByRole('tab', { name: 'Directory' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Directory');
  } finally {
    await l.context.close();
    removeProfile(l.profileDir);
  }
});
