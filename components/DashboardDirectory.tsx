import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Db, openCareDb, type ProblemReport } from '@/lib/db';
import { type DirectoryDiff, diffDirectory } from '@/lib/directory-diff';
import {
  deleteAsset,
  type LoadedDirectory,
  loadDirectory,
  markVerified,
  mergeDirectory,
  putAsset,
  replaceDirectory,
  setAssetStatus,
} from '@/lib/directory-store';
import { applyFeed, clearFeedState, type FeedResult, type FeedState, type FetchLike, loadFeedState } from '@/lib/feed';
import { isoDay } from '@/lib/format';
import { whenIdle } from '@/lib/panel-boot';
import { ensurePanelPack } from '@/lib/panel-snapshot';
import { type PermissionsApi, removeFeedPermission } from '@/lib/permissions';
import { dismissReports, listReports } from '@/lib/reports';
import { type LoadedSettings, loadSettings, onSettingsChanged, saveSettings } from '@/lib/settings';
import type { Asset, AssetStatus, ParseResult } from '@/lib/types';
import { AssetForm } from './AssetForm';
import { DirectoryExport } from './DirectoryExport';
import { DirectoryImport, FORMAT_LABELS, type ParsedFile } from './DirectoryImport';
import { DirectoryList } from './DirectoryList';
import { type ApplyMode, DirectoryPreview } from './DirectoryPreview';
import { FeedConnection, whenText } from './FeedConnection';
import { ReviewQueue } from './ReviewQueue';
import './directory.css';

export interface DashboardDirectoryProps {
  /** Tests pass an in-memory database; the dashboard opens the real one. */
  db?: Db;
  now?: () => Date;
  permissions?: PermissionsApi;
  fetch?: FetchLike;
}

type Pending =
  | { kind: 'file'; file: ParsedFile; diff: DirectoryDiff }
  | { kind: 'feed'; feed: FeedResult; diff: DirectoryDiff };

type View = { kind: 'overview' } | { kind: 'add' } | { kind: 'edit'; asset: Asset };

