// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { SupportFinder } from '@/components/SupportFinder';
import { createAssetSearch } from '@/lib/search';
import type { Asset } from '@/lib/types';

const asset = (id: string, name: string, categories: string[], extra: Partial<Asset> = {}): Asset => ({
  id,
  name,
  categories,
  phone: '01632 960100',
  status: 'active',
  lastVerified: '2026-10-01',
  ...extra,
});

const assets: Asset[] = [
  asset('befriend', 'Ashbridge Befriending Service', ['loneliness'], { cost: 'free', referral: 'self' }),
  asset('shed', "Ashbridge Men's Shed", ['loneliness', 'activity'], { cost: 'low', lastVerified: '2025-01-10' }),
  asset('debt', 'Clearway Debt Advice', ['money'], { cost: 'free', description: 'Debt advice and budgeting.' }),
  asset('closed', 'Old Lunch Club', ['loneliness'], { status: 'inactive' }),
];

function Harness({ needs = [] as string[] }) {
  const [selected, setSelected] = useState<Asset[]>([]);
  return (
    <SupportFinder
      search={createAssetSearch(assets, { today: '2026-11-25' })}
      needs={needs}
      selected={selected}
      onToggle={(a) => setSelected((s) => (s.some((x) => x.id === a.id) ? s.filter((x) => x.id !== a.id) : [...s, a]))}
      today="2026-11-25"
      staleAfterMonths={6}
    />
  );
}

const resultBoxes = () =>
  within(screen.getByRole('list', { name: 'Matching support' })).queryAllByRole('checkbox') as HTMLInputElement[];
const resultNames = () => resultBoxes().map((c) => c.closest('li')?.querySelector('label')?.textContent);

describe('SupportFinder', () => {
  afterEach(cleanup);

  it('starts from the chosen needs and never offers inactive assets', () => {
    render(<Harness needs={['loneliness']} />);
    const names = resultNames().join('|');
    expect(names).toContain('Befriending');
    expect(names).toContain("Men's Shed");
    expect(names).not.toContain('Debt');
    expect(names).not.toContain('Old Lunch Club');
    expect(screen.getByRole('button', { name: /Loneliness and isolation/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('narrows the list as you type', async () => {
    render(<Harness />);
    fireEvent.input(screen.getByLabelText('Search support'), { target: { value: 'debt' } });
    expect(resultNames()).toEqual([expect.stringContaining('Clearway Debt Advice')]);
    expect(screen.getByRole('status').textContent).toBe('1 result');
  });

  it('removes a need chip, widening the results', () => {
    render(<Harness needs={['money']} />);
    expect(resultNames()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /Money, debt and benefits/ }));
    // With no words and no needs there is nothing to rank by: the panel asks for one rather than listing all.
    expect(resultNames()).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toContain('Type what the patient said');
    fireEvent.input(screen.getByLabelText('Search support'), { target: { value: 'ashbridge' } });
    expect(resultNames()).toHaveLength(2);
  });

  it.each([
    ['1', 0],
    ['2', 1],
  ])('number key %s chooses result %i from the results list', (key, index) => {
    render(<Harness needs={['loneliness']} />);
    const boxes = resultBoxes();
    boxes[0].focus();
    fireEvent.keyDown(boxes[0], { key });
    expect(resultBoxes()[index].checked).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('1 chosen');
  });

  it('moves from the search box into the results with the down arrow', () => {
    render(<Harness needs={['loneliness']} />);
    const box = screen.getByLabelText('Search support');
    box.focus();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(resultBoxes()[0]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(resultBoxes()[1]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(box);
  });

  it('opens details with contacts, cost, referral route, waiting time and a needs-checking flag', () => {
    render(<Harness needs={['loneliness']} />);
    fireEvent.click(screen.getByRole('button', { name: "Details of Ashbridge Men's Shed" }));
    const details = document.getElementById('details-shed') as HTMLElement;
    expect(details.textContent).toContain('01632 960100');
    expect(details.textContent).toContain('Low cost');
    expect(details.textContent).toContain('Waiting time not known');
    expect(details.textContent).toContain('10 January 2025');
    expect(details.textContent).toContain('Needs checking');
  });

  it('says plainly when nothing matches', () => {
    render(<Harness />);
    fireEvent.input(screen.getByLabelText('Search support'), { target: { value: 'zzzzqqq' } });
    expect(screen.getByRole('status').textContent).toContain('No matching support');
  });
});

describe('SupportFinder filters', () => {
  afterEach(cleanup);

  it.each([
    ['Free only', ['Ashbridge Befriending Service', 'Clearway Debt Advice']],
    ['Self-referral only', ['Ashbridge Befriending Service']],
  ])('"%s" keeps only matching assets', (label, expected) => {
    render(<Harness />);
    fireEvent.click(screen.getByLabelText(label));
    expect(resultNames().map((n) => n?.replace(/^\d/, ''))).toEqual(expected);
  });

  it('adds a need from the list to filter by category', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Add a need'), { target: { value: 'money' } });
    expect(resultNames().map((n) => n?.replace(/^\d/, ''))).toEqual(['Clearway Debt Advice']);
  });
});
