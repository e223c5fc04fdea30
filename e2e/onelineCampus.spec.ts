/**
 * The one-line diagram on a 1,000-rack campus (docs: README.md, one-line diagram): each UPS's 6
 * PDUs fold into one node, so the diagram opens at 85 nodes instead of ≈ 400; a group opens with a
 * double-click, a component selected elsewhere opens the folds on its path, a selection too
 * scattered to open is marked on the groups holding it, and an overloaded circuit deep inside a
 * fold shows on the folded node.
 */
import { buildStressSite } from '../shared/testing/stressSite';
import { editorState, expect, loadDocument, openApp, test } from './fixtures';

test('a campus one-line opens folded; groups open on demand and never hide the selection or a problem', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const campus = buildStressSite(1_000);
  // Rack 500 (2 × L40S servers, 7.6 kW on side A with side B lost) gets a 10 A side-A breaker:
  // 10 A × 415 V × √3 × 0.95 × 0.8 = 5.46 kW usable, 139 %. It is on PDU pair 41 (500 / 12), under
  // UPS pair 6 (41 / 6), two folds down.
  const power = campus.power.map((p) => (p.id === 'ckt-500-a' && p.kind === 'circuit' ? { ...p, breakerA: 10 } : p));
  await loadDocument(page, { ...campus, power }, 'campus');
  await expect(page.getByTestId('status-racks')).toHaveText('1000 racks');

  await page.keyboard.press('l');
  const nodes = page.locator('[data-testid^="oneline-node-"]');
  // 1,000 racks: 84 PDU pairs under 14 UPS pairs (6 each) and 14 transformer pairs. Folded: the
  // utility, 28 transformers, 28 UPSes and 28 PDU groups, 85 nodes, where every PDU and its
  // circuit group drawn were 399.
  await expect(nodes.first()).toBeVisible();
  expect(await nodes.count()).toBeLessThanOrEqual(100);
  await expect(page.locator('[data-testid^="oneline-node-distribution:"]')).toHaveCount(28);

  // The overloaded circuit, two folds down, shows on UPS 6A's folded group.
  const group6 = page.getByTestId('oneline-node-distribution:ups-6a');
  await expect(group6).toHaveClass(/over-limit/);
  await expect(group6).toContainText('1 over limit');
  await expect(page.getByTestId('oneline-node-distribution:ups-5a')).not.toHaveClass(/over-limit/);

  // A click selects the group's PDUs and opens nothing; a double-click opens it.
  const group3 = page.getByTestId('oneline-node-distribution:ups-3a');
  await expect(group3).toContainText('6 PDUs · worst');
  await group3.click();
  expect((await editorState(page)).selection).toEqual([
    'pdu-18a',
    'pdu-19a',
    'pdu-20a',
    'pdu-21a',
    'pdu-22a',
    'pdu-23a',
  ]);
  await expect(group3).toHaveClass(/selected/);
  await group3.dblclick();
  await expect(group3).toHaveCount(0);
  await expect(page.getByTestId('oneline-node-pdu-18a')).toBeVisible();
  // Its PDUs and their circuit groups in place of the one node.
  expect(await nodes.count()).toBe(85 - 1 + 6 + 6);

  // A component in it selected here.
  await page.getByTestId('oneline-node-pdu-20a').click();
  expect((await editorState(page)).selection).toEqual(['pdu-20a']);
  await expect(page.getByTestId('oneline-node-pdu-20a')).toHaveClass(/selected/);

  // Selected elsewhere (as the inspector or the findings list do): the folds on its path open.
  await page.evaluate(() => window.__hallwright!.state().select(['ckt-500-a']));
  const circuit = page.getByTestId('oneline-node-ckt-500-a');
  await expect(circuit).toHaveClass(/selected/);
  await expect(group6).toHaveCount(0);

  // A selection across ten UPSes would open 20 folds: none open, the groups mark that they hold it.
  const scattered = [0, 100, 200, 300, 400, 600, 700, 800, 900, 990].map((i) => `ckt-${i}-b`);
  await page.evaluate((ids) => window.__hallwright!.state().select(ids), scattered);
  await expect(page.getByTestId('oneline-node-distribution:ups-0b')).toHaveClass(/holds-selection/);
  await expect(page.getByTestId('oneline-node-distribution:ups-13b')).toHaveClass(/holds-selection/);
  await expect(page.getByTestId('oneline-node-distribution:ups-0a')).not.toHaveClass(/holds-selection/);

  // "Expand all" would draw the whole chain: it says so and draws nothing more.
  const before = await nodes.count();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(page.getByTestId('oneline-notice')).toHaveText(
    `Expanding all would draw ${power.length.toLocaleString('en-US')} nodes (more than 1,000): double-click a folded group to open it.`,
  );
  expect(await nodes.count()).toBe(before);
  await page.getByRole('button', { name: 'Fold all' }).click();
  await expect(nodes).toHaveCount(85);
});
