// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssetForm } from '@/components/AssetForm';
import { DirectoryPreview } from '@/components/DirectoryPreview';
import { parseDirectory } from '@/lib/directory';
import { diffDirectory } from '@/lib/directory-diff';
import type { Asset } from '@/lib/types';

afterEach(cleanup);

const current: Asset[] = [
  { id: 'club', name: 'Lunch Club', categories: ['loneliness'], phone: '01632 960001', status: 'active' },
  { id: 'walk', name: 'Health Walks', categories: ['activity'], phone: '01632 960002', status: 'active' },
  { id: 'old', name: 'Old Debt Service', categories: ['money'], phone: '01632 960003', status: 'active' },
];

const csv = [
  'id,name,categories,phone,email,colour',
  'club,Lunch Club,loneliness,01632 960001,,blue',
  'walk,Health Walks,activity,01632 969999,,green',
  'new,Carers Café,carers,01632 960004,,red',
  'bad,Broken Row,carers,01632 960005,not-an-email,red',
  ',,,,,',
  'new,Carers Cafe again,carers,01632 960006,,red',
].join('\n');

function renderPreview(diff = diffDirectory(current, parseDirectory(csv, 'csv')), allowMerge = true) {
  const onApply = vi.fn();
  const onCancel = vi.fn();
  render(
    <DirectoryPreview
      sourceLabel={'"practice.csv" (CSV)'}
      diff={diff}
      allowMerge={allowMerge}
      busy={false}
      onApply={onApply}
      onCancel={onCancel}
    />,
  );
  return { onApply, onCancel };
}

function countOf(label: string): string {
  const term = screen.getAllByText(label, { selector: 'dt' })[0];
  return term.nextElementSibling?.textContent ?? '';
}

