// @vitest-environment happy-dom
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { DashboardApp } from '@/components/DashboardApp';
import { saveSettings } from '@/lib/settings';

// The machine is shared: allow slow IndexedDB round trips without making the tests timing-dependent.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', '#');
});
afterEach(cleanup);

const tab = (name: RegExp) => screen.getByRole('tab', { name });

it('opens on the logs tab by default, with the practice name in the header', async () => {
  await saveSettings({ practiceName: 'Riverside Surgery' });
  render(<DashboardApp />);
  expect(tab(/logs/i).getAttribute('aria-selected')).toBe('true');
  expect(await screen.findByText('Riverside Surgery')).toBeTruthy();
  expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-logs');
});

it.each([
  ['#directory', /directory/i],
  ['#script', /script/i],
  ['#settings', /settings/i],
  ['#nonsense', /logs/i],
])('opens the tab named in the address %s', (hash, name) => {
  history.replaceState(null, '', hash);
  render(<DashboardApp />);
  expect(tab(name).getAttribute('aria-selected')).toBe('true');
  expect(tab(name).tabIndex).toBe(0);
  expect(screen.getAllByRole('tab').filter((t) => t.tabIndex === 0)).toHaveLength(1);
});

it.each<[string, RegExp, string]>([
  ['ArrowRight', /directory/i, '#directory'],
  ['ArrowLeft', /settings/i, '#settings'],
  ['End', /settings/i, '#settings'],
  ['Home', /logs/i, '#logs'],
])('%s moves focus and selection (roving tabindex) and updates the address', (key, name, hash) => {
  render(<DashboardApp />);
  tab(/logs/i).focus();
  fireEvent.keyDown(tab(/logs/i), { key });
  expect(document.activeElement).toBe(tab(name));
  expect(tab(name).getAttribute('aria-selected')).toBe('true');
  expect(tab(name).getAttribute('aria-controls')).toBe(screen.getByRole('tabpanel').id);
  expect(location.hash).toBe(hash);
});

it('follows the address when it changes (Back button, links from the side panel)', async () => {
  render(<DashboardApp />);
  history.replaceState(null, '', '#script');
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await waitFor(() => expect(tab(/script/i).getAttribute('aria-selected')).toBe('true'));
});

it('selects a tab on click without moving to another', () => {
  render(<DashboardApp />);
  fireEvent.click(tab(/settings/i));
  expect(tab(/settings/i).getAttribute('aria-selected')).toBe('true');
  expect(tab(/logs/i).getAttribute('aria-selected')).toBe('false');
  expect(tab(/logs/i).tabIndex).toBe(-1);
});
