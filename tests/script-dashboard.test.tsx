// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { DashboardScript } from '@/components/DashboardScript';
import { stepOf } from '@/lib/script';
import { loadScript } from '@/lib/script-store';

const NOW = () => new Date('2026-11-25T12:00:00');

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

async function open() {
  render(<DashboardScript now={NOW} />);
  await screen.findByRole('heading', { name: 'Script' });
}

function type(label: string | RegExp, value: string, index = 0) {
  const el = screen.getAllByLabelText(label)[index] as HTMLInputElement;
  fireEvent.input(el, { target: { value } });
}

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

describe('DashboardScript', () => {
  it('shows the bundled script as not signed off', async () => {
    await open();
    expect(screen.getByText(/The standard script .*not signed off/)).toBeTruthy();
  });

  it('saves edited wording, which is then in force and unsigned', async () => {
    await open();
    type('Consent question', 'Shall we find some local support together?');
    expect(screen.getByText(/unsaved changes/)).toBeTruthy();
    await click('Save changes');
    await waitFor(() => expect(screen.getByText(/needs to be signed off again/)).toBeTruthy());
    const loaded = await loadScript();
    expect(loaded.origin).toBe('local');
    expect(stepOf(loaded.script, 'explain').question).toBe('Shall we find some local support together?');
    expect(screen.getByText(/This practice's version .*not signed off/)).toBeTruthy();
  });

  it('refuses to save a red-flag source without a web address, naming the field, and writes nothing', async () => {
    await open();
    type('Source web address', '', 0);
    await click('Save changes');
    const summary = await screen.findByText(/Nothing was saved/);
    expect(summary.closest('.error-summary')?.textContent).toContain('steps[1].redFlags[0].source.url');
    const field = screen.getAllByLabelText('Source web address')[0];
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((await fakeBrowser.storage.local.get('script')).script).toBeUndefined();
  });

  it('refuses a phone number typed into the explanation', async () => {
    await open();
    type('Explanation of care navigation', 'Call us on 0300 123 4567.');
    await click('Save changes');
    expect((await screen.findByText(/Nothing was saved/)).closest('.error-summary')?.textContent).toContain(
      'steps[0].explanation contains what looks like a phone number',
    );
  });

  it('signs off with name and date, and a later change clears it', async () => {
    await open();
    type('Name and role', 'Dr Asha Patel, GP partner');
    await click('Sign off this script');
    await waitFor(() =>
      expect(screen.getByText(/signed off by Dr Asha Patel, GP partner on 25 November 2026/)).toBeTruthy(),
    );
    expect((await loadScript()).signOff?.date).toBe('2026-11-25');

    type('Consent question', 'Would some local support help?');
    await click('Save changes');
    await waitFor(() => expect(screen.getByText(/needs to be signed off again/)).toBeTruthy());
    expect((await loadScript()).signOff).toBeNull();
  });

  it('will not sign off without a name', async () => {
    await open();
    await click('Sign off this script');
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the name of the person signing off the script.');
  });

  it('saves a valid whole-script JSON edit and rejects broken JSON', async () => {
    await open();
    const box = screen.getByLabelText('Script JSON') as HTMLTextAreaElement;
    const script = JSON.parse(box.value);
    script.steps[1].redFlags.pop();
    fireEvent.input(box, { target: { value: '{ not json' } });
    await click('Save JSON');
    expect((await screen.findByText(/Nothing was saved/)).closest('.error-summary')?.textContent).toContain(
      'The script is not valid JSON',
    );
    fireEvent.input(box, { target: { value: JSON.stringify(script) } });
    await click('Save JSON');
    await waitFor(async () => expect(stepOf((await loadScript()).script, 'redFlags').redFlags).toHaveLength(3));
  });

  it('resets to the standard script after confirming', async () => {
    await open();
    type('Consent question', 'Local wording');
    await click('Save changes');
    await waitFor(() => expect(screen.getByText(/This practice's version/)).toBeTruthy());
    await click('Reset to the standard script');
    await click('Yes, reset to the standard script');
    await waitFor(() => expect(screen.getByText(/The standard script .*not signed off/)).toBeTruthy());
    expect((await loadScript()).origin).toBe('bundled');
  });
});