interface Message {
  kind: 'success' | 'error';
  text: string;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function sourceText(source: string | undefined): string {
  if (!source) return 'added by hand';
  if (source === 'bundled') return 'the demo directory';
  if (source === 'manual') return 'edited by hand';
  if (source === 'csv' || source === 'json' || source === 'oruk')
    return `a ${FORMAT_LABELS[source as 'csv' | 'json' | 'oruk']} file`;
  return `the feed ${source}`;
}

const SECTIONS = [
  ['review-queue-heading', 'Review queue'],
  ['directory-import-heading', 'Import'],
  ['feed-heading', 'Feed'],
  ['directory-export-heading', 'Export'],
  ['directory-list-heading', 'All assets'],
] as const;

/** In-page links that move focus to the section without touching the address the dashboard's tabs use. */
function jumpTo(id: string) {
  return (e: MouseEvent) => {
    e.preventDefault();
    const heading = document.getElementById(id);
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    heading.scrollIntoView?.({ block: 'start' });
  };
}

/** Directory tab of the practice-lead dashboard: review, edit, import, feed and export. */
export function DashboardDirectory(props: DashboardDirectoryProps) {
  const now = props.now ?? (() => new Date());
  const [db, setDb] = useState<Db | null>(props.db ?? null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [directory, setDirectory] = useState<LoadedDirectory | null>(null);
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  const [reports, setReports] = useState<ProblemReport[]>([]);
  const [feedState, setFeedState] = useState<FeedState | null>(null);
  const [view, setView] = useState<View>({ kind: 'overview' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [applying, setApplying] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const today = isoDay(now());

  useEffect(() => {
    if (props.db) return;
    let opened: Db | null = null;
    let live = true;
    openCareDb()
      .then((d) => {
        opened = d;
        if (live) setDb(d);
        else d.close();
      })
      .catch((err) => setFatal(errorText(err)));
    return () => {
      live = false;
      opened?.close();
    };
  }, [props.db]);

  const reload = useCallback(async () => {
    if (!db) return;
    try {
      const [dir, set, reps, feed] = await Promise.all([
        loadDirectory(db),
        loadSettings(),
        listReports(db),
        loadFeedState(db),
      ]);
      setDirectory(dir);
      setLoaded(set);
      setReports(reps);
      setFeedState(feed);
      // After a change here, the side panel's ready-made copy is rebuilt now, while the lead is looking at
      // the result, so the receptionist's next panel open is a fast one.
      void whenIdle(1000)
        .then(() => ensurePanelPack(db, now()))
        .catch(() => {});
    } catch (err) {
      setFatal(`The directory could not be loaded: ${errorText(err)}`);
    }
  }, [db]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => onSettingsChanged(() => void loadSettings().then(setLoaded)), []);

  const announce = (msg: Message) => {
    setMessage(msg);
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  const assets = directory?.assets ?? [];
  const ids = useMemo(() => new Set(assets.map((a) => a.id)), [assets]);

  if (fatal)
    return (
      <div class="directory-tab">
        <div class="problem" role="alert">
          <h2>The directory cannot be shown</h2>
          <p>{fatal}</p>
        </div>
      </div>
    );
  if (!db || !directory || !loaded)
    return (
      <div class="directory-tab">
        <p role="status">Loading the directory…</p>
      </div>
    );

  const { settings, locked: lockedKeys } = loaded;
  const editsLocked = !settings.allowLocalEdits;
  const active = assets.filter((a) => a.status === 'active').length;

  const act = async (asset: Asset, work: () => Promise<unknown>, done: string) => {
    setBusyId(asset.id);
    try {
      await work();
      await reload();
      announce({ kind: 'success', text: done });
    } catch (err) {
      announce({ kind: 'error', text: `${asset.name} was not changed: ${errorText(err)}` });
    } finally {
      setBusyId(null);
    }
  };
  const verify = (a: Asset) => act(a, () => markVerified(db, a.id, today), `${a.name} is marked as verified today.`);
  const setStatus = (a: Asset, status: AssetStatus) =>
    act(
      a,
      () => setAssetStatus(db, a.id, status, now().toISOString()),
      status === 'inactive'
        ? `${a.name} is now inactive: it will not be offered to patients.`
        : `${a.name} is active again.`,
    );
  const dismiss = async (assetId: string) => {
    const name = assets.find((a) => a.id === assetId)?.name ?? 'the removed asset';
    try {
      const n = await dismissReports(db, assetId);
      await reload();
      announce({ kind: 'success', text: `Dismissed ${count(n, 'report')} about ${name}.` });
    } catch (err) {
      announce({ kind: 'error', text: `The reports could not be dismissed: ${errorText(err)}` });
    }
  };

  const preview = (parsed: ParseResult) => diffDirectory(assets, parsed);

  const apply = async (mode: ApplyMode) => {
    if (!pending) return;
    setApplying(true);
    const at = now().toISOString();
    try {
      if (pending.kind === 'feed') {
        await applyFeed(db, pending.feed, at);
        if (!lockedKeys.includes('feedUrl') && settings.feedUrl !== pending.feed.url) {
          try {
            await saveSettings({ feedUrl: pending.feed.url });
          } catch (err) {
            setPending(null);
            await reload();
            announce({
              kind: 'error',
              text: `The directory was updated from the feed, but the feed address could not be saved, so it will not refresh automatically: ${errorText(err)}`,
            });
            return;
          }
        }
      } else {
        const write = mode === 'merge' ? mergeDirectory : replaceDirectory;
        await write(db, pending.file.parsed.assets, { source: pending.file.format, at });
      }
      const d = pending.diff;
      const what =
        mode === 'merge'
          ? `Merged: ${count(d.added.length, 'new asset')} added and ${count(d.changed.length, 'asset')} updated.`
          : `Replaced the directory: it now has ${count(d.added.length + d.changed.length + d.unchanged.length, 'asset')}${d.missing.length ? ` (${count(d.missing.length, 'old asset')} removed)` : ''}.`;
      setPending(null);
      await reload();
      announce({ kind: 'success', text: what });
    } catch (err) {
      setPending(null);
      await reload();
      announce({
        kind: 'error',
        text: `The import was not applied: ${errorText(err)} The directory has not changed.`,
      });
    } finally {
      setApplying(false);
    }
  };

  const disconnect = async () => {
    const url = settings.feedUrl;
    await saveSettings({ feedUrl: '' });
    await clearFeedState(db);
    await removeFeedPermission(url, props.permissions);
    await reload();
  };

  const header = (
    <>
      <section class="directory-summary" aria-labelledby="directory-summary-heading">
        <h2 id="directory-summary-heading">
          Directory{directory.origin === 'demo' && <span class="tag demo">Demo</span>}
        </h2>
        <p>
          {count(assets.length, 'asset')}: {active.toLocaleString('en-GB')} active,{' '}
          {(assets.length - active).toLocaleString('en-GB')} inactive.{' '}
          {directory.origin === 'demo'
            ? 'This is the demo directory of fictional services. Import your own or connect a feed to replace it.'
            : `Last changed ${directory.updatedAt ? whenText(directory.updatedAt) : 'at an unknown time'}, from ${sourceText(directory.source)}.`}
        </p>
        {settings.feedUrl && feedState?.lastError && (
          <p class="problem">
            The latest feed refresh failed, so the directory may be out of date. See "Directory feed" below for why.
            {feedState.lastSuccessAt ? ` It was last fetched ${whenText(feedState.lastSuccessAt)}.` : ''}
          </p>
        )}
        {directory.problems.length > 0 && (
          <details class="notice">
            <summary>{count(directory.problems.length, 'stored entry', 'stored entries')} could not be used</summary>
            <ul>
              {directory.problems.slice(0, 50).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </details>
        )}
        {editsLocked && (
          <p class="notice locked-notice" id="directory-locked">
            <strong>Local changes are turned off</strong>
            {lockedKeys.includes('allowLocalEdits') ? " by your organisation's policy" : ' in settings'}. The directory
            comes from the feed only, so it cannot be imported, added to or edited here. You can still review it, export
            it and dismiss problem reports.
          </p>
        )}
      </section>
      <div
        ref={messageRef}
        tabIndex={-1}
        role={message?.kind === 'error' ? 'alert' : 'status'}
        class={message ? (message.kind === 'error' ? 'problem' : 'success') : 'message-empty'}
      >
        {message?.text}
      </div>
    </>
  );

  if (view.kind !== 'overview') {
    const editing = view.kind === 'edit' ? (assets.find((a) => a.id === view.asset.id) ?? view.asset) : undefined;
    const back = (msg?: Message) => {
      setView({ kind: 'overview' });
      if (msg) announce(msg);
    };
    return (
      <div class="directory-tab">
        {editsLocked ? (
          <>
            {header}
            <button type="button" onClick={() => back()}>
              Back to the directory
            </button>
          </>
        ) : (
          <AssetForm
            key={editing?.id ?? 'new'}
            asset={editing}
            idTaken={(id) => ids.has(id)}
            today={today}
            onCancel={() => back()}
            onSave={async (asset) => {
              await putAsset(db, asset, now().toISOString());
              await reload();
              back({ kind: 'success', text: editing ? `Saved changes to ${asset.name}.` : `Added ${asset.name}.` });
            }}
            onDelete={
              editing
                ? async () => {
                    await deleteAsset(db, editing.id, now().toISOString());
                    await dismissReports(db, editing.id).catch(() => 0);
                    await reload();
                    back({ kind: 'success', text: `Deleted ${editing.name}.` });
                  }
                : undefined
            }
          />
        )}
      </div>
    );
  }

  if (pending) {
    const label =
      pending.kind === 'file'
        ? `"${pending.file.fileName}" (${FORMAT_LABELS[pending.file.format]})`
        : `the feed ${pending.feed.url} (${count(pending.feed.pages, 'page')})`;
    return (
      <div class="directory-tab">
        {header}
        <DirectoryPreview
          sourceLabel={label}
          diff={pending.diff}
          allowMerge={pending.kind === 'file'}
          notes={pending.kind === 'file' ? pending.file.notes : []}
          busy={applying}
          onApply={apply}
          onCancel={() => {
            setPending(null);
            announce({ kind: 'success', text: 'Import cancelled. The directory has not changed.' });
          }}
        />
      </div>
    );
  }

  return (
    <div class="directory-tab">
      {header}
      <nav aria-label="Directory sections" class="section-nav">
        <ul>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#directory/${id}`} onClick={jumpTo(id)}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ReviewQueue
        assets={assets}
        reports={reports}
        today={today}
        staleAfterMonths={settings.staleAfterMonths}
        locked={editsLocked}
        busyId={busyId}
        onEdit={(asset) => setView({ kind: 'edit', asset })}
        onVerify={verify}
        onSetStatus={setStatus}
        onDismiss={dismiss}
      />
      <DirectoryImport
        locked={editsLocked}
        onStart={() => setMessage(null)}
        onParsed={(file) => setPending({ kind: 'file', file, diff: preview(file.parsed) })}
      />
      <FeedConnection
        // A new address (saved elsewhere, or by policy) starts the form afresh.
        key={settings.feedUrl}
        db={db}
        feedUrl={settings.feedUrl}
        urlLocked={lockedKeys.includes('feedUrl')}
        feedState={feedState}
        disabled={applying}
        now={now}
        permissions={props.permissions}
        fetch={props.fetch}
        onFetched={(feed) => setPending({ kind: 'feed', feed, diff: preview(feed) })}
        onStateChanged={() => void reload()}
        onDisconnect={disconnect}
      />
      <DirectoryExport assets={assets} today={today} />
      <DirectoryList
        assets={assets}
        today={today}
        staleAfterMonths={settings.staleAfterMonths}
        locked={editsLocked}
        busyId={busyId}
        onAdd={() => setView({ kind: 'add' })}
        onEdit={(asset) => setView({ kind: 'edit', asset })}
        onVerify={verify}
        onSetStatus={setStatus}
      />
    </div>
  );
}
