// Opens the built extension on its bundled demo data in Debian's Chromium (or Chrome).
// With a display: a real browser window with the side panel page and the dashboard open.
// Without one: says so, runs headless and writes screenshots instead.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const extensionDir = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.error(`No built extension in ${extensionDir}. Run "npm run demo" (or "npm run build" first).`);
  process.exit(1);
}
const executablePath =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!executablePath) {
  console.error('Chromium was not found. On Debian: sudo apt-get install -y chromium (or set CHROMIUM_PATH).');
  process.exit(1);
}
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.HEADLESS;
const profile = mkdtempSync(join(tmpdir(), 'care-nav-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: !headed,
  viewport: headed ? null : { width: 400, height: 900 },
  args: [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;
const panel = await context.newPage();
await panel.goto(`chrome-extension://${id}/sidepanel.html`);

if (headed) {
  console.log(`Chromium is open with the extension loaded (id ${id}).`);
  console.log(
    'The side panel page is open in a tab; click the toolbar button or press Alt+Shift+C for the real side panel.',
  );
  console.log('Close the browser window to finish.');
  await new Promise((done) => context.on('close', done));
} else {
  const out = resolve('test-results/demo');
  mkdirSync(out, { recursive: true });
  console.log('No display found (DISPLAY is not set), so the browser ran without a window.');
  await panel.getByRole('heading', { name: /Care navigation/ }).waitFor();
  await panel.waitForTimeout(500);
  await panel.screenshot({ path: join(out, 'sidepanel.png'), fullPage: true });
  await panel.getByRole('button', { name: 'Look up support' }).click();
  await panel.getByLabel('Search support').fill('lonely');
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: join(out, 'sidepanel-search.png'), fullPage: true });
  const dash = await context.newPage();
  await dash.setViewportSize({ width: 1200, height: 900 });
  await dash.goto(`chrome-extension://${id}/dashboard.html`);
  await dash.waitForTimeout(800);
  await dash.screenshot({ path: join(out, 'dashboard.png'), fullPage: true });
  console.log(`Screenshots written to ${out}: sidepanel.png, sidepanel-search.png, dashboard.png`);
  console.log('To use it for real, run on a machine with a display (or: xvfb-run -a npm start).');
  await context.close();
}
