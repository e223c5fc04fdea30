/**
 * The layout editor in the browser, as an engineer lays out a hall: draw a room with typed wall
 * lengths, lay a row pair around a cold aisle with the tool, select a row and move it (snapping
 * and the clearances shown while dragging), edit a rack's elevation, box-select, right-click a rack, and undo
 * everything back to the start.
 */
import type { Page } from '@playwright/test';
import { editorState, expect, openApp, test, toScreen, waitForSteadyView } from './fixtures';

async function clickFloor(page: Page, x: number, y: number): Promise<void> {
  const p = await toScreen(page, x, y);
  await page.mouse.click(p.x, p.y);
}

async function hoverFloor(page: Page, x: number, y: number): Promise<void> {
  const p = await toScreen(page, x, y);
  await page.mouse.move(p.x, p.y, { steps: 3 });
}

test('draw a room, lay a row pair, move a row, edit an elevation, then undo it all', async ({ page }) => {
  await openApp(page);
  const original = (await editorState(page)).doc;
  await page.keyboard.press('p');
  await expect.poll(async () => (await editorState(page)).view).toBe('plan');
  await waitForSteadyView(page);

  // A 6 × 4 m room in the empty east end: the first corner by a click, two sides by typed lengths,
  // the third by a click, then a click on the first corner closes it.
  await page.keyboard.press('w');
  await expect(page.getByTestId('tool-walls')).toHaveAttribute('aria-pressed', 'true');
  await waitForSteadyView(page);
  await clickFloor(page, 48, 3);
  await hoverFloor(page, 52, 3.2);
  await page.keyboard.type('6');
  await expect(page.getByTestId('wall-typed')).toContainText('6 ↵');
  await page.keyboard.press('Enter');
  await hoverFloor(page, 54.1, 6);
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await clickFloor(page, 48, 7);
  await clickFloor(page, 48, 3);
  let doc = (await editorState(page)).doc;
  const room = doc.walls.slice(original.walls.length);
  expect(room.map((w) => [w.a, w.b])).toEqual([
    [
      { x: 48, y: 3 },
      { x: 54, y: 3 },
    ],
    [
      { x: 54, y: 3 },
      { x: 54, y: 7 },
    ],
    [
      { x: 54, y: 7 },
      { x: 48, y: 7 },
    ],
    [
      { x: 48, y: 7 },
      { x: 48, y: 3 },
    ],
  ]);

  // A row pair of 2 × 8 racks around a 1.2 m cold aisle centred on y = 16.2 (on the 0.3 m grid).
  await page.getByTestId('tool-row-pair').click();
  await page.getByLabel('Racks per row').fill('8');
  await waitForSteadyView(page);
  await clickFloor(page, 30, 16.2);
  await hoverFloor(page, 36, 16.2);
  await expect(page.getByTestId('row-draft')).toHaveText('8 + 8 racks');
  await clickFloor(page, 36, 16.2);
  doc = (await editorState(page)).doc;
  const rows = doc.rows.slice(original.rows.length);
  expect(rows.map((r) => r.name)).toEqual(['Row 03', 'Row 04']);
  const north = doc.racks.filter((r) => r.rowId === rows[0]!.id);
  const south = doc.racks.filter((r) => r.rowId === rows[1]!.id);
  expect(north.map((r) => r.name)).toEqual([
    'A-03-01',
    'A-03-02',
    'A-03-03',
    'A-03-04',
    'A-03-05',
    'A-03-06',
    'A-03-07',
    'A-03-08',
  ]);
  // Fronts face the aisle: the north row faces +y (180°), the south row −y (0°); 1.2 m clear between them.
  expect(north.every((r) => r.rotationDeg === 180 && r.position.y === 15)).toBe(true);
  expect(south.every((r) => r.rotationDeg === 0 && r.position.y === 17.4)).toBe(true);
  expect((await editorState(page)).selection).toHaveLength(2 + 16);

  // Select the north row and drag it 1.5 m north: the move shows the clear distances, then lands.
  await page.keyboard.press('Escape');
  await page.evaluate((id) => window.__hallwright!.state().select([id]), north[0]!.id);
  await page.getByRole('button', { name: 'Select row' }).click();
  expect((await editorState(page)).selection).toHaveLength(9);
  const from = await toScreen(page, north[3]!.position.x, north[3]!.position.y, 2.3);
  const to = await toScreen(page, north[3]!.position.x, north[3]!.position.y - 1.5, 2.3);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await expect(page.locator('.dimension-label').first()).toBeVisible();
  await page.mouse.up();
  doc = (await editorState(page)).doc;
  const moved = doc.racks.filter((r) => r.rowId === rows[0]!.id);
  expect(moved.map((r) => r.position.y)).toEqual(north.map(() => 13.5));
  expect(moved.map((r) => r.position.x)).toEqual(north.map((r) => r.position.x));

  // A drag onto the south row is refused with the reason, and nothing moves.
  const onto = await toScreen(page, north[3]!.position.x, 17.4, 2.3);
  const grab = await toScreen(page, north[3]!.position.x, 13.5, 2.3);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(onto.x, onto.y, { steps: 8 });
  await expect(page.getByTestId('drag-blocked')).toContainText('would overlap A-04-');
  await page.mouse.up();
  await expect(page.getByRole('alert')).toContainText('Not moved');
  expect((await editorState(page)).doc.racks.filter((r) => r.rowId === rows[0]!.id).map((r) => r.position.y)).toEqual(
    north.map(() => 13.5),
  );

  // The elevation of the row's first rack: drag a DGX H100 onto U10.
  await page.evaluate((id) => window.__hallwright!.state().select([id]), north[0]!.id);
  await page.keyboard.press('e');
  const dialog = page.getByTestId('elevation');
  await expect(dialog).toBeVisible();
  const source = (await page.getByTestId('elevation-catalog-nvidia-dgx-h100').boundingBox())!;
  const target = (await page.getByTestId('elevation-u-10').boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect
    .poll(async () =>
      (await editorState(page)).doc.racks.find((r) => r.id === north[0]!.id)!.devices.map((d) => d.uPosition),
    )
    .toEqual([10]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await waitForSteadyView(page);

  // A box drawn around the south row in plan selects its eight racks.
  const a = await toScreen(page, 29, 16.6);
  const b = await toScreen(page, 36.8, 18.4);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
  expect((await editorState(page)).selection.sort()).toEqual(south.map((r) => r.id).sort());

  // Right-click a north rack: its menu acts on it (not the south row selected before).
  const onRack = await toScreen(page, north[2]!.position.x, 13.5, 2.3);
  await page.mouse.click(onRack.x, onRack.y, { button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Select row' }).click();
  await expect(menu).toBeHidden();
  expect((await editorState(page)).selection.sort()).toEqual([rows[0]!.id, ...north.map((r) => r.id)].sort());

  // Undo everything: the document is the sample again.
  for (let i = 0; i < 10 && (await page.getByRole('button', { name: 'Undo' }).isEnabled()); i++)
    await page.keyboard.press('Control+z');
  expect((await editorState(page)).doc).toEqual(original);
});
