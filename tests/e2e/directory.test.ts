import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Launched, launchExtension, openPage, removeProfile, screenshot } from './browser';

/**
 * The practice lead's directory journey in real Chromium: a CSV chosen through the file input, the
 * preview, Replace, and the new assets found by the receptionist's search in the side panel. Bad files
 * never change the directory. One browser for the whole file (the machine's CPU is shared).
 */
const fixture = (name: string) => resolve('tests/e2e/fixtures', name);

let l: Launched;
beforeAll(async () => {
  l = await launchExtension();
});
afterAll(async () => {
  await l?.context.close();
  if (l) removeProfile(l.profileDir);
});

async function openDirectoryTab(): Promise<Page> {
  const page = await openPage(l, 'dashboard', '#directory');
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  return page;
}

/** Opens the side panel's look-up and returns a function that searches and reads the result names. */
async function openPanelSearch() {
  const panel = await openPage(l, 'sidepanel', '#lookup');
  const box = panel.getByLabel(/Search/).first();
  const names = async () =>
    (await panel.getByRole('list', { name: 'Matching support' }).locator('.result-name').allTextContents()).map((t) =>
      t.replace(/^\d+/, '').trim(),
    );
  return { panel, box, names };
}

describe('directory tab', () => {
  it('imports a CSV through the file picker, previews it, replaces the directory, and the panel finds it', async () => {
    const page = await openDirectoryTab();
    await expect.poll(() => page.locator('.directory-summary').textContent()).toMatch(/129 assets/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'directory-1-tab');

    await page.getByLabel('Choose a directory file').setInputFiles(fixture('directory-import.csv'));
    await page.getByRole('heading', { name: 'Check before importing' }).waitFor();
    const counts = page.locator('.preview-counts');
    await expect
      .poll(() => counts.textContent())
      .toMatch(/New2Changed0Unchanged0Rejected1Warnings1Removed by a replacement129/);
    const rejected = page.locator('#preview-rejected');
    expect(await rejected.textContent()).toMatch(/Line 4:.*no contact route/);
    expect(await page.locator('#preview-warnings').textContent()).toMatch(/column "colour" is not a directory column/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'directory-2-preview');

    await page.getByRole('button', { name: 'Replace the directory' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Replaced' }).textContent())
      .toMatch(/Replaced the directory: it now has 2 assets \(129 old assets removed\)/);
    const list = page.getByRole('region', { name: 'All assets' });
    await expect
      .poll(() => list.getByRole('heading', { level: 3 }).allTextContents())
      .toEqual(['Heron Nature Walks', 'Kestrel Knit and Natter']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'directory-3-applied');
    await page.close();

    const { panel, box, names } = await openPanelSearch();
    await box.fill('knit');
    await expect.poll(names).toContain('Kestrel Knit and Natter');
    await screenshot(panel, 'directory-4-panel-finds-import');
    // The demo directory was replaced: its food bank is gone (wait for the list to change first).
    await box.fill('food bank');
    await expect.poll(names).not.toContain('Kestrel Knit and Natter');
    expect(await names()).not.toContain('Ashbridge Food Bank');
    await panel.close();
  });

  it('a bad file never changes the directory, which stays searchable', async () => {
    const page = await openDirectoryTab();
    // Start from a known asset added by a merge, whatever earlier tests did.
    await page.getByLabel('Choose a directory file').setInputFiles(fixture('directory-merge.csv'));
    await page.getByRole('button', { name: 'Merge into the directory' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Merged' }).count()).toBe(1);
    const before = await page.locator('.directory-summary p').first().textContent();

    // The edit form's validation: an error summary linking to the field, and nothing saved.
    const list = page.getByRole('region', { name: 'All assets' });
    await list.getByLabel('Filter assets').fill('repair');
    await list.getByRole('button', { name: 'Edit Heron Repair Café' }).click();
    await page.getByRole('heading', { name: 'Edit Heron Repair Café' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('');
    await page.getByLabel('Website', { exact: true }).fill('not a website');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect
      .poll(() => summary.getByRole('link').allTextContents())
      .toEqual(['Name is missing', 'Website "not a website" is not a valid web address']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'directory-5-form-errors');
    await summary.getByRole('link', { name: 'Name is missing' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('asset-name');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Every row rejected: the preview explains why and offers nothing to apply.
    await page.getByLabel('Choose a directory file').setInputFiles(fixture('directory-bad.csv'));
    await page.getByRole('heading', { name: 'Check before importing' }).waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/Nothing in this file can be imported/);
    expect(await page.locator('#preview-rejected').textContent()).toMatch(
      /Line 2:.*"not-a-category" is not one of the categories[\s\S]*Line 3:.*name is missing/,
    );
    expect(await page.getByRole('button', { name: 'Replace the directory' }).isDisabled()).toBe(true);
    await screenshot(page, 'directory-6-all-rejected');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // A spreadsheet saved as .xlsx: a specific error, no preview.
    await page.getByLabel('Choose a directory file').setInputFiles({
      name: 'directory.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
    });
    await expect
      .poll(() => page.locator('#directory-file-error').textContent())
      .toMatch(/spreadsheet or zip file.*CSV UTF-8.*The directory has not changed/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'directory-7-spreadsheet-error');

    await page.reload();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    expect(await page.locator('.directory-summary p').first().textContent()).toBe(before);
    await page.close();

    const { panel, box, names } = await openPanelSearch();
    await box.fill('repair');
    await expect.poll(names).toContain('Heron Repair Café');
    await screenshot(panel, 'directory-8-panel-after-bad-import');
    await panel.close();
  });
});
