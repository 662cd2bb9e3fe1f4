export interface PanelHeaderProps {
  practiceName: string;
  demo: boolean;
  /** Null when they could not be read; undefined while the panel is still opening. */
  counts: { today: number; week: number } | null | undefined;
  poppedOut: boolean;
  onPopOut(): void;
  onDashboard(): void;
}

export function PanelHeader({ practiceName, demo, counts, poppedOut, onPopOut, onDashboard }: PanelHeaderProps) {
  return (
    <header class="panel-header">
      <div class="title-row">
        <h1>
          Care navigation
          {practiceName && <span class="practice"> · {practiceName}</span>}
        </h1>
        <div class="header-actions">
          {!poppedOut && (
            <button type="button" onClick={onPopOut} title="Open the panel in its own window">
              Pop out
            </button>
          )}
          <button type="button" onClick={onDashboard}>
            Dashboard
          </button>
        </div>
      </div>
      <div class="status-row">
        {demo && (
          <span class="tag demo" title="The directory is the bundled demo for the fictional town of Ashbridge">
            Demo data
          </span>
        )}
        <span class="counts" aria-live="polite">
          {counts
            ? `Logged today: ${counts.today} · This week: ${counts.week}`
            : counts === null
              ? 'Counts unavailable'
              : ''}
        </span>
      </div>
    </header>
  );
}
