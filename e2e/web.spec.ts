/**
 * The renderer in web mode, driven like a user would: real mouse and keyboard in Chromium with
 * WebGL on SwiftShader. The bridge only tells the test where to aim and what the store holds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  canvasColourCount,
  editorState,
  expect,
  openApp,
  openThroughPicker,
  test,
  toFloor,
  toScreen,
} from './fixtures';

test('opens on the sample facility and draws it', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('document-title')).toContainText('Sample: ex-mining hall conversion');
  await expect(page.getByTestId('findings-count')).toHaveText('4 errors, 3 warnings');
  await expect(page.getByTestId('status-it-load')).toHaveText('IT 0.909 MW');
  await expect.poll(() => canvasColourCount(page)).toBeGreaterThan(20);
});

test('place a rack, fill it, drag it, see the findings change, undo and redo', async ({ page }) => {
  await openApp(page);

  await page.getByTestId('palette-rack-rack-48u-600x1200').click();
  const target = await toScreen(page, 30, 15);
  await page.mouse.click(target.x, target.y);
  await expect(page.getByTestId('status-racks')).toHaveText('33 racks');
  let state = await editorState(page);
  const placed = state.doc.racks.at(-1)!;
  expect(placed.position).toEqual({ x: 30, y: 15 });
  expect(state.selection).toEqual([placed.id]);
  await expect(page.getByTestId('inspector-rack')).toContainText(placed.name);

  for (let i = 0; i < 4; i++) await page.getByTestId('palette-device-nvidia-dgx-h100').click();
  await expect(page.getByTestId('rack-load')).toHaveText('40.8 kW');
  // Worked case 5b: 4 × 1,105 CFM, heated 16.21 K on the electrical basis.
  await expect(page.getByTestId('rack-airflow')).toContainText('4,420 CFM (7,510 m³/h), ΔT 16.2 K (29.2 °F)');
  // Four DGX H100 on 2N 63 A circuits: neither side carries 40.8 kW alone (worked case 1b), and
  // the new rack also overloads PDUs A2/B2 and UPS A on a failure, and 40.8 kW in open air is
  // beyond the 30 kW air limit: 6 new errors.
  await expect(page.getByTestId('findings-count')).toHaveText('10 errors, 3 warnings');

  // Grab the rack's body; the drag follows the floor point under the pointer, so aim the drop
  // at the grab's floor point moved by (3.0, 2.1) m.
  const from = await toScreen(page, 30, 15, 1.2);
  const grab = await toFloor(page, from.x, from.y);
  const to = await toScreen(page, grab.x + 3, grab.y + 2.1);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  state = await editorState(page);
  const moved = state.doc.racks.find((r) => r.id === placed.id)!;
  expect(moved.position.x).toBeCloseTo(33, 6);
  expect(moved.position.y).toBeCloseTo(17.1, 6);
  expect((moved.position.x * 10) % 3).toBeCloseTo(0, 6);

  await page.keyboard.press('r');
  expect((await editorState(page)).doc.racks.find((r) => r.id === placed.id)!.rotationDeg).toBe(90);

  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  expect((await editorState(page)).doc.racks.find((r) => r.id === placed.id)!.position).toEqual({ x: 30, y: 15 });
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  await expect(page.getByTestId('findings-count')).toHaveText('4 errors, 3 warnings');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');

  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('status-racks')).toHaveText('33 racks');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Control+y');
  state = await editorState(page);
  expect(state.doc.racks.find((r) => r.id === placed.id)).toMatchObject({ rotationDeg: 90 });
  await expect(page.getByTestId('findings-count')).toHaveText('10 errors, 3 warnings');

  await page.getByRole('button', { name: 'Undo' }).click();
  expect((await editorState(page)).doc.racks.find((r) => r.id === placed.id)!.rotationDeg).toBe(0);
});

test('clicking a finding selects the entities it names; Delete removes a rack', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('findings-list').getByRole('button').first().click();
  expect((await editorState(page)).selection).toEqual(['ups-b']);
  await expect(page.getByTestId('inspector-component')).toContainText('122.4 % on loss of side A and one module');
  await page.getByTestId('findings-list').getByRole('button').first().focus();
  await page.locator('canvas').click({ position: { x: 5, y: 5 } });
  const rack = await toScreen(page, 13.2, 10.3, 1.2);
  await page.mouse.click(rack.x, rack.y);
  expect((await editorState(page)).selection).toEqual(['rack-A-02-06']);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('status-racks')).toHaveText('31 racks');
  // 11 GPU racks = 336.6 kW: still over the 300 kW UPS B has with a module lost.
  await expect(page.getByTestId('findings-count')).toHaveText('4 errors, 3 warnings');
  await expect(page.getByTestId('status-it-load')).toHaveText('IT 0.878 MW');
});

test('save, edit, reopen: the saved document comes back exactly', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('palette-rack-rack-42u-600x1070').click();
  const target = await toScreen(page, 40, 18);
  await page.mouse.click(target.x, target.y);
  const before = (await editorState(page)).doc;

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('sample-facility.hallwright');
  const saved = test.info().outputPath('saved.hallwright');
  await download.saveAs(saved);
  expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(before);
  await expect(page.getByTestId('document-title')).not.toContainText('•');

  await page.keyboard.press('Delete');
  await expect(page.getByTestId('document-title')).toContainText('•');
  // Unsaved changes: the in-app question comes first (e2e/desktop.spec.ts), then the picker.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    (async () => {
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.getByTestId('unsaved-prompt').getByRole('button', { name: "Don't Save" }).click();
    })(),
  ]);
  await chooser.setFiles(saved);
  await expect(page.getByTestId('notice')).toContainText('Opened');
  expect((await editorState(page)).doc).toEqual(before);
});

test('a corrupt file is refused with what is wrong and where; the open document is untouched', async ({ page }) => {
  await openApp(page);
  const before = (await editorState(page)).doc;
  const bad = structuredClone(before) as unknown as { racks: { position: { x: unknown } }[] };
  bad.racks[2]!.position.x = 'near the door';
  const path = test.info().outputPath('bad.hallwright');
  writeFileSync(path, JSON.stringify(bad));
  await openThroughPicker(page, path);
  await expect(page.getByRole('alert')).toContainText('racks[2].position.x');
  expect((await editorState(page)).doc).toEqual(before);

  writeFileSync(path, '{"formatVersion": 1, "racks": [');
  await openThroughPicker(page, path);
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  expect((await editorState(page)).doc).toEqual(before);
});

test('plan view is a top-down orthographic view that still draws and picks', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Plan view' })).toHaveAttribute('aria-pressed', 'true');
  expect((await editorState(page)).view).toBe('plan');
  await expect.poll(() => canvasColourCount(page)).toBeGreaterThan(10);
  // Top-down: plan x grows to the right and plan y grows downwards on screen.
  const a = await toScreen(page, 10, 5);
  const b = await toScreen(page, 20, 15);
  expect(b.x).toBeGreaterThan(a.x);
  expect(b.y).toBeGreaterThan(a.y);
  const rack = await toScreen(page, 10.2, 8, 2.2);
  await page.mouse.click(rack.x, rack.y);
  expect((await editorState(page)).selection).toEqual(['rack-A-01-01']);
});
