/**
 * The Catalog tab in the browser: a built-in device with its indicative price and sources, a
 * custom device added through the form (refused with the schema's message first), undone and
 * redone, kept in "my catalog" (web mode: local storage) and brought back after a reload; a
 * stored catalog that does not validate is reported, not overwritten unasked.
 */
import { USER_CATALOG_KEY } from '../renderer/platform/webHost';
import { editorState, expect, openApp, test } from './fixtures';

const NAME = 'Spine switch 64 × 800G';
const ID = 'custom-spine-switch-64-800g';

test('browse the catalog with its sources, add a custom device, keep it in my catalog', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Catalog' }).click();
  const panel = page.getByTestId('catalog-panel');
  await expect(panel).toBeVisible();

  const dgx = page.getByTestId('catalog-device-nvidia-dgx-h100');
  await expect(dgx).toContainText('8 × H100 SXM5');
  await expect(page.getByTestId('catalog-price-nvidia-dgx-h100')).toHaveText('$199,000 indicative');
  await expect(page.getByTestId('catalog-price-antminer-s21')).toHaveText('quote needed');
  await dgx.getByRole('button', { name: 'Sources of NVIDIA DGX H100' }).click();
  const sources = dgx.getByRole('list', { name: 'Where the figures of NVIDIA DGX H100 come from' });
  await expect(sources.getByRole('listitem').filter({ hasText: 'Nameplate power' })).toContainText(
    'NVIDIA DGX H100/H200 User Guide',
  );
  await expect(sources.getByRole('listitem').filter({ hasText: 'Indicative price' })).toContainText(
    'supercluster.blog',
  );

  // The filter narrows the list by text and by category.
  await page.getByLabel('Filter devices').fill('antminer');
  await expect(dgx).toHaveCount(0);
  await expect(page.getByTestId('catalog-device-antminer-s19-xp')).toBeVisible();
  await page.getByLabel('Filter devices').fill('');
  await page.getByLabel('Category', { exact: true }).selectOption('miner');
  await expect(dgx).toHaveCount(0);
  await page.getByLabel('Category', { exact: true }).selectOption('all');

  await page.getByRole('button', { name: 'Add custom device' }).click();
  const form = page.getByTestId('custom-device-form');
  await form.getByLabel('Name', { exact: true }).fill(NAME);
  await form.getByLabel('Category', { exact: true }).selectOption('network');
  await form.getByLabel('Height, U').fill('2');
  await form.getByLabel('Weight, kg').fill('22');
  await form.getByLabel('Nameplate (maximum) power, W').fill('2200');
  await form.getByLabel('Typical draw under load, W').fill('1400');
  await form.getByLabel('Power supplies installed').fill('2');
  await form.getByLabel('Of which spare').fill('2');
  await form.getByRole('button', { name: 'Add to project' }).click();
  await expect(form.getByTestId('field-error-psuRedundant')).toHaveText(
    'spare power supplies must be fewer than installed ones',
  );
  await expect(form.getByLabel('Of which spare')).toBeFocused();
  expect((await editorState(page)).doc.customDevices).toEqual([]);

  await form.getByLabel('Of which spare').fill('1');
  await expect(form.getByTestId('field-error-psuRedundant')).toHaveCount(0);
  await form.getByLabel('Source of the figures').fill('Vendor datasheet rev. B');
  await form.getByRole('button', { name: 'Add to project' }).click();
  await expect(form).toHaveCount(0);
  expect((await editorState(page)).doc.customDevices).toEqual([
    expect.objectContaining({
      id: ID,
      name: NAME,
      category: 'network',
      nameplateW: 2200,
      psuCount: 2,
      psuRedundant: 1,
    }),
  ]);
  const custom = page.getByTestId(`catalog-device-${ID}`);
  await expect(custom).toContainText('2.2 kW nameplate');
  await expect(page.getByTestId(`catalog-price-${ID}`)).toHaveText('quote needed');

  await page.keyboard.press('Control+z');
  await expect(custom).toHaveCount(0);
  expect((await editorState(page)).doc.customDevices).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await expect(custom).toBeVisible();

  const mine = page.getByTestId('user-catalog');
  await expect(mine).toContainText('Empty');
  await custom.getByRole('button', { name: `Save to my catalog: ${NAME}` }).click();
  await expect(mine.getByTestId(`user-catalog-device-${ID}`)).toContainText(NAME);
  await expect(custom).toContainText('in my catalog');

  // A reload opens the sample again, without the device; my catalog still has it.
  await page.reload();
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
  await page.getByRole('tab', { name: 'Catalog' }).click();
  await expect(page.getByTestId(`catalog-device-${ID}`)).toHaveCount(0);
  const kept = page.getByTestId('user-catalog').getByTestId(`user-catalog-device-${ID}`);
  await expect(kept).toContainText(NAME);
  await kept.getByRole('button', { name: `Add to project: ${NAME}` }).click();
  await expect(kept).toContainText('in the project');
  expect((await editorState(page)).doc.customDevices.map((d) => d.id)).toEqual([ID]);
});

test('a user catalog that does not validate says what is wrong, and can be started afresh', async ({ page }) => {
  await page.addInitScript(([key, text]) => localStorage.setItem(key, text), [
    USER_CATALOG_KEY,
    JSON.stringify({ formatVersion: 1, devices: [{ id: 'x' }], quotes: [] }),
  ] as const);
  await openApp(page);
  await page.getByRole('tab', { name: 'Catalog' }).click();
  const error = page.getByTestId('user-catalog-error');
  await expect(error).toContainText('The user catalog is invalid: devices[0].name:');
  await expect(page.getByTestId('user-catalog')).not.toContainText('Empty');

  await error.getByRole('button', { name: 'Start a new catalog' }).click();
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('user-catalog')).toContainText('Empty');
  expect(await page.evaluate((key) => localStorage.getItem(key), USER_CATALOG_KEY)).toBe(
    '{\n  "formatVersion": 1,\n  "devices": [],\n  "quotes": []\n}\n',
  );
});
