import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { type Db, openCareDb } from '@/lib/db';
import { loadDirectory } from '@/lib/directory-store';
import { figureTables, type Labels, SUPPRESSED } from '@/lib/event-export';
import { eventsBetween, summariseDetail, summariseEvents } from '@/lib/log';
import { describePeriod, type Period, trendBuckets, trendUnitFor } from '@/lib/periods';
import { DEFAULT_SETTINGS, type LoadedSettings, loadSettings, onSettingsChanged } from '@/lib/settings';
import type { SignpostEvent } from '@/lib/types';
import { LogsCombineDesks } from './LogsCombineDesks';
import { LogsExports } from './LogsExports';
import { LogsFigureSection } from './LogsFigureSection';
import { LogsHeadlines } from './LogsHeadlines';
import { LogsPeriodPicker, type PeriodChoice, periodForChoice } from './LogsPeriodPicker';
import { LogsRetention } from './LogsRetention';

interface Props {
  openDb?: () => Promise<Db>;
  now?: () => Date;
}

const systemNow = () => new Date();

function generatedText(d: Date): string {
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })} at ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

/** The practice lead's view of the signposting log: figures for a period, exports, desks, retention. */
export function DashboardLogs({ openDb = openCareDb, now = systemNow }: Props) {
  const [db, setDb] = useState<Db | null>(null);
  const [loadError, setLoadError] = useState('');
  const [choice, setChoice] = useState<PeriodChoice>('month');
  const [period, setPeriod] = useState<Period>(() => periodForChoice('month', now()));
  const [events, setEvents] = useState<SignpostEvent[] | null>(null);
  const [assetNames, setAssetNames] = useState<Map<string, string>>(new Map());
  const [loaded, setLoaded] = useState<LoadedSettings>({ settings: DEFAULT_SETTINGS, locked: [], problems: [] });
  const [share, setShare] = useState(false);
  const [version, setVersion] = useState(0);
  const [generatedAt, setGeneratedAt] = useState(() => now());

  useEffect(() => {
    let opened: Db | null = null;
    openDb().then(
      (d) => {
        opened = d;
        setDb(d);
      },
      (err) => setLoadError((err as Error).message),
    );
    return () => opened?.close();
  }, [openDb]);

  useEffect(() => {
    const read = () => loadSettings().then(setLoaded, () => {});
    read();
    return onSettingsChanged(read);
  }, []);

  useEffect(() => {
    if (!db) return;
    let live = true;
    loadDirectory(db).then(
      (dir) => live && setAssetNames(new Map(dir.assets.map((a) => [a.id, a.name]))),
      // Without names the figures still work: assets are shown by id.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [db, version]);

  useEffect(() => {
    if (!db) return;
    let live = true;
    setEvents(null);
    eventsBetween(db, period.from.toISOString(), period.to.toISOString()).then(
      (list) => {
        if (!live) return;
        setEvents(list);
        setGeneratedAt(now());
      },
      (err) => live && setLoadError(`The log could not be read: ${(err as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, [db, period, version, now]);

  const labels: Labels = useMemo(() => ({ asset: (id: string) => assetNames.get(id) ?? id }), [assetNames]);
  const unit = trendUnitFor(period);
  const buckets = useMemo(() => trendBuckets(period, unit), [period, unit]);
  const figures = useMemo(() => {
    if (!events) return null;
    const summary = summariseEvents(events);
    const detail = summariseDetail(events, { buckets });
    return { summary, tables: figureTables(summary, detail, labels, buckets) };
  }, [events, buckets, labels]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const practiceName = loaded.settings.practiceName;
  const table = (id: string) => figures?.tables.find((t) => t.id === id);

  return (
    <div class="logs">
      <div class="no-print">
        <LogsPeriodPicker
          now={now()}
          choice={choice}
          onChange={(c, p) => {
            setChoice(c);
            setPeriod(p);
          }}
        />
      </div>
      {loadError && (
        <p class="error-summary" role="alert">
          {loadError}
        </p>
      )}
      <article class="report" aria-labelledby="report-heading">
        <header class="report-header">
          <h2 id="report-heading">Care navigation report{practiceName ? `: ${practiceName}` : ''}</h2>
          <p class="report-meta">
            <span>{describePeriod(period)}</span>
            <span>Generated {generatedText(generatedAt)}</span>
            {share && <span>For sharing: counts below 5 shown as {SUPPRESSED}</span>}
          </p>
        </header>
        <div aria-live="polite" aria-busy={events === null}>
          {events === null && !loadError && <p>Loading the log…</p>}
          {figures && figures.summary.total === 0 && (
            <p class="empty-period">No conversations were logged in this period.</p>
          )}
        </div>
        {figures && figures.summary.total > 0 && (
          <>
            <LogsHeadlines summary={figures.summary} share={share} />
            <div class="figures">
              {(['outcome', 'need', 'asset', 'gap', 'channel', 'desk', 'handout'] as const).map((id) => {
                const t = table(id);
                if (!t) return null;
                return (
                  <LogsFigureSection
                    key={id}
                    table={t}
                    total={figures.summary.total}
                    share={share}
                    limit={8}
                    emptyText={
                      id === 'gap'
                        ? 'No conversation in this period ended with "no suitable support".'
                        : id === 'asset'
                          ? 'No support was signposted in this period.'
                          : id === 'need'
                            ? 'No needs were recorded in this period.'
                            : undefined
                    }
                  />
                );
              })}
              {table('trend') && (
                <LogsFigureSection
                  table={table('trend')!}
                  total={figures.summary.total}
                  share={share}
                  unit={unit}
                  wide
                />
              )}
            </div>
          </>
        )}
      </article>
      {figures && (
        <LogsExports
          events={events ?? []}
          summary={figures.summary}
          tables={figures.tables}
          period={period}
          labels={labels}
          practiceName={practiceName}
          now={now}
          share={share}
          onShareChange={setShare}
        />
      )}
      {db && <LogsCombineDesks db={db} deskLabel={loaded.settings.deskLabel} now={now} onImported={refresh} />}
      {db && (
        <LogsRetention
          db={db}
          now={now}
          retentionDays={loaded.settings.retentionDays}
          locked={loaded.locked.includes('retentionDays')}
          onChanged={refresh}
        />
      )}
    </div>
  );
}
