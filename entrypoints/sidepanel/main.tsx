performance.mark('panel-script-start');

import { render } from 'preact';
import { SidePanelApp } from '@/components/SidePanelApp';
import { isoDay } from '@/lib/format';
import { bootPanel } from '@/lib/panel-boot';
import { loadScript } from '@/lib/script-store';
import '@/components/base.css';

// Reading storage starts before the first render, so the directory arrives while Preact draws the page.
const boot = bootPanel(isoDay(new Date()), (name) => performance.mark(name));
const script = loadScript();
render(<SidePanelApp boot={boot} script={script} />, document.getElementById('app') as HTMLElement);
