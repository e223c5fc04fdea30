/**
 * Walk mode in the browser: enter at the main door at eye height, walk forward across the hall
 * until the far wall stops the walker, look around by dragging, and see the minimap follow.
 */
import type { Page } from '@playwright/test';
import { dragInScene, expect, openApp, test } from './fixtures';

async function view(page: Page) {
  return page.evaluate(() => window.__hallwright!.view()!);
}

test.setTimeout(30_000);
test('walk mode moves the camera at eye height and stops at a wall', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Walk' }).click();
  await expect(page.getByTestId('minimap')).toBeVisible();
  // The sample's main door is at (4, 0) in the wall along x: the walk starts 1 m inside, facing +y.
  await expect.poll(async () => (await view(page)).position).toEqual({ x: 4, y: 1.7, z: 1 });

  await page.keyboard.down('Shift');
  await page.keyboard.down('KeyW');
  await expect.poll(async () => (await view(page)).position.z, { timeout: 15_000 }).toBeGreaterThan(23);
  // Keep walking: the far wall (y = 24 m, 0.3 m thick) holds the walker a body radius off its face.
  // Held once its position has not changed over three reads 0.3 s apart: a fixed wait was once
  // too short on a loaded machine, whose slow frames bring the walker to the wall later.
  const reads: number[] = [];
  await expect
    .poll(
      async () => {
        reads.push((await view(page)).position.z);
        const last = reads.slice(-3);
        return last.length === 3 && last.every((z) => z === last[0]);
      },
      { intervals: [300], timeout: 15_000 },
    )
    .toBe(true);
  const stopped = (await view(page)).position;
  await page.waitForTimeout(500);
  await page.keyboard.up('KeyW');
  await page.keyboard.up('Shift');
  const after = (await view(page)).position;
  expect(after.z).toBeCloseTo(stopped.z, 6);
  expect(after.z).toBeLessThanOrEqual(24 - 0.15 - 0.3 + 1e-6);
  expect(after.x).toBeCloseTo(4, 6);
  expect(after.y).toBeCloseTo(1.7, 6);
  const walker = await page.evaluate(() => window.__hallwright!.state().walker);
  expect(walker!.y).toBeCloseTo(after.z, 6);

  // Dragging looks around: the heading turns, the position stays.
  await dragInScene(page, 150, 0, 5);
  const turned = await page.evaluate(() => window.__hallwright!.state().walker!);
  expect(turned.headingDeg).toBeGreaterThan(90 + 10);
  expect(turned.y).toBeCloseTo(after.z, 6);

  await page.getByRole('button', { name: 'Walk' }).click();
  await expect(page.getByTestId('minimap')).toHaveCount(0);
});