describe('DirectoryPreview', () => {
  it('shows what an import would change before anything is applied', () => {
    renderPreview();
    expect(screen.getByRole('heading', { name: 'Check before importing' })).toBeTruthy();
    expect(screen.getByText(/Nothing has changed yet/)).toBeTruthy();
    expect(countOf('New')).toBe('1');
    expect(countOf('Changed')).toBe('1');
    expect(countOf('Unchanged')).toBe('1');
    expect(countOf('Rejected')).toBe('1');
    expect(countOf('Removed by a replacement')).toBe('1');
    expect(Number(countOf('Warnings'))).toBeGreaterThanOrEqual(2);
  });

  it('lists rejected rows with line numbers and reasons, and warnings', () => {
    renderPreview();
    const rejected = document.getElementById('preview-rejected') as HTMLElement;
    expect(within(rejected).getByText('Line 5:')).toBeTruthy();
    expect(rejected.textContent).toMatch(/not-an-email.*not a valid email/);
    const warnings = document.getElementById('preview-warnings') as HTMLElement;
    expect(warnings.textContent).toMatch(/column "colour" is not a directory column/);
    expect(warnings.textContent).toMatch(/new/);
  });

  it('names the fields that changed and the assets a replacement would remove', () => {
    renderPreview();
    const changed = document.getElementById('preview-changed') as HTMLElement;
    expect(changed.textContent).toMatch(/Health Walks: phone changed/);
    const missing = document.getElementById('preview-missing') as HTMLElement;
    expect(missing.textContent).toMatch(/Old Debt Service/);
    expect(screen.getByText(/1 current asset will be removed/)).toBeTruthy();
  });

  it.each([
    ['Replace the directory', 'replace'],
    ['Merge into the directory', 'merge'],
  ])('"%s" applies as %s', (button, mode) => {
    const { onApply, onCancel } = renderPreview();
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(onApply).toHaveBeenCalledWith(mode);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('Cancel applies nothing', () => {
    const { onApply, onCancel } = renderPreview();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(onApply).not.toHaveBeenCalled();
  });

  it('offers no merge for a feed', () => {
    renderPreview(undefined, false);
    expect(screen.queryByRole('button', { name: /Merge/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Replace the directory' })).toBeTruthy();
  });

  it('will not apply a file where every row was rejected', () => {
    const diff = diffDirectory(current, parseDirectory('name,categories\nNo contact,loneliness\n', 'csv'));
    const { onApply } = renderPreview(diff);
    expect(screen.getByRole('alert').textContent).toMatch(/Nothing in this file can be imported/);
    const replace = screen.getByRole('button', { name: 'Replace the directory' }) as HTMLButtonElement;
    expect(replace.disabled).toBe(true);
    fireEvent.click(replace);
    expect(onApply).not.toHaveBeenCalled();
  });

  it('lists at most 200 entries of a huge import', () => {
    const many: Asset[] = Array.from({ length: 450 }, (_, i) => ({
      id: `a${i}`,
      name: `Asset ${i}`,
      categories: ['food'],
      phone: '01632 960000',
      status: 'active',
    }));
    renderPreview(diffDirectory([], { assets: many, errors: [], warnings: [] }));
    const added = document.getElementById('preview-added') as HTMLElement;
    expect(added.querySelectorAll('li')).toHaveLength(200);
    expect(added.textContent).toMatch(/and 250 more not listed/);
  });
});

const today = '2026-03-04';

function renderForm(asset?: Asset, taken: string[] = []) {
  const onSave = vi.fn(async (_a: Asset) => {});
  const onDelete = vi.fn(async () => {});
  const onCancel = vi.fn();
  render(
    <AssetForm
      asset={asset}
      idTaken={(id) => taken.includes(id)}
      today={today}
      onSave={onSave}
      onDelete={asset ? onDelete : undefined}
      onCancel={onCancel}
    />,
  );
  return { onSave, onDelete, onCancel };
}

const field = (label: RegExp | string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: RegExp | string, value: string) => fireEvent.input(field(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: /Add asset|Save changes/ }));

function fillValid() {
  type('Name', 'Carers Café');
  type(/^Organisation/, 'Ashbridge Carers');
  fireEvent.click(screen.getByLabelText('Support for carers'));
  type('Phone', '01632 960100');
}

describe('AssetForm validation', () => {
  it('an empty form shows an error summary linking to each field, and messages next to them', async () => {
    const { onSave } = renderForm();
    submit();
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Name is missing',
      'No category: give at least one known category',
      'No contact route: give a phone number, email, website or address',
    ]);
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      '#asset-name',
      '#asset-categories-loneliness',
      '#asset-phone',
    ]);
    const name = field('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /Error: Name is missing/,
    );
    expect(onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(summary));
  });

  it('a summary link moves focus to its field without changing the address', async () => {
    renderForm();
    submit();
    const summary = await screen.findByRole('alert');
    const before = location.hash;
    fireEvent.click(within(summary).getByRole('link', { name: /No contact route/ }));
    expect(document.activeElement).toBe(field('Phone'));
    expect(location.hash).toBe(before);
  });

  it.each([
    ['Email', 'someone@', 'email', /not a valid email address/],
    ['Website', 'javascript:alert(1)', 'website', /not a valid web address/],
    ['Minimum age (optional)', 'twelve', 'minAge', /Min age "twelve" is not a number/],
    ['Last verified', '2026-02-30', 'lastVerified', /not a real date/],
    ['Waiting time in weeks (optional)', '-2', 'waitingWeeks', /cannot be negative/],
  ])('%s %j is rejected next to the field', async (label, value, key, message) => {
    const { onSave } = renderForm();
    fillValid();
    type(label, value);
    submit();
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link')).toHaveLength(1);
    expect(document.getElementById(`asset-${key}-error`)?.textContent).toMatch(message);
    expect(field(label).getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('rejects a youngest age above the oldest age', async () => {
    renderForm();
    fillValid();
    type('Minimum age (optional)', '65');
    type('Maximum age (optional)', '18');
    submit();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Min age 65 is greater than max age 18/);
  });

  it('saves a valid new asset with a derived id, lists split on semicolons and numbers parsed', async () => {
    const { onSave } = renderForm();
    fillValid();
    type(/^Extra search words/, 'respite; young carers ;');
    type('Waiting time in weeks (optional)', '3');
    fireEvent.click(screen.getByLabelText('By phone'));
    fireEvent.change(screen.getByLabelText('Cost'), { target: { value: 'free' } });
    submit();
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const saved = onSave.mock.calls[0][0];
    expect(saved).toMatchObject({
      name: 'Carers Café',
      organisation: 'Ashbridge Carers',
      categories: ['carers'],
      keywords: ['respite', 'young carers'],
      phone: '01632 960100',
      waitingWeeks: 3,
      delivery: ['phone'],
      cost: 'free',
      status: 'active',
      source: 'manual',
    });
    expect(saved.id).toMatch(/^carers-cafe-/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('will not add a second asset with the same name and organisation', async () => {
    const { onSave } = renderForm();
    fillValid();
    submit();
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    const id = onSave.mock.calls[0][0].id;
    cleanup();
    const again = renderForm(undefined, [id]);
    fillValid();
    submit();
    expect((await screen.findByRole('alert')).textContent).toMatch(/already in the directory/);
    expect(again.onSave).not.toHaveBeenCalled();
  });

  it('shows a save failure at the top and keeps what was typed', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('disk full');
    });
    render(<AssetForm idTaken={() => false} today={today} onSave={onSave} onCancel={() => {}} />);
    fillValid();
    submit();
    expect((await screen.findByRole('alert')).textContent).toMatch(/The asset was not saved: disk full/);
    expect(field('Name').value).toBe('Carers Café');
  });
});

describe('AssetForm editing', () => {
  const existing: Asset = {
    id: 'club',
    name: 'Lunch Club',
    categories: ['loneliness'],
    phone: '01632 960001',
    status: 'active',
    lastVerified: '2025-01-01',
    source: 'csv',
  };

  it('keeps the id and source, and "Mark verified today" fills in today', async () => {
    const { onSave } = renderForm(existing);
    expect(screen.getByRole('heading', { name: 'Edit Lunch Club' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark verified today' }));
    expect(field('Last verified').value).toBe(today);
    fireEvent.click(screen.getByLabelText(/Inactive: kept/));
    submit();
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0][0]).toMatchObject({
      id: 'club',
      source: 'csv',
      lastVerified: today,
      status: 'inactive',
    });
  });

  it('delete asks to confirm first', async () => {
    const { onDelete } = renderForm(existing);
    fireEvent.click(screen.getByRole('button', { name: 'Delete asset' }));
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'Delete Lunch Club?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'No, keep it' }));
    expect(screen.queryByRole('heading', { name: 'Delete Lunch Club?' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete asset' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledTimes(1));
  });

  it('warns that a feed asset is overwritten by the next fetch', () => {
    renderForm({ ...existing, source: 'https://feed.example.org/api' });
    expect(screen.getByText(/replaced the next time the feed is fetched/)).toBeTruthy();
  });
});
