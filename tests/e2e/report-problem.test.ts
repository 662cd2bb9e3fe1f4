import { expect, it } from 'vitest';
import { axeViolations, launchExtension, openPage, removeProfile, screenshot } from './browser';

// A receptionist reports a wrong entry from the panel; the practice lead sees it in the review queue.
it('reports a problem with an entry from the side panel and shows it in the review queue', async () => {
  const l = await launchExtension();
  try {
    const page = await openPage(l, 'sidepanel');
    await page.getByRole('button', { name: 'Look up support' }).click();
    const box = page.getByLabel('Search support');
    await box.click();
    await box.pressSequentially('food bank', { delay: 30 });
    const list = page.getByRole('list', { name: 'Matching support' });
    await expect.poll(() => list.getByRole('checkbox').count()).toBeGreaterThan(0);
    const name = (await list.locator('li label').first().textContent())?.replace(/^\d/, '').trim() ?? '';

    await list.getByRole('button', { name: `Details of ${name}` }).click();
    await list.getByRole('button', { name: 'Report a problem with this entry' }).click();
    await expect.poll(() => page.getByRole('heading', { name: `Report a problem with ${name}` }).count()).toBe(1);
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Choose what is wrong');
    await page.getByLabel('Phone, email or website is wrong').check();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'report-problem-form');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByText('The practice lead will check this entry').count()).toBe(1);

    // Only the asset id, a reason code and the time are stored.
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('care-navigation');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      return new Promise<Record<string, unknown>[]>((ok) => {
        const r = db.transaction('reports').objectStore('reports').getAll();
        r.onsuccess = () => ok(r.result);
      });
    });
    expect(stored).toHaveLength(1);
    expect(Object.keys(stored[0]).sort()).toEqual(['assetId', 'at', 'id', 'reason']);
    expect(stored[0].reason).toBe('wrong_contact');

    const dash = await openPage(l, 'dashboard', '#directory');
    const queue = dash.locator('.review-queue');
    await expect.poll(() => queue.textContent()).toContain(name);
    expect(await queue.textContent()).toContain('Phone, email or website is wrong');
    await screenshot(dash, 'report-problem-review-queue');
  } finally {
    await l.context.close();
    removeProfile(l.profileDir);
  }
});
