/**
 * The thermal simulation in the browser: the Thermal tab starts a coarse run by itself, Simulate
 * runs the fine grid in the worker with a progress bar, the result lists the sample's racks worst
 * first with plausible temperatures, the heat map is drawn over the floor, an edit marks the result
 * stale and the coarse run follows by itself, Cancel stops a run, and the result joins presentation
 * mode and the PDF report.
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '@playwright/test';
import { editorState, expect, openApp, pixelAt, test, toScreen } from './fixtures';

/** A fine run of the sample takes a few seconds in Node; the browser's worker shares two cores with SwiftShader. */
const RUN_TIMEOUT = 120_000;

async function inletRows(page: Page) {
  return page.getByTestId('thermal-inlets').locator('tbody tr');
}

/** A table row's figures, °C: mean, max and outlet, and the recommended limit. */
async function rowTemperatures(page: Page, index: number): Promise<[number, number, number, number]> {
  const texts = await (await inletRows(page)).nth(index).locator('td').allInnerTexts();
  const [mean, max, outlet, limit] = texts.slice(1, 5).map((t) => parseFloat(t.replace(/,/g, '')));
  return [mean!, max!, outlet!, limit!];
}

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  await pdf.destroy();
  return text.replace(/\s+/g, '');
}

test('simulate the sample: progress, inlets worst first, heat map, stale after an edit, coarse re-run, cancel', async ({
  page,
}) => {
  test.setTimeout(6 * RUN_TIMEOUT);
  await openApp(page);
  await page.getByRole('tab', { name: 'Thermal' }).click();

  // Opening the tab starts a coarse run of the sample (69,120 cells) by itself.
  await expect(page.getByTestId('thermal-resolution')).toHaveText('0.50 m cells', { timeout: RUN_TIMEOUT });
  await expect(await inletRows(page)).toHaveCount(32);
  await expect(page.getByTestId('thermal-stale')).toHaveCount(0);

  // The fine run on demand, with its progress.
  await page.getByTestId('thermal-simulate').click();
  await expect(page.getByTestId('thermal-progress')).toBeVisible();
  await expect(page.getByTestId('thermal-status')).toContainText('Simulating at 0.25 m');
  await expect(page.getByTestId('thermal-resolution')).toHaveText('0.25 m cells', { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('thermal-progress')).toHaveCount(0);

  // Every rack of the sample, with inlet, outlet and indices in a plausible range.
  const rows = await inletRows(page);
  await expect(rows).toHaveCount(32);
  const RANK: Record<string, number> = { 'over allowable': 0, 'over recommended': 1, 'under recommended': 1, OK: 2 };
  const order: [number, number][] = [];
  for (let i = 0; i < 32; i++) {
    const [mean, max, outlet, limit] = await rowTemperatures(page, i);
    expect(mean).toBeGreaterThan(15);
    expect(max).toBeGreaterThanOrEqual(mean);
    expect(max).toBeLessThan(60);
    expect(outlet).toBeGreaterThan(mean);
    const status = (await rows.nth(i).locator('td').last().innerText()).trim();
    order.push([RANK[status]!, limit - max]);
  }
  // Worst first: by status, then by the margin to the recommended limit (figures shown to 0.1 °C).
  for (let i = 1; i < order.length; i++) {
    const [[rankA, marginA], [rankB, marginB]] = [order[i - 1]!, order[i]!];
    expect(rankA).toBeLessThanOrEqual(rankB);
    if (rankA === rankB) expect(marginA).toBeLessThanOrEqual(marginB + 0.1);
  }
  await expect(page.getByTestId('thermal-rci-hi-hall-a')).toHaveText(/^\d+\.\d % (good|acceptable|poor)$/);
  await expect(page.getByTestId('thermal-rti-hall-a')).toContainText('%');
  await expect(page.getByTestId('thermal-heat-hall-a')).toContainText('kW');

  // The heat map lies over the floor at 1 m: an open patch of floor takes its colour, and loses it when it is switched off.
  await expect(page.getByTestId('thermal-legend')).toContainText('°C');
  const spot = await toScreen(page, 40, 16, 1);
  const withMap = await pixelAt(page, spot.x, spot.y);
  await page.getByTestId('thermal-show-heat-map').uncheck();
  await expect(page.getByTestId('thermal-legend')).not.toContainText('air at');
  // The canvas draws on demand, after the panel: polled until it has drawn without the map.
  await expect
    .poll(async () => {
      const withoutMap = await pixelAt(page, spot.x, spot.y);
      return withMap.reduce((sum, c, k) => sum + Math.abs(c - withoutMap[k]!), 0);
    })
    .toBeGreaterThan(40);
  await page.getByTestId('thermal-show-heat-map').check();

  // Clicking the worst rack selects it; deleting it makes the result stale, and a coarse run follows by itself.
  const worst = (await rows.first().getAttribute('data-testid'))!.replace('thermal-inlet-', '');
  await rows.first().click();
  expect((await editorState(page)).selection).toEqual([worst]);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('thermal-stale')).toBeVisible();
  await expect(page.getByTestId('thermal-resolution')).toHaveText('0.50 m cells', { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId('thermal-stale')).toHaveCount(0);
  await expect(await inletRows(page)).toHaveCount(31);

  // Cancel stops a run and keeps the last result.
  await page.getByTestId('thermal-simulate').click();
  await expect(page.getByTestId('thermal-progress')).toBeVisible();
  await page.getByTestId('thermal-cancel').click();
  await expect(page.getByTestId('thermal-status')).toHaveText('The run at 0.25 m was cancelled.');
  await expect(page.getByTestId('thermal-progress')).toHaveCount(0);
  await expect(page.getByTestId('thermal-resolution')).toHaveText('0.50 m cells');

  // The Findings tab lists the run's findings under the live checks', with its grid.
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(page.getByTestId('findings-thermal')).toContainText('Thermal simulation (0.5 m)');
  await expect(page.getByTestId('findings-thermal')).not.toContainText('stale');
});

test('the thermal result in presentation mode and in the PDF report', async ({ page }) => {
  test.setTimeout(3 * RUN_TIMEOUT);
  await openApp(page);
  await page.getByRole('tab', { name: 'Thermal' }).click();
  await expect(page.getByTestId('thermal-resolution')).toHaveText('0.50 m cells', { timeout: RUN_TIMEOUT });

  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByTestId('verdict-thermal')).toHaveText(
    /^Thermal RCI \d+\.\d %( · \d+ racks? over allowable)?$/,
  );
  // The heat map is off in presentation until asked for.
  await expect(page.getByTestId('thermal-legend')).toHaveCount(0);
  await page.getByTestId('presentation-thermal-map').click();
  await expect(page.getByTestId('thermal-legend')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toHaveCount(0);

  await page.getByRole('tab', { name: 'BOM' }).click();
  const [pdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Export PDF report' }).click(),
  ]);
  const text = await pdfText((await pdf.path())!);
  expect(text).toContain('Thermalsimulation');
  expect(text).toContain('0.50mgrid(coarse)');
  expect(text).toContain('Rackinlets,worstfirst');
  expect(text).toContain('HallA(ex-mining):airat1.00m');
  expect(text).not.toContain('STALE');
});
