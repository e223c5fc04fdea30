/**
 * A large site's loads in the background (renderer/workers/loadsClient.ts): on a campus of more
 * than DEFER_LOADS_OVER_RACKS racks, opening it says its power and cooling are being checked and
 * then shows them; removing a device leaves the editor responsive, says that power and cooling
 * are being re-checked, and then shows exactly what a full check of the edited document gives.
 */
import { MW } from '../renderer/app/format';
import { DEFER_LOADS_OVER_RACKS } from '../renderer/workers/loadsClient';
import { plural, runChecks } from '../shared/index';
import { buildStressSite } from '../shared/testing/stressSite';
import { editorState, expect, loadDocument, openApp, test } from './fixtures';

test('opening a campus and removing a device check power and cooling in the background, then show the full check', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  const campus = buildStressSite(2_000);
  expect(campus.racks.length).toBeGreaterThan(DEFER_LOADS_OVER_RACKS);
  // What the status bar said while the opened campus was first checked, watched from before the load.
  await page.evaluate(() => {
    const w = window as unknown as { said: string[] };
    w.said = [];
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="status-loads-pending"]')?.textContent;
      if (text && !w.said.includes(text)) w.said.push(text);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await loadDocument(page, campus, 'campus');
  const before = runChecks(campus);
  const itLoad = page.getByTestId('status-it-load');
  await expect(itLoad).toHaveText(`IT ${MW(before.power.itLoadW)}`);
  // Opened, its power and cooling were checked in the background: no other figures stood in.
  expect(await page.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([
    'Checking power and cooling…',
  ]);

  const rack = campus.racks.find((r) => r.devices.length > 0)!;
  await page.evaluate((id) => window.__hallwright!.state().select([id]), rack.id);
  // Whether the page ever said it was re-checking: watched from before the click, since it may be brief.
  await page.evaluate(() => {
    const w = window as unknown as { sawPending: boolean };
    w.sawPending = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="status-loads-pending"]')) w.sawPending = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page
    .getByRole('button', { name: /^Remove / })
    .first()
    .click();

  await expect(page.getByTestId('status-loads-pending')).toHaveCount(0, { timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { sawPending: boolean }).sawPending)).toBe(true);
  const { doc } = await editorState(page);
  expect(doc.racks.find((r) => r.id === rack.id)!.devices.length).toBe(rack.devices.length - 1);
  const after = runChecks(doc);
  expect(after.power.itLoadW).toBeLessThan(before.power.itLoadW);
  await expect(itLoad).toHaveText(`IT ${MW(after.power.itLoadW)}`);
  await expect(page.getByTestId('findings-count')).toHaveText(
    `${plural(after.counts.error, 'error')}, ${plural(after.counts.warning, 'warning')}`,
  );
  await expect(page.getByTestId('loads-pending')).toHaveCount(0);
});
