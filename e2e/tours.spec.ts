/**
 * Tours in the browser: two views recorded as stops, the tour played, and the camera checked at
 * each stop while the caption shows; the tour is saved in the document and undo removes a stop.
 */
import type { Page } from '@playwright/test';
import { dragInScene, editorState, expect, openApp, test } from './fixtures';

async function view(page: Page) {
  return page.evaluate(() => window.__hallwright!.view()!);
}

test('record two stops, play the tour, and the camera reaches each stop', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Tours' }).click();
  await page.getByRole('button', { name: 'New tour' }).click();
  await page.getByRole('button', { name: 'Record current view' }).click();
  await page.getByLabel('Caption of stop 1').fill('Hall A: the GPU row and the miners it replaces');
  await page.getByLabel('Caption of stop 1').press('Tab');

  // Orbit the camera by dragging in the view, then record the second stop.
  await dragInScene(page, 200, 40, 8);
  await page.getByRole('button', { name: 'Record current view' }).click();

  const tour = (await editorState(page)).doc.tours[0]!;
  expect(tour.stops.map((s) => s.caption)).toEqual(['Hall A: the GPU row and the miners it replaces', 'Stop 2']);
  const [first, second] = tour.stops;
  expect(Math.hypot(first!.position.x - second!.position.x, first!.position.z - second!.position.z)).toBeGreaterThan(5);

  // Start from the second view: playing goes to stop 1, holds, then moves to stop 2.
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect(page.getByTestId('tour-caption')).toContainText('Hall A: the GPU row and the miners it replaces');
  await expect
    .poll(async () => {
      const v = await view(page);
      return Math.hypot(
        v.position.x - first!.position.x,
        v.position.y - first!.position.y,
        v.position.z - first!.position.z,
      );
    })
    .toBeLessThan(0.01);
  await expect(page.getByTestId('tour-caption')).toContainText('Stop 2', { timeout: 15_000 });
  await expect
    .poll(
      async () => {
        const v = await view(page);
        return Math.hypot(
          v.position.x - second!.position.x,
          v.position.y - second!.position.y,
          v.position.z - second!.position.z,
        );
      },
      { timeout: 15_000 },
    )
    .toBeLessThan(0.01);
  // The tour ends at its last stop and the caption goes.
  await expect(page.getByTestId('tour-caption')).toHaveCount(0, { timeout: 10_000 });

  await page.getByLabel('Delete stop 2').click();
  expect((await editorState(page)).doc.tours[0]!.stops).toHaveLength(1);
  await page.keyboard.press('Control+z');
  expect((await editorState(page)).doc.tours[0]!.stops).toHaveLength(2);
});
