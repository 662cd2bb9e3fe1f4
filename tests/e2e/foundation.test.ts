import { expect, it } from 'vitest';
import { axeViolations, launchExtension, openPage, removeProfile, screenshot } from './browser';

/**
 * The foundation journey: a typo search, a result opened, a signposted outcome logged, and the count still
 * there after the browser is closed and relaunched with the same profile.
 */
it('signposts from a typo search and keeps the count across a browser restart', async () => {
  let l = await launchExtension();
  const profile = l.profileDir;
  try {
    const page = await openPage(l, 'sidepanel');
    await expect.poll(() => page.getByText('Demo data').count()).toBe(1);
    await expect.poll(() => page.locator('.counts').textContent()).toContain('Logged today: 0');

    // Explain and ask → no red flags → a need → choose support.
    await page.getByRole('heading', { name: 'Explain and ask' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Check nothing is urgent' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Find the need' }).waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Choose support' }).waitFor();

    const box = page.getByLabel('Search support');
    await box.click();
    await box.pressSequentially('lonley', { delay: 40 });
    const list = page.getByRole('list', { name: 'Matching support' });
    await expect.poll(() => list.getByRole('checkbox').count()).toBeGreaterThan(0);
    const firstName = (await list.locator('li label').first().textContent())?.replace(/^\d/, '').trim() ?? '';
    expect(firstName).not.toBe('');
    await screenshot(page, 'foundation-1-typo-search');

    // Open the first result's details: contacts, times, cost, route in, wait, last verified.
    await list.getByRole('button', { name: `Details of ${firstName}` }).click();
    const details = list.locator('.asset-details').first();
    for (const term of ['Phone', 'Opening times', 'Cost', 'How to get in', 'Waiting time', 'Last verified'])
      await expect.poll(() => details.getByText(term, { exact: true }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'foundation-2-details');

    await list.getByRole('checkbox', { name: new RegExp(firstName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hand over the details' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Record the outcome' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.logged').textContent()).toContain('Signposted');
    await expect.poll(() => page.locator('.counts').textContent()).toContain('Logged today: 1');
    await screenshot(page, 'foundation-3-logged');

    await l.context.close();
    l = await launchExtension(profile);
    const again = await openPage(l, 'sidepanel');
    await expect.poll(() => again.locator('.counts').textContent()).toContain('Logged today: 1');
    expect(await again.locator('.counts').textContent()).toMatch(/This week: [1-9]/);
    await screenshot(again, 'foundation-4-after-restart');
  } finally {
    await l.context.close();
    removeProfile(profile);
  }
});
