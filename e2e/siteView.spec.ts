/**
 * The site view (docs/site-view.md): every hall and rack of the site in a few draw calls, on the
 * sample and on a generated campus of 1,000 racks in five halls; a click on a rack selects it and
 * goes into its hall's 3D view.
 */
import type { Page } from '@playwright/test';
import { catalogFor, type ProjectDocument, type Rack } from '../shared/index';
import { buildStressSite } from '../shared/testing/stressSite';
import { editorState, expect, loadDocument, openApp, test, toScreen, waitForSteadyView } from './fixtures';

/** Issue 10: the renderer keeps at most 100 draw calls whatever the rack count. */
const MAX_DRAW_CALLS = 100;

async function drawCalls(page: Page): Promise<number> {
  return page.evaluate(() => window.__hallwright!.renderTimes(1).drawCalls);
}

/** Clicks the middle of a rack's top in the site view: top faces are seen from above, never hidden by a neighbour. */
async function clickRackOnSite(page: Page, doc: ProjectDocument, rack: Rack): Promise<void> {
  const offset = await page.evaluate((id) => window.__hallwright!.siteOffset(id), rack.hallId);
  expect(offset).not.toBeNull();
  const height = catalogFor(doc).rackType(rack.rackTypeId)!.heightM;
  const at = await toScreen(page, offset!.x + rack.position.x, offset!.y + rack.position.y, height);
  await page.mouse.click(at.x, at.y);
}

test('site view on the sample: a few draw calls, and a rack clicked is selected in its hall', async ({ page }) => {
  await openApp(page);
  const hallDrawCalls = await drawCalls(page);
  await page.getByRole('button', { name: 'Site', exact: true }).click();
  expect((await editorState(page)).view).toBe('site');
  await waitForSteadyView(page);
  const calls = await drawCalls(page);
  expect(calls).toBeGreaterThan(0);
  expect(calls).toBeLessThanOrEqual(MAX_DRAW_CALLS);
  // One hall drawn whole costs more calls than the whole site drawn merged.
  expect(calls).toBeLessThan(hallDrawCalls);

  const { doc } = await editorState(page);
  const rack = doc.racks.find((r) => r.id === 'rack-A-02-05')!;
  await clickRackOnSite(page, doc, rack);
  await expect.poll(async () => (await editorState(page)).view).toBe('perspective');
  expect((await editorState(page)).selection).toEqual([rack.id]);
  expect(await page.evaluate(() => window.__hallwright!.state().activeHallId)).toBe(rack.hallId);

  // S goes back to the site, and again to the hall.
  await page.keyboard.press('s');
  expect((await editorState(page)).view).toBe('site');
  await page.keyboard.press('s');
  expect((await editorState(page)).view).toBe('perspective');
});

test('site view on a generated 1,000-rack campus: every hall drawn, a rack in another hall entered', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const campus = buildStressSite(1_000);
  const started = Date.now();
  await loadDocument(page, campus, 'campus');
  await page.getByRole('button', { name: 'Site', exact: true }).click();
  await waitForSteadyView(page);
  const loadMs = Date.now() - started;
  expect(loadMs, 'load and first site frame').toBeLessThan(30_000);
  const frame = await page.evaluate(() => window.__hallwright!.renderTimes(1));
  expect(frame.drawCalls).toBeLessThanOrEqual(MAX_DRAW_CALLS);
  // Every rack of every hall is drawn: per rack a box (12 triangles) and its front door (2).
  expect(frame.triangles).toBeGreaterThanOrEqual(14 * campus.racks.length);
  expect(new Set(campus.racks.map((r) => r.hallId)).size).toBeGreaterThan(1);

  // A rack of the last hall: not the one the hall view shows first.
  const lastHall = campus.halls.at(-1)!.id;
  const inLast = campus.racks.filter((r) => r.hallId === lastHall);
  const rack = inLast[Math.floor(inLast.length / 2)]!;
  await clickRackOnSite(page, campus, rack);
  await expect.poll(async () => (await editorState(page)).view).toBe('perspective');
  expect((await editorState(page)).selection).toEqual([rack.id]);
  expect(await page.evaluate(() => window.__hallwright!.state().activeHallId)).toBe(lastHall);
});
