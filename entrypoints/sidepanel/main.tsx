performance.mark('panel-script-start');

import { render } from 'preact';
import { SidePanelApp } from '@/components/SidePanelApp';
import '@/components/base.css';

render(<SidePanelApp />, document.getElementById('app') as HTMLElement);
