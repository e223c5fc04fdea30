/**
 * The site view's cooling units and containment (docs/site-view.md): drawn for every hall in one
 * merged mesh each, read-only; a click on a unit selects it and goes into its hall; an edit
 * moves the unit on the site; the GLB of the whole site holds them by name under their halls.
 * On the sample and on a generated campus of 1,000 racks in five halls.
 */
import type { Page } from '@playwright/test';
import type { CoolingUnit, ProjectDocument } from '../shared/index';
import { buildStressSite } from '../shared/testing/stressSite';
import {
  downloadGlb,
  editorState,
  expect,
  loadDocument,
  nodeName as nameOf,
  openApp,
  test,
  toScreen,
  waitForSteadyView,
} from './fixtures';

/** The brief's budget for the whole site view with cooling and containment drawn. */
const MAX_DRAW_CALLS = 10;
/**
 * Triangles per item (site/siteInstances.ts): a unit's box without its bottom face, 5 faces × 2;
 * a containment panel, one square of 2 (three per containment).
 */
const UNIT_TRIANGLES = 10;
const AISLE_TRIANGLES = 3 * 2;
/** A fan wall stands on a 0.3 m sill in both views (CoolingUnits.tsx, site/siteUnits.ts). */
const FAN_WALL_SILL_M = 0.3;

async function frame(page: Page) {
  return page.evaluate(() => window.__hallwright!.renderTimes(1));
}

async function openSite(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Site', exact: true }).click();
  expect((await editorState(page)).view).toBe('site');
  await waitForSteadyView(page);
}

/** Replaces the document's units and containments through the store, as an edit would. */
async function setCooling(page: Page, cooling: CoolingUnit[], containments: ProjectDocument['containments']) {
  await page.evaluate(
    ([units, aisles]) =>
      window.__hallwright!.state().run({
        label: 'Replace cooling',
        recipe: (draft) => {
          draft.cooling = units;
          draft.containments = aisles;
        },
      }),
    [cooling, containments] as const,
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Clicks the middle of a unit standing in a hall: its box's centre, which no other object of the site covers. */
async function clickUnitOnSite(page: Page, unit: CoolingUnit): Promise<void> {
  if (!('position' in unit)) throw new Error(`${unit.id} does not stand in a hall`);
  const offset = await page.evaluate((id) => window.__hallwright!.siteOffset(id), unit.hallId);
  expect(offset).not.toBeNull();
  const y = unit.kind === 'fan-wall' ? FAN_WALL_SILL_M + unit.heightM / 2 : unit.heightM / 2;
  const at = await toScreen(page, offset!.x + unit.position.x, offset!.y + unit.position.y, y);
  await page.mouse.click(at.x, at.y);
}

async function expectEntered(page: Page, hallId: string, id: string): Promise<void> {
  await expect.poll(async () => (await editorState(page)).view).toBe('perspective');
  expect((await editorState(page)).selection).toEqual([id]);
  expect(await page.evaluate(() => window.__hallwright!.state().activeHallId)).toBe(hallId);
}

test('sample: the fan walls and the hot aisle are drawn on the site, two draw calls; a fan wall clicked is selected in its hall', async ({
  page,
}) => {
  await openApp(page);
  const { doc } = await editorState(page);
  await openSite(page);
  const drawn = await frame(page);
  expect(drawn.drawCalls).toBeLessThanOrEqual(MAX_DRAW_CALLS);

  // Taken away, the units and the aisle take their triangles and a draw call each with them.
  await setCooling(page, [], []);
  const bare = await frame(page);
  expect(drawn.drawCalls - bare.drawCalls).toBe(2);
  // Five fan walls, one hot aisle of three panels.
  expect(doc.cooling.filter((u) => 'position' in u)).toHaveLength(5);
  expect(drawn.triangles - bare.triangles).toBe(
    UNIT_TRIANGLES * doc.cooling.length + AISLE_TRIANGLES * doc.containments.length,
  );
  await page.evaluate(() => window.__hallwright!.state().undo());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect((await frame(page)).triangles).toBe(drawn.triangles);

  // FW4 stands in the hall's south wall, the side the site view looks from: its walls let the click through.
  await clickUnitOnSite(
    page,
    doc.cooling.find((u) => u.id === 'fw-4')!,
  );
  await expectEntered(page, 'hall-a', 'fw-4');
});

test('1,000-rack campus: every hall’s CRAHs and hot aisles drawn within the budget; a CRAH moved on the site, clicked there, entered', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const campus = buildStressSite(1_000);
  await loadDocument(page, campus, 'campus');
  await openSite(page);
  const drawn = await frame(page);
  // Floors, walls, doors, racks, units, containment.
  expect(drawn.drawCalls).toBe(6);
  // Five halls of 28 CRAHs (and a chiller each, kept as a hidden item); 25 hot aisles of three panels.
  expect(campus.cooling).toHaveLength(5 * 29);
  expect(campus.containments).toHaveLength(25);
  const unitTriangles = UNIT_TRIANGLES * campus.cooling.length + AISLE_TRIANGLES * campus.containments.length;
  expect(drawn.triangles).toBeGreaterThanOrEqual(14 * campus.racks.length + unitTriangles);

  // A CRAH of the last hall, moved 2 m into the hall by an edit made while the site is shown (clear
  // of its neighbours, 2.7 m apart along the wall), is clicked where it now stands.
  const lastHall = campus.halls.at(-1)!.id;
  const crah = campus.cooling.find((u) => 'hallId' in u && u.hallId === lastHall && u.id.endsWith('-14'))!;
  expect('position' in crah).toBe(true);
  await page.evaluate(
    (id) =>
      window.__hallwright!.state().run({
        label: 'Move unit',
        recipe: (draft) => {
          const unit = draft.cooling.find((u) => u.id === id)!;
          if ('position' in unit) unit.position.y -= 2;
        },
      }),
    crah.id,
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect((await frame(page)).triangles).toBe(drawn.triangles);
  const moved = (await editorState(page)).doc.cooling.find((u) => u.id === crah.id)!;
  await clickUnitOnSite(page, moved);
  await expectEntered(page, lastHall, crah.id);
});

/** The loader makes node names safe for animation paths; the file's own names are kept in userData. */

test('the GLB of the campus site holds every hall’s units and aisles by name', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const campus = buildStressSite(1_000);
  await loadDocument(page, campus, 'campus');
  await openSite(page);
  const { root } = await downloadGlb(page);
  expect(root.children.map(nameOf)).toEqual(['Site shell', 'Racks', 'Cooling units', 'Containment']);
  const [, , units, aisles] = root.children;
  expect(units!.children.map(nameOf)).toEqual(campus.halls.map((h) => h.name));
  units!.children.forEach((hall, i) =>
    expect(hall.children.map(nameOf)).toEqual(
      // The chillers have no place on the site: the hall view does not draw them either.
      campus.cooling.filter((u) => 'hallId' in u && u.hallId === campus.halls[i]!.id).map((u) => u.name),
    ),
  );
  expect(aisles!.children.map(nameOf)).toEqual(campus.halls.map((h) => h.name));
  expect(aisles!.children.flatMap((hall) => hall.children.map(nameOf))).toEqual(campus.containments.map((c) => c.name));
  expect(aisles!.children[0]!.children[0]!.children.map(nameOf)).toEqual(['Roof', 'End door', 'End door']);
});
