import { afterEach, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type Launched,
  launchExtension,
  openPage,
  removeProfile,
  screenshot,
  writeStraightToDirectory,
} from './browser';

// Bad input never blanks the panel: each case below must still show a usable panel and a specific message.
describe('side panel with bad input', () => {
  let l: Launched | undefined;
  afterEach(async () => {
    if (l) {
      await l.context.close();
      removeProfile(l.profileDir);
      l = undefined;
    }
  });

  it('says storage is unavailable when IndexedDB is blocked, and still lets you search', async () => {
    l = await launchExtension();
    await l.context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const page = await openPage(l, 'sidepanel', '#lookup');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('IndexedDB is unavailable');
    await page.getByLabel('Search support').fill('food bank');
    await expect.poll(() => page.getByRole('listitem').count()).toBeGreaterThan(0);
    await screenshot(page, 'bad-input-no-indexeddb');
  });

  it('replaces a corrupt settings value with the default and says which one', async () => {
    l = await launchExtension();
    const page = await openPage(l, 'sidepanel', '#lookup');
    await page.getByLabel('Search support').waitFor();
    await page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: the extension's own chrome API in the page
      await (globalThis as any).chrome.storage.local.set({
        settings: { version: 1, values: { practiceName: 42, deskLabel: 'Front desk' } },
      });
    });
    await page.reload();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('"practiceName" was not valid');
    await expect(page.getByLabel('Search support').isVisible()).resolves.toBe(true);
    await screenshot(page, 'bad-input-corrupt-setting');
  });

  it('leaves out a broken stored directory entry, names the problem, and keeps the rest', async () => {
    l = await launchExtension();
    const page = await openPage(l, 'sidepanel', '#lookup');
    await page.getByLabel('Search support').waitFor();
    // The dashboard would refuse the broken entry, so it is written straight to storage.
    await writeStraightToDirectory(
      page,
      [
        {
          id: 'good-one',
          name: 'Millbank Lunch Club',
          categories: ['loneliness'],
          phone: '01632 960777',
          status: 'active',
        },
        { id: 'broken-one', name: '', categories: [], status: 'active' },
      ],
      { source: 'csv' },
    );
    await page.reload();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/was skipped/);
    await page.getByLabel('Search support').fill('lunch');
    await expect.poll(() => page.getByRole('checkbox', { name: /Millbank Lunch Club/ }).count()).toBe(1);
    // Only the stored directory is in use: nothing from the demo data is offered alongside it.
    expect(await page.getByRole('checkbox').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bad-input-broken-entry');
  });
});
