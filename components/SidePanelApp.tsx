import { useCallback, useEffect, useState } from 'preact/hooks';
import { isPoppedOut, openDashboard, popOutPanel } from '@/lib/extension';
import { isoDay } from '@/lib/format';
import { countsFor, deleteEvent, type EventInput, logEvent } from '@/lib/log';
import { assetLookup, type PanelData, panelDb, panelStorage } from '@/lib/panel-boot';
import { type ReportReason, reportProblem } from '@/lib/reports';
import { type LoadedScript, loadScript, onScriptChanged } from '@/lib/script-store';
import type { AssetSearch } from '@/lib/search';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { Asset } from '@/lib/types';
import { Conversation } from './Conversation';
import { LookupMode } from './LookupMode';
import { PanelHeader } from './PanelHeader';
import { ProblemList } from './ProblemList';

type Mode = 'conversation' | 'lookup';

/** Start-up marks for the benchmarks: each is set once, the first time the panel reaches that state. */
const mark = (name: string) => {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
};

/** Stands in for the search until the directory has been read: finds nothing, suggests nothing. */
const NO_DIRECTORY_YET: AssetSearch = {
  search: () => [],
  suggestCategories: () => [],
  exportIndex: () => {
    throw new Error('The directory has not been read yet.');
  },
  completeAssets: () => {},
};

interface Props {
  /** Started by the entrypoint before the first render, so the directory is read while Preact renders. */
  boot: Promise<PanelData>;
  /** `boot`'s result when it came before the first render, so the panel is drawn once, with it. */
  ready?: PanelData;
  script: Promise<LoadedScript>;
}

