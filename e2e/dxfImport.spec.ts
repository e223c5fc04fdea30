/**
 * Import DXF… in the browser: a drawing written by the test (in millimetres, with wall, door and
 * furniture layers) is picked through the file input; the wall layer starts chosen, the units
 * come from $INSUNITS, layers are added and removed, and the walls come in as a new hall that
 * becomes the one on screen, with the curved segment it left out reported. Undo takes it away.
 * A file that is not DXF is refused with a message first.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { HALL_OUTLINE_MM, writeDxf } from '../shared/import/dxfWriter.testing';
import { expect, openApp, test } from './fixtures';

const DRAWING = writeDxf({
  insunits: 4,
  layers: ['A-WALL', 'A-DOOR', 'FURN'],
  entities: [
    HALL_OUTLINE_MM,
    { type: 'LINE', layer: 'A-WALL', a: [20_000, 0], b: [20_000, 10_000] },
    {
      type: 'LWPOLYLINE',
      layer: 'A-WALL',
      points: [
        [40_000, 24_000, 0.4],
        [44_000, 24_000],
      ],
    },
    { type: 'LINE', layer: 'A-DOOR', a: [30_000, 10_000], b: [31_000, 10_000] },
    { type: 'ARC', layer: 'A-DOOR', centre: [30_000, 10_000], radius: 1_000, startDeg: 0, endDeg: 90 },
    {
      type: 'LWPOLYLINE',
      layer: 'FURN',
      points: [
        [5_000, 5_000],
        [6_600, 5_000],
      ],
    },
  ],
});

const halls = (page: Page) =>
  page.evaluate(() => {
    const s = window.__hallwright!.state();
    return {
      activeHallId: s.activeHallId,
      halls: s.doc.halls.map((h) => ({
        id: h.id,
        code: h.code,
        name: h.name,
        width: h.width,
        depth: h.depth,
        height: h.height,
      })),
      walls: s.doc.walls.map((w) => ({ hallId: w.hallId, a: w.a, b: w.b, thickness: w.thickness, height: w.height })),
    };
  });

test('import a DXF plan as a new hall, then undo it', async ({ page }, testInfo) => {
  await openApp(page);
  const before = await halls(page);
  const garbage = testInfo.outputPath('letter.dxf');
  writeFileSync(garbage, 'Dear sir,\nthis is not a drawing.\n');
  const file = testInfo.outputPath('plan.dxf');
  writeFileSync(file, DRAWING);

  await page.getByRole('button', { name: 'Import DXF…' }).click();
  const dialog = page.getByTestId('dxf-import-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('DXF file').setInputFiles(garbage);
  await expect(dialog.getByTestId('dxf-read-error')).toHaveText(
    'letter.dxf: This is not an ASCII DXF file: it should start with the group code 0, but line 1 reads "Dear sir,".',
  );

  await dialog.getByLabel('DXF file').setInputFiles(file);
  await expect(dialog.getByTestId('dxf-read-error')).toHaveCount(0);
  const wall = dialog.getByTestId('dxf-layer-A-WALL');
  const door = dialog.getByTestId('dxf-layer-A-DOOR');
  await expect(wall).toContainText('1 line, 2 polylines');
  await expect(door).toContainText('1 line, 1 ARC (not read)');
  await expect(wall.getByRole('checkbox')).toBeChecked();
  await expect(door.getByRole('checkbox')).not.toBeChecked();
  await expect(dialog.getByTestId('dxf-layer-FURN').getByRole('checkbox')).not.toBeChecked();
  await expect(dialog.getByTestId('dxf-units-note')).toHaveText(
    'Drawing units: millimetres, stated by the drawing ($INSUNITS 4).',
  );
  await expect(dialog.getByLabel('Drawing units')).toHaveValue('mm');
  const size = dialog.getByTestId('dxf-plan-size');
  await expect(size).toHaveText('Plan 60.00 m × 24.00 m, 5 walls; 1 arc skipped');
  await expect(dialog.getByTestId('dxf-preview')).toBeVisible();

  await door.getByRole('checkbox').check();
  await expect(size).toHaveText('Plan 60.00 m × 24.00 m, 6 walls; 1 arc skipped; 1 other entity skipped');
  await expect(dialog.getByTestId('dxf-warnings')).toContainText('Not imported from the chosen layers: 1 ARC.');
  await door.getByRole('checkbox').uncheck();
  await expect(size).toHaveText('Plan 60.00 m × 24.00 m, 5 walls; 1 arc skipped');

  // Read in metres, the millimetre drawing would be 60 km across: refused, with the reason.
  await dialog.getByLabel('Drawing units').selectOption('m');
  await expect(dialog.getByTestId('dxf-plan-error')).toContainText('a plan is at most 10,000 m (10 km) across');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await dialog.getByLabel('Drawing units').selectOption('mm');

  await dialog.getByLabel('Hall name').fill('Hall B (DXF)');
  await expect(dialog.getByLabel('Hall code')).toHaveValue('B');
  await dialog.getByLabel('Hall code').fill('a');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('dxf-refusal')).toHaveText(
    'Hall code "A" is already used by Hall A (ex-mining): choose another.',
  );
  await dialog.getByLabel('Hall code').fill('B');
  await expect(dialog.getByTestId('dxf-refusal')).toHaveCount(0);
  await dialog.getByLabel('Ceiling height, m').fill('7');
  await dialog.getByLabel('Ceiling height, m').press('Enter');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Imported 5 walls from plan.dxf as Hall B (DXF) (B).');
  await expect(notice).toContainText('1 curved polyline segment (bulges) left out: a curved wall has a gap there.');

  const after = await halls(page);
  const hall = after.halls.find((h) => h.code === 'B')!;
  expect(hall).toMatchObject({ name: 'Hall B (DXF)', width: 60, depth: 24, height: 7 });
  expect(after.activeHallId).toBe(hall.id);
  const walls = after.walls.filter((w) => w.hallId === hall.id);
  expect(walls).toHaveLength(5);
  expect(walls.every((w) => w.thickness === 0.2 && w.height === 7)).toBe(true);
  // The partition rises from the bottom edge in the drawing (Y up): in plan it hangs from y = 24 m.
  expect(walls).toContainEqual(expect.objectContaining({ a: { x: 20, y: 24 }, b: { x: 20, y: 14 } }));

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await halls(page)).halls).toEqual(before.halls);
  expect((await halls(page)).walls).toEqual(before.walls);
});
