/**
 * The panels on a campus (docs/performance.md): the findings list a page at a time, with the
 * findings that name the selection listed first, so a selected rack's are never out of sight; the
 * rack inspector's feeder lists hold what serves the rack's hall, every feeder one choice away.
 */
import { isFeeder } from '../renderer/app/feederOptions';
import { runChecks } from '../shared/index';
import { buildStressSite } from '../shared/testing/stressSite';
import { expect, loadDocument, openApp, test } from './fixtures';

const PAGE = 200;

test('a campus lists its findings a page at a time; the selection’s findings come first', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const campus = buildStressSite(1_000);
  const { findings } = runChecks(campus);
  expect(findings.length).toBeGreaterThan(2 * PAGE);
  await loadDocument(page, campus, 'campus');
  const list = page.getByTestId('findings-list');
  await expect(list.locator(':scope > li')).toHaveCount(PAGE);
  const more = page.getByTestId('findings-more');
  await expect(more).toHaveText(`Show ${PAGE} more (${(findings.length - PAGE).toLocaleString('en-US')} not shown)`);

  // A rack whose findings are all past the first page: selected, they are listed first.
  const racks = new Set(campus.racks.map((r) => r.id));
  const late = findings.findIndex((f, i) => i >= PAGE && f.entities.some((id) => racks.has(id)));
  const rackId = findings[late]!.entities.find((id) => racks.has(id))!;
  const about = findings.filter((f) => f.entities.includes(rackId));
  expect(findings.indexOf(about[0]!)).toBeGreaterThanOrEqual(PAGE);
  await page.evaluate((id) => window.__hallwright!.state().select([id]), rackId);
  const selection = page.getByTestId('findings-selection');
  await expect(selection).toContainText(`About the selection (${about.length})`);
  await expect(selection.locator('li')).toHaveCount(about.length);
  await expect(selection.locator('li').first()).toContainText(about[0]!.message);

  await more.click();
  await expect(list.locator(':scope > li')).toHaveCount(2 * PAGE);
  // Nothing selected: the section goes.
  await page.evaluate(() => window.__hallwright!.state().select([]));
  await expect(selection).toHaveCount(0);
});

test('on a campus the feeder lists hold what serves the rack’s hall; every feeder is one choice away', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const campus = buildStressSite(1_000);
  const total = campus.power.filter(isFeeder).length;
  await loadDocument(page, campus, 'campus');
  await page.evaluate((id) => window.__hallwright!.state().select([id]), campus.racks[0]!.id);
  const sideA = page.getByLabel('Side A fed from');
  const every = `Every feeder on the site (${total})…`;
  await expect(sideA.locator('option').last()).toHaveText(every);
  const near = await sideA.locator('option').count();
  expect(near).toBeLessThan(total / 2);
  // The rack's present feeder is chosen, and listed.
  const present = await sideA.inputValue();
  expect(present).not.toBe('');
  await sideA.selectOption({ label: every });
  // One option more than the feeders: "— leave —"; the side's choice is as it was.
  await expect(sideA.locator('option')).toHaveCount(total + 1);
  await expect(sideA).toHaveValue(present);
});