export function SidePanelApp({ boot, ready, script: scriptP }: Props) {
  const [data, setData] = useState<PanelData | null>(ready ?? null);
  const [script, setScript] = useState<LoadedScript | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [counts, setCounts] = useState<{ today: number; week: number } | null>(null);
  const [mode, setMode] = useState<Mode>(location.hash === '#lookup' ? 'lookup' : 'conversation');
  // Worked out on every render: a panel left open past midnight moves to the new day.
  const today = isoDay(new Date());

  const refreshCounts = useCallback(async (d: PanelData | null) => {
    const db = d && (await panelDb(d));
    if (!db) return;
    try {
      setCounts(await countsFor(db, new Date()));
    } catch {
      setCounts(null);
    }
  }, []);

  useEffect(() => {
    boot
      .then((d) => {
        setData(d);
        void refreshCounts(d);
      })
      .catch((err) => setFatal(`The panel could not start: ${err instanceof Error ? err.message : String(err)}`));
    scriptP
      .then(setScript)
      .catch((err) => setFatal(`The script could not be loaded: ${err instanceof Error ? err.message : String(err)}`));
  }, [boot, scriptP, refreshCounts]);

  // Opened before the policy settings could be read (the browser's first read can take seconds): apply them.
  const withPolicy = data?.settingsWithPolicy;
  useEffect(() => {
    if (!withPolicy) return;
    void withPolicy.then((settings) => setData((d) => d && { ...d, settings, settingsWithPolicy: undefined }));
  }, [withPolicy]);

  // Opened from the quick copy: the connection follows, with the directory IndexedDB holds if it changed.
  const storage = data?.storage;
  useEffect(() => {
    if (!storage) return;
    void storage.then(({ db, storageError, changed }) =>
      setData((d) => (d && d.storage === storage ? { ...d, ...changed, db, storageError, storage: undefined } : d)),
    );
  }, [storage]);

  // Opened from the ready-made pack: once the search box is on screen, read the full records in idle time.
  // A result for a directory since replaced (see above) is dropped.
  const complete = data?.complete;
  useEffect(() => {
    if (!complete) return;
    complete()
      .then((directory) =>
        setData(
          (d) =>
            d &&
            (d.complete === complete
              ? { ...d, directory, assetsById: assetLookup(directory), complete: undefined }
              : d),
        ),
      )
      .catch((err) =>
        setData((d) =>
          d && d.complete === complete
            ? {
                ...d,
                complete: undefined,
                directory: {
                  ...d.directory,
                  problems: [...d.directory.problems, `Contact details could not be read (${String(err)}).`],
                },
              }
            : d,
        ),
      );
  }, [complete]);

  // A practice lead editing or signing off the script in the dashboard must show here without a reload.
  useEffect(
    () =>
      onScriptChanged(() => {
        loadScript()
          .then(setScript)
          .catch(() => {});
      }),
    [],
  );

  useEffect(() => {
    if (data && mode === 'lookup') mark('search-ready');
    if (data && script && mode === 'conversation') mark('conversation-ready');
  }, [data, script, mode]);

  // Opened from the quick copy, the panel may be used in the moment before IndexedDB has opened: wait for it.
  const storageNow = async () => (data ? panelStorage(data) : { db: null, storageError: null });
  const onRecord = async (input: EventInput) => {
    const { db, storageError } = await storageNow();
    if (!data || !db) throw new Error(storageError ?? 'Storage is not available, so nothing can be logged.');
    // A desk label set by policy must be on the event, even in the seconds before the policy was first read.
    const { deskLabel } = (await data.settingsWithPolicy)?.settings ?? data.settings.settings;
    const evt = await logEvent(db, { ...input, desk: deskLabel || undefined }, new Date());
    void refreshCounts(data);
    return evt;
  };
  const onUndo = async (id: string) => {
    const { db } = await storageNow();
    if (!db) return;
    await deleteEvent(db, id);
    void refreshCounts(data);
  };
  const onReport = async (asset: Asset, reason: ReportReason) => {
    const { db } = await storageNow();
    if (!db) throw new Error('Storage is not available, so the report cannot be saved.');
    await reportProblem(db, asset.id, reason, new Date());
  };
  const canStore = !!(data?.db || data?.storage);

  if (fatal) {
    return (
      <main class="panel">
        <h1>Care navigation</h1>
        <div class="problem" role="alert">
          <h2>Something went wrong</h2>
          <p>{fatal}</p>
          <p>Close and reopen the panel. If it happens again, tell your practice lead.</p>
        </div>
      </main>
    );
  }
  // Until the directory arrives the panel is drawn with its defaults, so that drawing happens while storage
  // is being read; lookup's search box already takes typing and searches it once the directory is here.
  const settings = data?.settings.settings ?? DEFAULT_SETTINGS;
  const problems = data
    ? [...(data.storageError ? [data.storageError] : []), ...data.settings.problems, ...data.directory.problems]
    : [];

  return (
    <div class="panel">
      <PanelHeader
        practiceName={settings.practiceName}
        demo={data?.directory.origin === 'demo'}
        counts={data ? counts : undefined}
        poppedOut={isPoppedOut()}
        onPopOut={() => void popOutPanel()}
        onDashboard={() => void openDashboard()}
      />
      <nav class="modes" aria-label="Panel mode">
        <button
          type="button"
          aria-current={mode === 'conversation' ? 'page' : undefined}
          onClick={() => setMode('conversation')}
        >
          Conversation
        </button>
        <button type="button" aria-current={mode === 'lookup' ? 'page' : undefined} onClick={() => setMode('lookup')}>
          Look up support
        </button>
      </nav>
      <ProblemList problems={problems} />
      <main>
        {mode === 'lookup' ? (
          <LookupMode
            search={data?.search ?? NO_DIRECTORY_YET}
            pending={!data}
            today={today}
            staleAfterMonths={settings.staleAfterMonths}
            practiceName={settings.practiceName}
            onReport={canStore ? onReport : undefined}
          />
        ) : !data ? (
          <p role="status">Loading the directory…</p>
        ) : !script ? (
          <p role="status">Loading the script…</p>
        ) : (
          <Conversation
            script={script}
            search={data.search}
            assetsById={data.assetsById}
            settings={data.settings.settings}
            today={today}
            now={() => new Date()}
            onRecord={onRecord}
            onUndo={onUndo}
            onReport={canStore ? onReport : undefined}
          />
        )}
      </main>
    </div>
  );
}
