import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings, onSettingsChanged } from '@/lib/settings';
import { DashboardDirectory } from './DashboardDirectory';
import { DashboardLogs } from './DashboardLogs';
import { DashboardScript } from './DashboardScript';
import { DashboardSettings } from './DashboardSettings';
import './dashboard.css';
import './print.css';

export const DASHBOARD_TABS = [
  { id: 'logs', label: 'Logs and reports' },
  { id: 'directory', label: 'Directory' },
  { id: 'script', label: 'Script' },
  { id: 'settings', label: 'Settings' },
] as const;
export type TabId = (typeof DASHBOARD_TABS)[number]['id'];

function tabFromHash(hash: string): TabId {
  const id = hash.replace(/^#/, '').split(/[/?]/)[0];
  return DASHBOARD_TABS.some((t) => t.id === id) ? (id as TabId) : 'logs';
}

/**
 * Practice-lead dashboard: tabs follow the ARIA tabs pattern (arrow keys, Home and End move between
 * tabs and select them; Tab moves into the panel). The tab is kept in the address (#logs…), so the
 * side panel can link straight to a tab and the browser's Back button works.
 */
export function DashboardApp() {
  const [tab, setTab] = useState<TabId>(() => tabFromHash(location.hash));
  const [practiceName, setPracticeName] = useState('');
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    const onHash = () => setTab(tabFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const read = () =>
      loadSettings().then(
        (l) => setPracticeName(l.settings.practiceName),
        () => {},
      );
    read();
    return onSettingsChanged(read);
  }, []);

  useEffect(() => {
    const label = DASHBOARD_TABS.find((t) => t.id === tab)?.label;
    document.title = `${label} – Care navigation dashboard`;
  }, [tab]);

  function select(id: TabId, focus: boolean) {
    setTab(id);
    if (location.hash !== `#${id}`) history.pushState(null, '', `#${id}`);
    if (focus) tabRefs.current[id]?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    const i = DASHBOARD_TABS.findIndex((t) => t.id === tab);
    const last = DASHBOARD_TABS.length - 1;
    const next: Record<string, number> = {
      ArrowRight: i === last ? 0 : i + 1,
      ArrowLeft: i === 0 ? last : i - 1,
      Home: 0,
      End: last,
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    select(DASHBOARD_TABS[next[e.key]].id, true);
  }

  return (
    <div class="dashboard">
      <header class="dashboard-header">
        <h1>
          Care navigation dashboard
          {practiceName && <span class="practice-name">{practiceName}</span>}
        </h1>
      </header>
      <main>
        <div role="tablist" aria-label="Dashboard sections" class="tabs no-print" onKeyDown={onKeyDown}>
          {DASHBOARD_TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={tab === t.id ? `panel-${t.id}` : undefined}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => select(t.id, false)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="tab-panel">
          {tab === 'logs' && <DashboardLogs />}
          {tab === 'directory' && <DashboardDirectory />}
          {tab === 'script' && <DashboardScript />}
          {tab === 'settings' && <DashboardSettings />}
        </div>
      </main>
    </div>
  );
}
