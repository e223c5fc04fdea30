/**
 * The presentation look: switched from the toolbar, it redraws the floor as tiles (a floor pixel
 * changes), works in walk mode without errors, switches from presentation mode's overlay too, and
 * switching back restores the engineering look's pixels exactly.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, pixelAt, test, toScreen } from './fixtures';

async function look(page: Page): Promise<string> {
  return page.evaluate(() => window.__hallwright!.state().look);
}

/** A floor pixel in an empty part of the sample hall, once the canvas has drawn a frame after the change. */
async function floorPixel(page: Page): Promise<[number, number, number]> {
  const p = await toScreen(page, 45, 16);
  // Two animation frames: the store change renders on the next one.
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  return pixelAt(page, p.x, p.y);
}

test.setTimeout(60_000);
test('the presentation look switches on and off from the toolbar and the presentation overlay', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  expect(await look(page)).toBe('engineering');
  const engineering = await floorPixel(page);

  const toolbar = page.getByRole('toolbar', { name: 'Main toolbar' });
  const toggle = toolbar.getByRole('button', { name: 'Engineering look' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  expect(await look(page)).toBe('presentation');
  const pressed = toolbar.getByRole('button', { name: 'Presentation look' });
  await expect(pressed).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => floorPixel(page)).not.toEqual(engineering);

  // Walking in the presentation look: ceiling, rods, opaque walls; nothing goes wrong.
  await toolbar.getByRole('button', { name: 'Walk' }).click();
  await expect(page.getByTestId('minimap')).toBeVisible();
  await page.keyboard.down('KeyW');
  await page.waitForTimeout(800);
  await page.keyboard.up('KeyW');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  await toolbar.getByRole('button', { name: 'Walk' }).click();
  await expect(page.getByTestId('minimap')).toHaveCount(0);

  // Presentation mode keeps the look; its overlay has the same switch.
  await toolbar.getByRole('button', { name: 'Present', exact: true }).click();
  const overlay = page.getByTestId('presentation');
  await expect(overlay).toBeVisible();
  expect(await look(page)).toBe('presentation');
  await overlay.getByRole('button', { name: 'Presentation look' }).click();
  expect(await look(page)).toBe('engineering');
  await overlay.getByRole('button', { name: 'Engineering look' }).click();
  expect(await look(page)).toBe('presentation');
  await overlay.getByRole('button', { name: 'Exit (Esc)' }).click();
  await expect(overlay).toHaveCount(0);
  expect(await look(page)).toBe('presentation');

  await toolbar.getByRole('button', { name: 'Presentation look' }).click();
  expect(await look(page)).toBe('engineering');
  await expect.poll(() => floorPixel(page)).toEqual(engineering);
  expect(errors).toEqual([]);
});
