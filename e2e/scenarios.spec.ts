/**
 * Scenarios, comparison, fill to capacity and the bill of materials in the browser: a scenario
 * created and edited, three columns compared with their charts, a row filled until the power chain
 * stops it, a quote entered, and the CSV, XLSX and PDF exports downloaded and read back.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { editorState, expect, openApp, test } from './fixtures';

test('create a scenario and compare it with the design and a sample scenario', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await page.getByRole('button', { name: 'New scenario' }).click();
  const doc = (await editorState(page)).doc;
  const created = doc.scenarios.at(-1)!;
  expect(created.name).toBe('Scenario 1');
  const details = page.getByTestId(`scenario-details-${created.id}`);
  await details.getByLabel('Scenario name').fill('GPU racks → GB200');
  await details.getByLabel('Scenario name').press('Enter');
  await details
    .getByLabel('Rule 1 action')
    .selectOption({ label: '1 × NVIDIA GB200 NVL72 (rack-scale, liquid-cooled)' });
  await expect(details.getByTestId('scenario-effect')).toHaveText('Rule 1: 12 racks');
  expect((await editorState(page)).doc.scenarios.at(-1)!.name).toBe('GPU racks → GB200');

  await page.getByLabel('Compare GPU racks → 4 × DGX B200').check();
  await page.getByLabel('Compare GPU racks → GB200').check();
  await page.getByTestId('compare-scenarios').click();
  const table = page.getByTestId('comparison-table');
  await expect(table).toContainText('Design as drawn');
  // The sample: 12 racks × 3 DGX H100 × 8 GPUs = 288 GPUs, 284.9 BF16 PFLOPS.
  await expect(table.locator('tr', { hasText: 'GPUs' }).first()).toContainText('288');
  await expect(table.locator('tr', { hasText: 'BF16 dense PFLOPS' })).toContainText('284.9');
  // 12 × 4 × DGX B200 × 8 × 2,250 TFLOPS = 864 PFLOPS; 12 GB200 NVL72 × 72 × 2,250 = 1,944 PFLOPS.
  await expect(table.locator('tr', { hasText: 'BF16 dense PFLOPS' })).toContainText('864.0');
  await expect(table.locator('tr', { hasText: 'BF16 dense PFLOPS' })).toContainText('1,944.0');
  await expect(table.locator('tr', { hasText: 'Cooling needed' })).toContainText('direct-to-chip liquid');
  await expect(page.locator('[data-testid^="chart-"] canvas')).toHaveCount(4);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('comparison')).toHaveCount(0);

  // Undo the rename, then the whole scenario.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  expect((await editorState(page)).doc.scenarios.map((s) => s.name)).not.toContain('GPU racks → GB200');
});

test('fill the GPU row to capacity: the power chain stops it and says where', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  const before = (await editorState(page)).doc.racks.length;
  const fill = page.getByTestId('fill-to-capacity');
  await fill.getByLabel('Fill configuration').selectOption({ label: '4 × NVIDIA DGX H100' });
  await fill.getByLabel('Row 02 (DGX H100)').check();
  await fill.getByTestId('fill-run').click();
  await expect(page.getByTestId('fill-result')).toContainText('Stopped by');
  const after = (await editorState(page)).doc.racks.length;
  const placed = Number(/Placed (\d+) rack/.exec((await page.getByTestId('fill-result').textContent()) ?? '')?.[1]);
  expect(after - before).toBe(placed);
  await page.keyboard.press('Control+z');
  expect((await editorState(page)).doc.racks.length).toBe(before);
});

test('the bill of materials takes a quote and exports CSV, XLSX and a PDF report', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'BOM' }).click();
  await expect(page.getByTestId('bom-line-nvidia-dgx-h100')).toContainText('$199,000');
  await expect(page.getByTestId('bom-line-antminer-s19-xp:existing')).toContainText('on site');
  await page.getByRole('button', { name: 'Quote UPS' }).click();
  const editor = page.getByTestId('quote-editor-ups');
  await editor.getByLabel('Unit price').fill('350');
  await editor.getByLabel('Quote source').fill('UPS vendor Q-1');
  await editor.getByRole('button', { name: 'Save quote' }).click();
  await expect(page.getByTestId('bom-line-ups')).toContainText('$350/kVA');
  const doc = (await editorState(page)).doc;
  expect(doc.quotes).toEqual([expect.objectContaining({ itemKey: 'ups', unitPrice: 350, source: 'UPS vendor Q-1' })]);
  const total = (await page.getByTestId('bom-total').textContent())!;

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText.split('\r\n')[0]).toContain('Category,Item');
  expect(csvText).toContain('UPS vendor Q-1');

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export XLSX' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await xlsx.path())!);
  expect(book.worksheets.map((w) => w.name)).toContain('Summary');

  const [pdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Export PDF report' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = readFileSync((await pdf.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Exported from the app, the report carries the 3D view as an image.
  expect(bytes.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  expect(total).toMatch(/Total \$[\d,]+/);
});
