import { expect, it } from 'vitest';
import { launchExtension, openPage, removeProfile, screenshot } from './browser';

// Desktop clinical systems are not web pages, so the panel must be able to sit beside them in its own window.
it('pops the panel out into its own narrow window', async () => {
  const l = await launchExtension();
  try {
    const page = await openPage(l, 'sidepanel');
    await page.getByRole('heading', { name: 'Explain and ask' }).waitFor();
    const [popped] = await Promise.all([
      l.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Pop out' }).click(),
    ]);
    await popped.waitForLoadState();
    expect(new URL(popped.url()).pathname).toBe('/sidepanel.html');
    expect(new URL(popped.url()).searchParams.get('popout')).toBe('1');
    await popped.getByRole('heading', { name: 'Explain and ask' }).waitFor();
    // Already in its own window: no second "Pop out" button.
    expect(await popped.getByRole('button', { name: 'Pop out' }).count()).toBe(0);
    const width = await popped.evaluate(() => window.outerWidth);
    expect(width).toBeLessThanOrEqual(480);
    await screenshot(popped, 'popout-window');
  } finally {
    await l.context.close();
    removeProfile(l.profileDir);
  }
});
