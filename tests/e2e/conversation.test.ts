import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Launched, launchExtension, openPage, removeProfile, screenshot } from './browser';

/**
 * The guided conversation in the real side panel page, driven only by the keyboard. Every screen is
 * checked with axe and photographed; each outcome is read back from IndexedDB to prove it was durable.
 */

const PRODUCT_FIELDS = [
  'id',
  'at',
  'outcome',
  'categories',
  'assetIds',
  'handout',
  'channel',
  'durationSec',
  'desk',
  'scriptVersion',
];

let l: Launched;
let keystrokes = 0;

beforeAll(async () => {
  l = await launchExtension();
});
afterAll(async () => {
  await l?.context.close();
  if (l) removeProfile(l.profileDir);
});

async function press(page: Page, key: string) {
  keystrokes++;
  await page.keyboard.press(key);
}

function focused(page: Page): Promise<string> {
  return page.evaluate(() => `${document.activeElement?.tagName}: ${document.activeElement?.textContent}`);
}

/** Waits for the step's heading to have focus, then checks accessibility and takes a picture. */
async function atStep(page: Page, heading: string | RegExp, shot: string) {
  await expect.poll(() => focused(page)).toMatch(typeof heading === 'string' ? `H2: ${heading}` : heading);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `conversation-${shot}`);
}

async function events(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('care-navigation');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = await new Promise<Record<string, unknown>[]>((ok, fail) => {
      const r = db.transaction('events').objectStore('events').getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    db.close();
    return all.sort((a, b) => String(a.at).localeCompare(String(b.at)));
  });
}

/**
 * What is on the real clipboard: pasted into a scratch box outside the conversation (extension origins
 * cannot be granted clipboard-read), then removed again.
 */
async function pasted(page: Page): Promise<string> {
  const active = await page.evaluateHandle(() => document.activeElement);
  await page.evaluate(() => {
    const box = document.createElement('textarea');
    box.id = 'paste-probe';
    document.body.append(box);
    box.focus();
  });
  await page.keyboard.press('Control+V');
  const text = await page.locator('#paste-probe').inputValue();
  await page.evaluate((el) => {
    document.getElementById('paste-probe')?.remove();
    (el as HTMLElement | null)?.focus();
  }, active);
  return text;
}

async function openPanel(): Promise<Page> {
  const page = await openPage(l, 'sidepanel');
  await expect.poll(() => focused(page)).toBe('H2: Explain and ask');
  return page;
}

