performance.mark('panel-script-start');

import { render } from 'preact';
import baseCss from '@/components/base.css?inline';
import conversationCss from '@/components/conversation.css?inline';
import panelCss from '@/components/panel.css?inline';
import { SidePanelApp } from '@/components/SidePanelApp';
import { isoDay } from '@/lib/format';
import { bootPanel, type PanelData } from '@/lib/panel-boot';
import { loadScript } from '@/lib/script-store';

/** Longest the first drawing waits for a quick copy to be confirmed (see below). */
const QUICK_COPY_WAIT_MS = 60;

// The panel's styles travel inside its script: every separate file is another request to wait for at open.
const style = document.createElement('style');
style.textContent = baseCss + panelCss + conversationCss;
document.head.append(style);

// Reading storage starts before the first render, so the directory arrives while Preact draws the page.
let fromQuickCopy = false;
const boot = bootPanel(isoDay(new Date()), (name) => {
  if (name === 'quick-copy-restored') fromQuickCopy = true;
  performance.mark(name);
});
const script = loadScript();
const root = document.getElementById('app') as HTMLElement;
let mounted = false;
const mount = (ready?: PanelData) => {
  if (mounted) return;
  mounted = true;
  render(<SidePanelApp boot={boot} ready={ready} script={script} />, root);
};
if (fromQuickCopy) {
  // Restored from its quick copy, the directory is usually confirmed within milliseconds: drawing the page
  // once with it beats drawing it empty and again. A slow confirmation still gets the empty page drawn.
  boot.then(mount, () => mount());
  setTimeout(mount, QUICK_COPY_WAIT_MS);
} else mount();
