import { render } from 'preact';
import { DashboardApp } from '@/components/DashboardApp';
import '@/components/base.css';

render(<DashboardApp />, document.getElementById('app') as HTMLElement);