describe('guided conversation (keyboard only)', () => {
  it('logs a common signposting conversation in at most 12 key presses, with the handout copied', async () => {
    const page = await openPanel();
    keystrokes = 0;
    await atStep(page, 'Explain and ask', '1-explain');
    expect(await page.getByText('Script awaiting local clinical sign-off').count()).toBe(1);

    await press(page, 'Enter');
    await atStep(page, 'Check nothing is urgent', '2-red-flags');
    await press(page, 'Enter');
    await atStep(page, 'Find the need', '3-needs');
    await press(page, '1');
    expect(await page.getByRole('checkbox', { name: /Loneliness and isolation/ }).isChecked()).toBe(true);
    await press(page, 'Enter');
    await atStep(page, 'Choose support', '4-support');
    await press(page, '1');
    const chosen = await page.locator('#support-results input[type="checkbox"]').first();
    await expect.poll(() => chosen.isChecked()).toBe(true);
    const chosenName = (await page.locator('#support-results li').first().locator('label').textContent())?.replace(
      /^\d/,
      '',
    );
    await press(page, 'Enter');
    await atStep(page, 'Hand over the details', '5-handover');
    const shown = await page.getByLabel('Text to give the patient').inputValue();
    expect(shown).toContain(chosenName?.trim());

    // The printed slip: only the slip is visible in print, with no patient data.
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'conversation-5b-print-slip');
    await page.emulateMedia({ media: 'screen' });

    await press(page, 'Enter'); // copy
    await atStep(page, 'Record the outcome', '6-record');
    const copied = await pasted(page);
    expect(copied).toBe(shown);
    expect(copied).toMatch(/^Local support/);

    await press(page, 'Enter'); // log
    await expect.poll(() => page.locator('.logged').textContent()).toContain('Signposted');
    await atStep(page, 'Explain and ask', '7-logged');

    expect(keystrokes).toBeLessThanOrEqual(12);
    console.log(`Common signposting conversation: ${keystrokes} key presses from panel open to logged.`);

    const [evt] = await events(page);
    expect(evt).toMatchObject({
      outcome: 'signposted',
      categories: ['loneliness'],
      handout: 'copied',
      channel: 'desk',
    });
    expect(evt.assetIds).toHaveLength(1);
    expect(String(evt.scriptVersion)).toMatch(/^1\.0\+[0-9a-f]{8}$/);
    for (const key of Object.keys(evt)) expect(PRODUCT_FIELDS).toContain(key);
    await page.close();
  });

  it.each<[string, string[], string | RegExp, Record<string, unknown>]>([
    ['declined', ['3'], 'Record the outcome', { outcome: 'declined', categories: [], assetIds: [] }],
    ['urgent', ['Enter', '2'], /^H2: Get urgent help: Mental health crisis/, { outcome: 'urgent', categories: [] }],
    ['clinical', ['Enter', 'Enter', 'm'], 'Record the outcome', { outcome: 'clinical', categories: [] }],
    [
      'link-worker',
      ['Enter', 'Enter', '2', 'l'],
      'Record the outcome',
      { outcome: 'link_worker', categories: ['money'] },
    ],
    [
      'no-suitable',
      ['Enter', 'Enter', '3', 'Enter', 'n'],
      'Record the outcome',
      { outcome: 'no_suitable', categories: ['housing'], assetIds: [] },
    ],
  ])('logs "%s" by keyboard', async (name, keys, lastHeading, expected) => {
    const page = await openPanel();
    const before = (await events(page)).length;
    for (const key of keys) await press(page, key);
    await atStep(page, lastHeading, `outcome-${name}`);
    if (name === 'urgent') {
      // Every number on the urgent screen sits next to its cited source.
      const items = page.locator('.urgent-actions > li');
      const count = await items.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++)
        expect(await items.nth(i).locator('.source a').getAttribute('href')).toMatch(/^https:\/\//);
      expect(await page.getByText('116 123').count()).toBe(1);
    }
    await press(page, 'Enter');
    await expect.poll(() => page.locator('.logged').count()).toBe(1);
    await expect.poll(async () => (await events(page)).length).toBe(before + 1);
    const latest = (await events(page)).at(-1);
    expect(latest).toMatchObject(expected);
    for (const key of Object.keys(latest ?? {})) expect(PRODUCT_FIELDS).toContain(key);
    await page.close();
  });

  it('loses the sign-off warning once a lead signs off in the dashboard, and gets it back after an edit', async () => {
    const dash = await openPage(l, 'dashboard', '#script');
    await dash.getByRole('heading', { name: 'Script' }).waitFor();
    expect(await dash.getByText(/not signed off/).count()).toBeGreaterThan(0);
    expect(await axeViolations(dash)).toEqual([]);
    await screenshot(dash, 'conversation-dashboard-script-unsigned');
    await dash.getByLabel('Name and role').fill('Dr Asha Patel, GP partner');
    await dash.getByRole('button', { name: 'Sign off this script' }).click();
    await expect.poll(() => dash.getByText(/signed off by Dr Asha Patel, GP partner/).count()).toBeGreaterThan(0);
    await screenshot(dash, 'conversation-dashboard-script-signed');

    const panel = await openPanel();
    expect(await panel.getByText('Script awaiting local clinical sign-off').count()).toBe(0);

    await dash.getByLabel('Consent question').fill('Would some local support help?');
    await dash.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => dash.getByText(/needs to be signed off again/).count()).toBe(1);
    await panel.reload();
    await expect.poll(() => focused(panel)).toBe('H2: Explain and ask');
    expect(await panel.getByText('Would some local support help?').count()).toBe(1);
    expect(await panel.getByText('Script awaiting local clinical sign-off').count()).toBe(1);
    await dash.close();
    await panel.close();
  });

  it('goes back with Escape and undoes a log with U', async () => {
    const page = await openPanel();
    const before = (await events(page)).length;
    await press(page, 'Enter');
    await press(page, 'Enter');
    await expect.poll(() => focused(page)).toBe('H2: Find the need');
    await press(page, 'Escape');
    await expect.poll(() => focused(page)).toBe('H2: Check nothing is urgent');
    await press(page, 'Escape');
    await press(page, '3');
    await press(page, 'Enter');
    await expect.poll(async () => (await events(page)).length).toBe(before + 1);
    await press(page, 'u');
    await expect.poll(async () => (await events(page)).length).toBe(before);
    await expect.poll(() => focused(page)).toBe('H2: Record the outcome');
    await page.close();
  });
});
