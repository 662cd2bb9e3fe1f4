import { browser } from 'wxt/browser';

/** Background wiring: open the side panel from the toolbar button (Chrome); alarms are added by their owners. */
export function registerBackground(): void {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome
    ?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  void browser;
}
