/**
 * The one-line diagram on a 1,000-rack campus (docs/one-line.md): folds at every
 * level, so the diagram opens as the utility and one node for its 28 transformers (where the PDU
 * and circuit folds alone drew 85 nodes, ≈ 400 with none); an opened group shows at most 12 pieces
 * (5 chunks of 6 transformers here); a group opens with a double-click, a component selected
 * elsewhere opens the folds on its path, a selection too scattered to open is marked on the groups
 * holding it, and an overloaded circuit deep inside a fold shows on the folded node.
 */
import { buildStressSite } from '../shared/testing/stressSite';
import { editorState, expect, loadDocument, openApp, test } from './fixtures';

/** A screen or two: twice the e2e window's 1,400 px (playwright.config.ts). */
const TWO_SCREENS_PX = 2 * 1_400;

test('a campus one-line opens folded at every level; groups open a level at a time and never hide the selection or a problem', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const campus = buildStressSite(1_000);
  // Rack 500 (2 × L40S servers, 7.6 kW on side A with side B lost) gets a 10 A side-A breaker:
  // 10 A × 415 V × √3 × 0.95 × 0.8 = 5.46 kW usable, 139 %. It is on PDU pair 41 (500 / 12), under
  // UPS pair 6 (41 / 6) on transformer T6A, the 13th under the utility: four folds down.
  const power = campus.power.map((p) => (p.id === 'ckt-500-a' && p.kind === 'circuit' ? { ...p, breakerA: 10 } : p));
  await loadDocument(page, { ...campus, power }, 'campus');
  await expect(page.getByTestId('status-racks')).toHaveText('1000 racks');

  await page.keyboard.press('l');
  const nodes = page.locator('[data-testid^="oneline-node-"]');
  const svg = page.getByRole('img', { name: 'One-line diagram of the power chain' });
  const width = async () => Number(await svg.getAttribute('width'));
  // The utility and its 28 transformers folded, with everything below them.
  const transformers = page.getByTestId('oneline-node-transformers:utility');
  await expect(transformers).toContainText('28 transformers · worst');
  await expect(nodes).toHaveCount(2);
  expect(await width()).toBeLessThanOrEqual(TWO_SCREENS_PX);

  // The overloaded circuit, four folds down, shows on the transformers' node.
  await expect(transformers).toHaveClass(/over-limit/);
  await expect(transformers).toContainText('1 over limit');

  // Opened: 5 chunks of 6 transformers (the last of 4), named by their first and last; still narrow.
  await transformers.dblclick();
  await expect(transformers).toHaveCount(0);
  await expect(page.locator('[data-testid^="oneline-node-transformers:utility#"]')).toHaveCount(5);
  await expect(nodes).toHaveCount(6);
  expect(await width()).toBeLessThanOrEqual(TWO_SCREENS_PX);
  const chunk = page.getByTestId('oneline-node-transformers:utility#12-17');
  await expect(chunk).toContainText('6 transformers · worst');
  await expect(chunk).toContainText('1 over limit · T6A – T8B');
  await expect(page.getByTestId('oneline-node-transformers:utility#0-5')).not.toHaveClass(/over-limit/);
  await expect(page.getByTestId('oneline-node-transformers:utility#0-5')).toContainText('T0A – T2B');

  // A click selects the chunk's transformers and opens nothing; a double-click opens it: its 6
  // transformers, each with its UPS and its UPS's PDUs folded.
  await chunk.click();
  expect((await editorState(page)).selection).toEqual(['tx-6a', 'tx-6b', 'tx-7a', 'tx-7b', 'tx-8a', 'tx-8b']);
  await expect(chunk).toHaveClass(/selected/);
  await chunk.dblclick();
  await expect(chunk).toHaveCount(0);
  await expect(page.getByTestId('oneline-node-tx-6a')).toBeVisible();
  await expect(nodes).toHaveCount(6 - 1 + 6 * 3);
  expect(await width()).toBeLessThanOrEqual(TWO_SCREENS_PX);
  const group6 = page.getByTestId('oneline-node-distribution:ups-6a');
  await expect(group6).toHaveClass(/over-limit/);
  await expect(group6).toContainText('1 over limit');
  await expect(page.getByTestId('oneline-node-distribution:ups-7a')).not.toHaveClass(/over-limit/);

  // A PDU group as before: a click selects its PDUs, a double-click opens them and their circuit groups.
  const group7 = page.getByTestId('oneline-node-distribution:ups-7a');
  await expect(group7).toContainText('6 PDUs · worst');
  await group7.click();
  expect((await editorState(page)).selection).toEqual([
    'pdu-42a',
    'pdu-43a',
    'pdu-44a',
    'pdu-45a',
    'pdu-46a',
    'pdu-47a',
  ]);
  await group7.dblclick();
  await expect(group7).toHaveCount(0);
  await expect(nodes).toHaveCount(23 - 1 + 6 + 6);
  await page.getByTestId('oneline-node-pdu-44a').click();
  expect((await editorState(page)).selection).toEqual(['pdu-44a']);
  await expect(page.getByTestId('oneline-node-pdu-44a')).toHaveClass(/selected/);

  // A double-click on the utility shuts its transformers with their chunks; again, and they open one level.
  const utility = page.getByTestId('oneline-node-utility');
  await utility.dblclick();
  await expect(nodes).toHaveCount(2);
  await utility.dblclick();
  await expect(nodes).toHaveCount(6);
  await expect(chunk).toBeVisible();

  // Selected elsewhere (as the inspector or the findings list do): the 4 folds on its path open.
  await page.getByRole('button', { name: 'Fold all' }).click();
  await expect(nodes).toHaveCount(2);
  await page.evaluate(() => window.__hallwright!.state().select(['ckt-500-a']));
  const circuit = page.getByTestId('oneline-node-ckt-500-a');
  await expect(circuit).toHaveClass(/selected/);
  await expect(transformers).toHaveCount(0);
  await expect(chunk).toHaveCount(0);
  await expect(group6).toHaveCount(0);

  // A selection across ten UPSes would open 24 more folds (4 chunks, 10 PDU and 10 circuit groups):
  // none open, the groups mark that they hold it.
  await page.getByRole('button', { name: 'Fold all' }).click();
  await transformers.dblclick();
  await chunk.dblclick();
  const scattered = [0, 100, 200, 300, 400, 600, 700, 800, 900, 990].map((i) => `ckt-${i}-b`);
  await page.evaluate((ids) => window.__hallwright!.state().select(ids), scattered);
  // Rack 0 is under T0B (in the first chunk); rack 600 under UPS 8B, in the opened chunk.
  await expect(page.getByTestId('oneline-node-transformers:utility#0-5')).toHaveClass(/holds-selection/);
  await expect(page.getByTestId('oneline-node-distribution:ups-8b')).toHaveClass(/holds-selection/);
  await expect(page.getByTestId('oneline-node-distribution:ups-6a')).not.toHaveClass(/holds-selection/);

  // "Expand all" would draw the whole chain: it says so and draws nothing more.
  const before = await nodes.count();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(page.getByTestId('oneline-notice')).toHaveText(
    `Expanding all would draw ${power.length.toLocaleString('en-US')} nodes (more than 1,000): double-click a folded group to open it.`,
  );
  expect(await nodes.count()).toBe(before);
  await page.getByRole('button', { name: 'Fold all' }).click();
  await expect(nodes).toHaveCount(2);
});
