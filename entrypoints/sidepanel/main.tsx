performance.mark('panel-script-start');

import { render } from 'preact';
import baseCss from '@/components/base.css?inline';
import conversationCss from '@/components/conversation.css?inline';
import panelCss from '@/components/panel.css?inline';
import { SidePanelApp } from '@/components/SidePanelApp';
import { isoDay } from '@/lib/format';
import { bootPanel } from '@/lib/panel-boot';
import { loadScript } from '@/lib/script-store';

// The panel's styles travel inside its script: every separate file is another request to wait for at open.
const style = document.createElement('style');
style.textContent = baseCss + panelCss + conversationCss;
document.head.append(style);

// Reading storage starts before the first render, so the directory arrives while Preact draws the page.
const boot = bootPanel(isoDay(new Date()), (name) => performance.mark(name));
const script = loadScript();
render(<SidePanelApp boot={boot} script={script} />, document.getElementById('app') as HTMLElement);
