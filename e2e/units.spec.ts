/**
 * Metric and imperial display units in the browser: the status bar switches the project to
 * imperial (one undoable edit), the Cooling panel and a finding's figures show CFM and °F, a fan
 * wall's figures are typed with explicit units and stored in SI, an unreadable entry is refused
 * with a message, and switching back is undone like any edit.
 */
import { editorState, expect, openApp, test } from './fixtures';

/** The sample's fan wall FW1: 6 m wide, 60,000 m³/h, 35 °C outdoor design dry-bulb. */
const FAN_WALL = 'fw-1';

async function fanWall(page: Parameters<typeof editorState>[0]) {
  const unit = (await editorState(page)).doc.cooling.find((u) => u.id === FAN_WALL);
  if (unit?.kind !== 'fan-wall') throw new Error('the sample has no fan wall fw-1');
  return unit;
}

test('switch to imperial, read CFM and °F, type figures with their units, switch back and undo', async ({ page }) => {
  await openApp(page);
  const units = page.getByTestId('status-units');
  await expect(units).toHaveValue('metric');
  await units.selectOption({ label: 'Imperial (US)' });
  expect((await editorState(page)).doc.settings.units).toBe('imperial');

  // The five fan walls move 300,000 m³/h = 176,573 CFM (1 CFM = 1.699 m³/h, NIST SP 811).
  await page.getByRole('tab', { name: 'Cooling' }).click();
  await expect(page.getByTestId('air-hall-a')).toContainText('of 176,573 CFM');
  await expect(page.getByTestId('cooling-rooms')).toContainText('°F');

  // Without containment the airflow finding's figures, in the engine's SI message, read in CFM in its details.
  await page.getByTestId('air-hac-1').click();
  await page.getByRole('button', { name: 'Remove containment' }).click();
  await page.getByRole('tab', { name: 'Findings' }).click();
  const airflow = page.getByTestId('findings-list').locator('li', { hasText: 'of supply after bypass' });
  await expect(airflow).toContainText('the units move 300,000 m³/h');
  await airflow.locator('summary').click();
  await expect(airflow.getByTestId('finding-value-supplyM3s')).toHaveText('176,573 CFM');
  await page.keyboard.press('Control+z');
  expect((await editorState(page)).doc.containments).toHaveLength(1);

  // The fan wall's inspector shows its figures in imperial, with their units.
  await page.evaluate((id) => window.__hallwright!.state().select([id]), FAN_WALL);
  const inspector = page.getByTestId('inspector-cooling');
  await expect(inspector.getByLabel('Airflow, CFM')).toHaveValue('35,314.7 CFM');
  const width = inspector.getByLabel('Width, ft');
  await expect(width).toHaveValue('19.685 ft');

  // Feet and inches, CFM and °F are stored as metres, m³/h and °C.
  await width.fill(`20' 6"`);
  await width.press('Enter');
  await expect.poll(async () => (await fanWall(page)).widthM).toBeCloseTo(6.2484, 9);
  await expect(inspector.getByLabel('Width, ft')).toHaveValue('20.5 ft');
  const flow = inspector.getByLabel('Airflow, CFM');
  await flow.fill('40,000 CFM');
  await flow.press('Enter');
  await expect.poll(async () => (await fanWall(page)).airflowM3h).toBeCloseTo(67_960.43, 1);
  const dryBulb = inspector.getByLabel('Outdoor design dry-bulb, °F');
  await dryBulb.fill('80 F');
  await dryBulb.press('Enter');
  await expect.poll(async () => (await fanWall(page)).outdoorDryBulbC).toBeCloseTo(26.667, 3);
  // A metric figure typed in an imperial project is taken with its unit.
  await inspector.getByLabel('Width, ft').fill('6000 mm');
  await inspector.getByLabel('Width, ft').press('Enter');
  await expect.poll(async () => (await fanWall(page)).widthM).toBe(6);

  // An entry that is not a length is refused with what the field takes, and the document keeps its value.
  await inspector.getByLabel('Width, ft').fill('12 furlongs');
  await inspector.getByLabel('Width, ft').press('Enter');
  await expect(inspector.getByTestId('quantity-problem')).toHaveText(
    `“12 furlongs” is not a length: type a number in ft, or a figure with its unit (m, mm, ft, in, 12' 6").`,
  );
  await expect(inspector.getByLabel('Width, ft')).toHaveAttribute('aria-invalid', 'true');
  expect((await fanWall(page)).widthM).toBe(6);
  await inspector.getByLabel('Width, ft').press('Escape');
  await expect(inspector.getByTestId('quantity-problem')).toHaveCount(0);
  await expect(inspector.getByLabel('Width, ft')).toHaveValue('19.685 ft');

  // Back to metric: the same SI figures, shown in m and m³/h.
  await units.selectOption({ label: 'Metric (SI)' });
  expect((await editorState(page)).doc.settings.units).toBe('metric');
  await expect(inspector.getByLabel('Width, m')).toHaveValue('6 m');
  await expect(inspector.getByLabel('Airflow, m³/h')).toHaveValue('67,960.4 m³/h');

  // The switch is an edit like any other: undo brings imperial back, and the fan wall keeps its SI figures.
  await page.keyboard.press('Control+z');
  await expect(units).toHaveValue('imperial');
  await expect(inspector.getByLabel('Width, ft')).toHaveValue('19.685 ft');
  const kept = await fanWall(page);
  expect(kept.widthM).toBe(6);
  expect(kept.airflowM3h).toBeCloseTo(67_960.43, 1);
});

