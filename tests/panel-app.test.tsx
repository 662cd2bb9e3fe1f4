// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { SidePanelApp } from '@/components/SidePanelApp';
import type { PanelData } from '@/lib/panel-boot';
import type { LoadedScript } from '@/lib/script-store';
import { createAssetSearch } from '@/lib/search';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { Asset } from '@/lib/types';

const ASSETS: Asset[] = [
  { id: 'debt', name: 'Clearway Debt Advice', categories: ['money'], phone: '01632 960100', status: 'active' },
  { id: 'shed', name: "Ashbridge Men's Shed", categories: ['loneliness'], phone: '01632 960101', status: 'active' },
];

function panelData(): PanelData {
  return {
    settings: { settings: { ...DEFAULT_SETTINGS }, locked: [], problems: [] },
    db: null,
    storageError: null,
    directory: { assets: ASSETS, origin: 'stored', problems: [] },
    search: createAssetSearch(ASSETS, { today: '2026-11-25' }),
    assetsById: new Map(ASSETS.map((a) => [a.id, a])),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  location.hash = '#lookup';
});
afterEach(cleanup);

describe('side panel while the directory is being read', () => {
  it('draws the search box at once, keeps what is typed, and searches it when the directory arrives', async () => {
    let arrive: (d: PanelData) => void = () => {};
    const boot = new Promise<PanelData>((r) => {
      arrive = r;
    });
    render(<SidePanelApp boot={boot} script={new Promise<LoadedScript>(() => {})} />);
    const box = screen.getByLabelText('Search support') as HTMLInputElement;
    expect(document.querySelector('.result-count')?.textContent).toBe('Loading the directory…');
    fireEvent.input(box, { target: { value: 'debt' } });
    const results = screen.getByRole('list', { name: 'Matching support' });
    expect(within(results).queryAllByRole('checkbox')).toHaveLength(0);
    arrive(panelData());
    await waitFor(() => expect(screen.getByRole('checkbox', { name: /Clearway Debt Advice/ })).toBeTruthy());
    expect(box.value).toBe('debt');
  });

  it('says the panel could not start when reading storage fails', async () => {
    render(<SidePanelApp boot={Promise.reject(new Error('disk on fire'))} script={new Promise(() => {})} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('disk on fire'));
  });
});
