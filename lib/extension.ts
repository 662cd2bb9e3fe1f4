import { browser } from 'wxt/browser';

/** Browser-window helpers for the panel: the only place that opens windows or tabs. */

/** Pop the panel out into its own narrow window, to sit beside a desktop clinical system (EMIS Web, SystmOne). */
export async function popOutPanel(): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL('/sidepanel.html?popout=1'),
    type: 'popup',
    width: 420,
    height: 860,
  });
}

export async function openDashboard(hash = ''): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${hash}`) });
}

export function isPoppedOut(search = globalThis.location?.search ?? ''): boolean {
  return new URLSearchParams(search).has('popout');
}