test('the catalog shows figures in imperial with the datasheet’s own beside them; a custom device is typed in lb and CFM', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('status-units').selectOption('imperial');
  await page.getByRole('tab', { name: 'Catalog' }).click();

  // DGX H100 (figures.md §1): 130.45 kg = 288 lb, 1,105 CFM, inlet ≤ 30 °C = 86 °F.
  const dgx = page.getByTestId('catalog-device-nvidia-dgx-h100');
  await dgx.getByRole('button', { name: 'Sources of NVIDIA DGX H100' }).click();
  const sources = dgx.getByRole('list', { name: 'Where the figures of NVIDIA DGX H100 come from' });
  await expect(sources.getByRole('listitem').filter({ hasText: 'Weight' })).toContainText('288 lb (130.5 kg)');
  await expect(sources.getByRole('listitem').filter({ hasText: 'Airflow' })).toContainText('1,105 CFM (1,877 m³/h)');
  await expect(sources.getByRole('listitem').filter({ hasText: 'Thermal' })).toContainText('inlet ≤ 86.0 °F (30.0 °C)');

  await page.getByRole('button', { name: 'Add custom device' }).click();
  const form = page.getByTestId('custom-device-form');
  await form.getByLabel('Name', { exact: true }).fill('Spine switch');
  await form.getByLabel('Category', { exact: true }).selectOption('network');
  await form.getByLabel('Height, U').fill('2');
  await form.getByLabel('Nameplate (maximum) power, W').fill('2200');
  await form.getByLabel('Typical draw under load, W').fill('1400');
  await form.getByLabel('Source of the figures').fill('Vendor datasheet rev. B');
  // A weight that is not one is refused with what the field takes.
  await form.getByLabel('Weight, lb').fill('heavy');
  await form.getByRole('button', { name: 'Add to project' }).click();
  await expect(form.getByTestId('field-error-weightKg')).toHaveText(
    '“heavy” is not a weight: type a number in lb, or a figure with its unit (kg, lb).',
  );
  await expect(form.getByLabel('Weight, lb')).toBeFocused();
  await form.getByLabel('Weight, lb').fill('48.5');
  await form.getByLabel('Airflow, CFM').fill('340');
  await form.getByRole('button', { name: 'Add to project' }).click();
  await expect(form).toHaveCount(0);
  // The device keeps kg and CFM: 48.5 lb × 0.45359237 = 21.999 kg.
  const [device] = (await editorState(page)).doc.customDevices;
  expect(device!.weightKg).toBeCloseTo(21.9992, 4);
  expect(device!.airflowCfm).toBe(340);
});
