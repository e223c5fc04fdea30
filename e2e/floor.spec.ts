/**
 * A new hall with a weak floor, in the browser: New hall… creates it with its walls and shows
 * it; a rack placed there overloads its 1 kPa rating (184 kg: 160 kg frame + two 12 kg rack
 * PDUs, spread over 0.6 × (1.2 + 0.6 + 0.45) m = 1.34 kPa), the floor finding names the rack and
 * selects it, and undo takes the rack and then the hall away again.
 */
import type { Page } from '@playwright/test';
import { editorState, expect, openApp, test, toScreen } from './fixtures';

const activeHallId = (page: Page) => page.evaluate(() => window.__hallwright!.state().activeHallId);

test('New hall… with a low floor rating; a rack placed there gets a floor finding; undo', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New hall…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New hall' });
  await dialog.getByLabel('Name').fill('Hall B (light slab)');
  await expect(dialog.getByLabel('Code')).toHaveValue('B');
  await dialog.getByLabel('Width, m').fill('20');
  await dialog.getByLabel('Depth, m').fill('12');
  await dialog.getByLabel('Ceiling height, m').fill('4.5');

  // A figure the dialog cannot read is refused with what it takes, and nothing is added.
  await dialog.getByLabel('Uniform load rating, kPa').fill('light');
  await dialog.getByRole('button', { name: 'Create hall' }).click();
  await expect(dialog.getByTestId('new-hall-problem')).toContainText(
    'Uniform load rating: “light” is not a floor load',
  );
  expect((await editorState(page)).doc.halls).toHaveLength(1);

  await dialog.getByLabel('Uniform load rating, kPa').fill('1');
  await dialog.getByRole('button', { name: 'Create hall' }).click();
  await expect(dialog).toHaveCount(0);

  let state = await editorState(page);
  const hall = state.doc.halls.find((h) => h.name === 'Hall B (light slab)')!;
  expect(hall).toMatchObject({ code: 'B', width: 20, depth: 12, height: 4.5 });
  expect(hall.floor).toEqual({
    kind: 'slab',
    raisedHeightM: 0,
    uniformLoadKpa: 1,
    pointLoadKn: 4.5,
    ratingDeclared: true,
  });
  expect(state.doc.walls.filter((w) => w.hallId === hall.id)).toHaveLength(4);
  expect(await activeHallId(page)).toBe(hall.id);

  await page.getByTestId('palette-rack-rack-48u-600x1200').click();
  const target = await toScreen(page, 9.9, 6);
  await page.mouse.click(target.x, target.y);
  await expect(page.getByTestId('status-racks')).toHaveText('33 racks');
  state = await editorState(page);
  const rack = state.doc.racks.at(-1)!;
  expect(rack).toMatchObject({ hallId: hall.id, position: { x: 9.9, y: 6 } });

  const finding = page.getByTestId('findings-list').getByRole('button').filter({
    hasText: 'FLOOR-1: Hall B (light slab): 1 rack loads the floor beyond its 1.00 kPa (20.9 psf) uniform rating',
  });
  await expect(finding).toContainText('up to 1.34 kPa');
  await expect(finding).toContainText('184 kg = rack 160 kg + devices 0 kg + 2 rack PDUs × 12 kg');
  await page.keyboard.press('Escape');
  expect((await editorState(page)).selection).toEqual([]);
  await finding.click();
  expect((await editorState(page)).selection).toEqual([rack.id]);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
  await expect(finding).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect((await editorState(page)).doc.halls.map((h) => h.id)).toEqual(['hall-a']);
});
