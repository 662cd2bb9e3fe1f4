import { expect, it } from 'vitest';
import { axeViolations, launchExtension, openPage, removeProfile, screenshot } from './browser';

// The practice lead sets the practice name, desk label and link-worker wait; the panel uses them.
it('saves settings from the dashboard, rejects bad values with a linked error, and the panel shows them', async () => {
  const l = await launchExtension();
  try {
    const dash = await openPage(l, 'dashboard', '#settings');
    await dash.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await axeViolations(dash)).toEqual([]);

    await dash.getByLabel('Practice name').fill('Riverside Surgery');
    await dash.getByLabel('Desk label').fill('Front desk');
    await dash.getByLabel(/link worker \(weeks\)/).fill('6');
    await dash.getByLabel(/Keep signposting events for/).fill('5');
    await dash.getByRole('button', { name: 'Save settings' }).click();
    const summary = dash.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect.poll(() => summary.textContent()).toContain('Retention must be a whole number of days from 30');
    expect(await axeViolations(dash)).toEqual([]);
    await screenshot(dash, 'settings-error');
    // The error links to its field.
    await summary.getByRole('link').click();
    await expect.poll(() => dash.evaluate(() => document.activeElement?.id)).toBe('setting-retentionDays');

    // Nothing was saved while a value was wrong.
    const panelBefore = await openPage(l, 'sidepanel');
    await panelBefore.getByRole('heading', { name: 'Explain and ask' }).waitFor();
    expect(await panelBefore.getByText('Riverside Surgery').count()).toBe(0);
    await panelBefore.close();

    await dash.getByLabel(/Keep signposting events for/).fill('365');
    await dash.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => dash.getByRole('status').filter({ hasText: 'Settings saved.' }).count()).toBe(1);

    const panel = await openPage(l, 'sidepanel');
    await expect.poll(() => panel.locator('.panel-header h1').textContent()).toContain('Riverside Surgery');
    // Link-worker wait shown before escalating: Enter (consent), Enter (no red flags), 1 (a need), Enter.
    await panel.getByRole('heading', { name: 'Explain and ask' }).waitFor();
    await panel.keyboard.press('Enter');
    await panel.getByRole('heading', { name: 'Check nothing is urgent' }).waitFor();
    await panel.keyboard.press('Enter');
    await panel.getByRole('heading', { name: 'Find the need' }).waitFor();
    await panel.keyboard.press('1');
    await panel.keyboard.press('Enter');
    await panel.getByRole('heading', { name: 'Choose support' }).waitFor();
    await expect.poll(() => panel.getByText(/current wait about 6 weeks/).count()).toBeGreaterThan(0);
    await screenshot(panel, 'settings-applied-in-panel');
  } finally {
    await l.context.close();
    removeProfile(l.profileDir);
  }
});
