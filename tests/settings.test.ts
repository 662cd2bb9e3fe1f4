import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  onSettingsChanged,
  SettingsError,
  saveSettings,
  settingError,
} from '@/lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settingError', () => {
  it.each([
    ['practiceName', 'Ashbridge Medical Centre', null],
    ['practiceName', 42, 'Practice name must be text'],
    ['practiceName', 'x'.repeat(121), 'Practice name must be text'],
    ['deskLabel', 'Front desk', null],
    ['deskLabel', 'x'.repeat(41), 'Desk label must be text of up to 40'],
    ['linkWorkerWaitWeeks', null, null],
    ['linkWorkerWaitWeeks', 6, null],
    ['linkWorkerWaitWeeks', -1, 'Link worker wait must be a whole number'],
    ['linkWorkerWaitWeeks', 2.5, 'Link worker wait must be a whole number'],
    ['retentionDays', 365, null],
    ['retentionDays', 7, 'Retention must be a whole number of days from 30'],
    ['staleAfterMonths', 6, null],
    ['staleAfterMonths', 0, '"Needs checking" age'],
    ['feedUrl', '', null],
    ['feedUrl', 'https://api.example.org/oruk', null],
    ['feedUrl', 'http://api.example.org', 'must start with https://'],
    ['feedUrl', 'not a url', 'not a valid web address'],
    ['allowLocalEdits', false, null],
    ['allowLocalEdits', 'no', 'Allow local edits must be yes or no'],
  ] as const)('%s = %j', (key, value, expected) => {
    const err = settingError(key, value);
    if (expected === null) expect(err).toBeNull();
    else expect(err).toContain(expected);
  });
});

describe('loadSettings', () => {
  it('gives defaults when nothing is stored', async () => {
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.locked).toEqual([]);
    expect(loaded.problems).toEqual([]);
  });

  it('replaces a corrupt stored value with the default and names it, keeping the good ones', async () => {
    await browser.storage.local.set({ settings: { version: 1, values: { practiceName: 42, deskLabel: 'Phones' } } });
    const loaded = await loadSettings();
    expect(loaded.settings.practiceName).toBe('');
    expect(loaded.settings.deskLabel).toBe('Phones');
    expect(loaded.problems).toEqual([expect.stringContaining('"practiceName" was not valid')]);
  });

  it.each([['a string'], [[1, 2]], [17]])('survives a stored settings record that is not an object (%j)', async (v) => {
    await browser.storage.local.set({ settings: { version: 1, values: v } });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problems[0]).toContain('unreadable');
  });

  it('lets policy values win and reports them as locked', async () => {
    await browser.storage.local.set({ settings: { version: 1, values: { practiceName: 'Local name' } } });
    await browser.storage.managed.set({ practiceName: 'Policy name', allowLocalEdits: false });
    const loaded = await loadSettings();
    expect(loaded.settings.practiceName).toBe('Policy name');
    expect(loaded.settings.allowLocalEdits).toBe(false);
    expect(loaded.locked.sort()).toEqual(['allowLocalEdits', 'practiceName']);
  });
});

describe('saveSettings', () => {
  it('saves valid changes and keeps earlier ones', async () => {
    await saveSettings({ practiceName: 'Ashbridge Medical Centre' });
    await saveSettings({ deskLabel: 'Front desk' });
    const { settings } = await loadSettings();
    expect(settings.practiceName).toBe('Ashbridge Medical Centre');
    expect(settings.deskLabel).toBe('Front desk');
  });

  it('writes nothing when any value is invalid', async () => {
    await saveSettings({ practiceName: 'Before' });
    await expect(saveSettings({ practiceName: 'After', retentionDays: 1 })).rejects.toThrow(SettingsError);
    expect((await loadSettings()).settings.practiceName).toBe('Before');
  });

  it('refuses to change a value fixed by policy', async () => {
    await browser.storage.managed.set({ practiceName: 'Policy name' });
    await expect(saveSettings({ practiceName: 'Mine' })).rejects.toThrow(/organisation's policy/);
  });
});

describe('onSettingsChanged', () => {
  it.each([
    ['the practice settings', { settings: { version: 1, values: { practiceName: 'Ashbridge' } } }, 1],
    ["the directory revision's mirror (a directory write)", { directoryRevision: 'r2' }, 0],
    ['the script', { script: { version: 1 } }, 0],
  ] as [string, Record<string, unknown>, number][])(
    'tells the dashboard when %s change: %i call(s)',
    async (_label, change, calls) => {
      let heard = 0;
      const stop = onSettingsChanged(() => heard++);
      await browser.storage.local.set(change);
      stop();
      expect(heard).toBe(calls);
    },
  );
});
