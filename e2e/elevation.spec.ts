/**
 * A rack's elevation in the browser: open it from the inspector, drag a device from the catalog onto
 * a free U (green while it fits), drag one onto occupied U (red, refused with the reason), move a
 * placed device, use the keyboard controls, and undo everything back to the sample's rack.
 */
import type { Locator, Page } from '@playwright/test';
import { editorState, expect, openApp, test } from './fixtures';

const RACK = 'rack-A-02-01';

const devicesOf = async (page: Page) =>
  (await editorState(page)).doc.racks
    .find((r) => r.id === RACK)!
    .devices.map((d) => [d.catalogId, d.uPosition])
    .sort((a, b) => Number(a[1]) - Number(b[1]));

/** The centre of an element, or a point `dx` px from its left edge. */
async function pointOf(locator: Locator, dx?: number): Promise<{ x: number; y: number }> {
  const box = (await locator.boundingBox())!;
  return { x: box.x + (dx ?? box.width / 2), y: box.y + box.height / 2 };
}

/** Presses at `from` and moves to `to` without releasing, so the test can look at the drag's feedback. */
async function dragOver(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
}

test('place, refuse, move and remove devices on a rack elevation by U, then undo it all', async ({ page }) => {
  await openApp(page);
  const original = (await editorState(page)).doc;
  await page.evaluate((id) => window.__hallwright!.state().select([id]), RACK);
  await page.getByRole('button', { name: 'Elevation…' }).click();
  const dialog = page.getByTestId('elevation');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: /Elevation of A-02-01/ })).toBeVisible();
  // The sample's rack: 3 × DGX H100 (8U, 10.2 kW, 130.45 kg each) in a 48U rack on A and B circuits.
  await expect(page.getByTestId('elevation-space')).toHaveText('24 U used, 24 U free of 48 U');
  await expect(page.getByTestId('elevation-blanking')).toContainText('24 × 1U');
  await expect(page.getByTestId('elevation-nameplate')).toHaveText('30.6 kW');
  // 160 kg rack + 391.35 kg of DGX + 2 rack PDUs × 12 kg = 575.35 kg, shown to 0.1 kg.
  await expect(page.getByTestId('elevation-weight')).toContainText(/575\.[34] kg incl\. 2 rack PDUs, 24\.0 kg/);
  await expect(page.getByTestId('elevation-gpus')).toHaveText('24');
  await expect(page.getByTestId('elevation-device-A-02-01-d1')).toContainText('NVIDIA DGX H100');

  // The list filters as you type.
  await page.getByLabel('Search devices').fill('b200');
  const b200 = page.getByTestId('elevation-catalog-nvidia-dgx-b200');
  await expect(b200).toBeVisible();
  await expect(page.getByTestId('elevation-catalog-antminer-s19-xp')).toHaveCount(0);

  // Drag a DGX B200 (10U) onto the free U31: green while over it, placed at U31 on release.
  await dragOver(page, await pointOf(b200, 20), await pointOf(page.getByTestId('elevation-u-31')));
  await expect(page.getByTestId('elevation-target')).toHaveClass(/fits/);
  await expect(page.getByTestId('elevation-drop-hint')).toContainText('U31–U40: fits');
  await page.mouse.up();
  expect(await devicesOf(page)).toEqual([
    ['nvidia-dgx-h100', 3],
    ['nvidia-dgx-h100', 13],
    ['nvidia-dgx-h100', 23],
    ['nvidia-dgx-b200', 31],
  ]);
  await expect(page.getByTestId('elevation-space')).toHaveText('34 U used, 14 U free of 48 U');

  // Another onto U5: its U5–U14 would overlap two DGX H100s, so the range is red and the drop refused.
  await dragOver(page, await pointOf(b200, 20), await pointOf(page.getByTestId('elevation-u-5')));
  await expect(page.getByTestId('elevation-target')).toHaveClass(/refused/);
  await expect(page.getByTestId('elevation-drop-hint')).toContainText(
    'U5–U14 overlaps NVIDIA DGX H100 at U3–U10 and NVIDIA DGX H100 at U13–U20',
  );
  await page.mouse.up();
  await expect(page.getByTestId('elevation-notice')).toContainText(
    'NVIDIA DGX B200 (10U) cannot go at U5 in A-02-01: U5–U14 overlaps NVIDIA DGX H100 at U3–U10',
  );
  await expect(page.getByTestId('elevation-notice')).toContainText('the largest free run is 8U at U41–U48');
  expect(await devicesOf(page)).toHaveLength(4);

  // Move the top DGX H100 (U23–U30), grabbed by its lowest U, up to U41.
  const dgx = page.getByTestId('elevation-device-A-02-01-d3');
  const grab = { x: (await pointOf(dgx)).x, y: (await pointOf(page.getByTestId('elevation-u-23'))).y };
  await dragOver(page, grab, await pointOf(page.getByTestId('elevation-u-41')));
  await expect(page.getByTestId('elevation-drop-hint')).toContainText('U41–U48: fits');
  await page.mouse.up();
  expect(await devicesOf(page)).toContainEqual(['nvidia-dgx-h100', 41]);
  await expect(dgx).toHaveAttribute('aria-pressed', 'true');

  // The keyboard's way: Down would put it on the B200's top U and ↑ past the rack's top, so both are
  // refused; Remove takes it out.
  await dialog.getByRole('button', { name: 'Down', exact: true }).click();
  await expect(page.getByTestId('elevation-notice')).toContainText(
    'NVIDIA DGX H100 (8U) cannot move to U40 in A-02-01: U40–U47 overlaps NVIDIA DGX B200 at U31–U40',
  );
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('elevation-notice')).toContainText('needs 8U from U42 but the rack has 48U');
  // The 3D view's shortcuts do not act behind the dialog: R would rotate the selected rack.
  await page.keyboard.press('r');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dgx).toHaveCount(0);
  expect(await devicesOf(page)).toHaveLength(3);
  await expect(page.getByTestId('elevation-notice')).toHaveCount(0);

  // Undo the removal, the move and the placement: the rack is the sample's again.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  expect((await editorState(page)).doc).toEqual(original);
  await expect(page.getByTestId('elevation-device-A-02-01-d3')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await page.evaluate(() => window.__hallwright!.state().elevationRackId)).toBeNull();
  // Esc closed the elevation only: the rack is still selected.
  expect((await editorState(page)).selection).toEqual([RACK]);
});
