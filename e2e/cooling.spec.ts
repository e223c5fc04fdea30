/**
 * The cooling design in the browser: the Cooling panel's rooms and aisles, the hall that passes
 * with its containment and fails without, a GB200-class rack that needs liquid until it is
 * connected to a CDU, and colouring racks by inlet margin.
 */
import { editorState, expect, openApp, pixelAt, test, toFloor, toScreen } from './fixtures';

test('the Cooling panel shows the hall; removing the containment fails it, undo restores it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Cooling' }).click();
  await expect(page.getByTestId('cooling-power')).toHaveText('37.5 kW');
  await expect(page.getByTestId('air-hall-a')).toContainText('Air 224,363 m³/h of 300,000 m³/h');
  await expect(page.getByTestId('rti-hall-a')).toContainText('net bypass');
  await expect(page.getByTestId('inlet-margins')).toContainText('°C');

  await page.getByTestId('air-hac-1').click();
  expect((await editorState(page)).selection).toEqual(['hac-1']);
  await expect(page.getByTestId('inspector-containment')).toContainText('Row 01 (S19 XP miners), Row 02 (DGX H100)');
  await page.getByRole('button', { name: 'Remove containment' }).click();
  await page.getByRole('tab', { name: 'Findings' }).click();
  // Without containment the racks need more air after bypass than all five fan walls move.
  await expect(page.getByTestId('findings-list')).toContainText('of supply after bypass; the units move 300,000 m³/h');
  await expect(page.getByTestId('findings-list')).toContainText('above the 30 kW limit for air without containment');

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('findings-count')).toHaveText('4 errors, 3 warnings');
});

test('a GB200 NVL72 rack on air needs liquid; on a new CDU and chiller it passes', async ({ page }) => {
  await openApp(page);
  // Place a rack in the open part of the hall and fill it with a GB200 NVL72.
  await page.getByTestId('palette-rack-rack-48u-600x1200').click();
  const at = await toScreen(page, 39.9, 18);
  await page.mouse.click(at.x, at.y);
  await page.getByTestId('palette-device-nvidia-gb200-nvl72').click();
  await expect(page.getByTestId('rack-technology')).toHaveText('air, open room');
  await expect(page.getByTestId('findings-list')).toContainText(
    'hold liquid-cooled equipment but no liquid loop serves them',
  );

  // A chiller from the Cooling panel, then a CDU placed on the floor from the palette.
  await page.getByRole('tab', { name: 'Cooling' }).click();
  await page.getByRole('button', { name: '+ Chiller' }).click();
  await page.getByTestId('palette-cooling-cdu').click();
  const cduAt = await toScreen(page, 43.8, 18);
  await page.mouse.click(cduAt.x, cduAt.y);
  const cdu = (await editorState(page)).doc.cooling.find((u) => u.kind === 'cdu')!;
  expect(cdu).toMatchObject({ position: { x: 43.8, y: 18 } });
  await expect(page.getByTestId('inspector-cooling')).toContainText(cdu.name);
  await page.keyboard.press('r');
  expect((await editorState(page)).doc.cooling.find((u) => u.id === cdu.id)).toMatchObject({ rotationDeg: 90 });

  // Drag it 1.2 m along x, like a rack: one undoable move, snapped to the grid.
  const from = await toScreen(page, 43.8, 18, 2);
  const grab = await toFloor(page, from.x, from.y);
  const to = await toScreen(page, grab.x + 1.2, grab.y);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  const moved = (await editorState(page)).doc.cooling.find((u) => u.id === cdu.id) as {
    position: { x: number; y: number };
  };
  expect(moved.position.x).toBeCloseTo(45, 6);
  expect(moved.position.y).toBeCloseTo(18, 6);

  // Select the rack again and connect it.
  const rackAt = await toScreen(page, 39.9, 18, 1.2);
  await page.mouse.click(rackAt.x, rackAt.y);
  await page.getByLabel('Liquid loop').selectOption(cdu.id);
  await expect(page.getByTestId('rack-technology')).toHaveText('direct-to-chip liquid');
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(page.getByTestId('findings-list')).not.toContainText('no liquid loop');
  await page.getByRole('tab', { name: 'Cooling' }).click();
  await expect(page.getByTestId(`loop-${cdu.id}`)).toContainText('102.0 kW of 350.0 kW');

  // Deleting the CDU (select it, Delete) disconnects the rack again.
  await page.getByTestId(`loop-${cdu.id}`).click();
  await page.keyboard.press('Delete');
  const after = await editorState(page);
  expect(after.doc.cooling.some((u) => u.id === cdu.id)).toBe(false);
  expect(after.doc.racks.at(-1)!.liquidLoopId).toBeNull();
});

test('colour by inlet margin paints the GPU racks green (≈ 5.7 K under their 30 °C limit)', async ({ page }) => {
  await openApp(page);
  // The top of a GPU rack in row 02, away from the hot-aisle roof.
  const top = await toScreen(page, 13.35, 10.6, 2.27);
  const before = await pixelAt(page, top.x, top.y);
  await page.getByRole('tab', { name: 'Cooling' }).click();
  await page.getByTestId('colour-cooling').click();
  expect((await editorState(page)).colouring).toBe('cooling');
  await expect(page.getByTestId('colour-cooling')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await pixelAt(page, top.x, top.y)).join()).not.toBe(before.join());
  const [r, g, b] = await pixelAt(page, top.x, top.y);
  expect(g).toBeGreaterThan(r);
  expect(g).toBeGreaterThan(b);
});
