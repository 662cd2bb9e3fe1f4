import { browser } from 'wxt/browser';
import { registerFeedAlarm } from './feed';
import { registerRetentionAlarm } from './retention';

/** Background wiring: open the side panel from the toolbar button (Chrome); alarms are added by their owners. */
export function registerBackground(): void {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  void browser;
  registerRetentionAlarm().catch((err) => console.error('Could not schedule the log clean-up.', err));
  registerFeedAlarm().catch((err) => console.error('Could not schedule the directory feed refresh.', err));
}
