/**
 * The power budget in the browser: the Power panel's verdicts, failure simulation seen in 3D and
 * on the one-line diagram, editing a component to fix the sample's deliberate problem, colour by
 * power, and feeding racks from a new PDU.
 */
import { editorState, expect, openApp, pixelAt, test, toScreen } from './fixtures';

const luminance = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

test('the Power panel shows the verdicts; simulating the failing scenario shows it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Power' }).click();
  await expect(page.getByTestId('site-pue')).toContainText('1.097');
  await expect(page.getByTestId('verdict-ups')).toContainText('✗ 2N');
  await expect(page.getByTestId('verdict-transformer')).toContainText('✓ 2N');
  await expect(page.getByTestId('verdict-source')).toContainText('✓ N+1');
  await expect(page.getByTestId('headroom')).toContainText('3 × NVIDIA DGX H100');
  // 36 DGX H100: 288 GPUs, 36 × 7,915.2 TFLOPS dense BF16 (worked case 12a: 776 per kW).
  await expect(page.getByTestId('site-compute')).toHaveText(
    '288 GPUs · 284.9 PFLOPS BF16 · 569.9 PFLOPS FP8 · 776 TFLOPS/kW',
  );
  await expect(page.getByTestId('site-build-cost')).toContainText('$10.6 M');

  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  await expect(page.getByTestId('simulation')).toContainText('Simulating loss of side A and one module of UPS B');
  await expect(page.getByTestId('simulation')).toContainText('overloaded: UPS B (4 × 100 kW) (122 %)');
  expect((await editorState(page)).simulation).toMatchObject({ modules: { 'ups-b': 1 } });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('simulation')).toHaveCount(0);
});

test('one-line diagram: select a component, simulate its failure in 3D, fix the design', async ({ page }) => {
  await openApp(page);
  // A miner bay's top, lit normally.
  let miner = await toScreen(page, 15, 8, 2.2);
  const before = await pixelAt(page, miner.x, miner.y);

  await page.keyboard.press('l');
  await expect(page.getByTestId('oneline')).toBeVisible();
  await page.getByTestId('oneline-node-tx-a').click();
  expect((await editorState(page)).selection).toEqual(['tx-a']);
  await page.getByRole('button', { name: 'Simulate failure' }).click();
  await expect(page.getByTestId('simulation')).toContainText('20 racks lose power');
  await expect(page.getByTestId('oneline-node-ups-a')).toHaveClass(/dead/);

  // Back in 3D the miners, fed from transformer T1 only, are drawn dark (the banner moved the canvas).
  await page.keyboard.press('l');
  miner = await toScreen(page, 15, 8, 2.2);
  await expect.poll(async () => luminance(await pixelAt(page, miner.x, miner.y))).toBeLessThan(luminance(before) - 20);
  await page.keyboard.press('Escape');

  // The deliberate power problem: UPS B has 4 modules. Give it a fifth (the roller door's 3 security errors stay).
  await page.keyboard.press('l');
  await page.getByTestId('oneline-node-ups-b').click();
  const modules = page.getByLabel('Modules installed');
  await modules.fill('5');
  await modules.press('Enter');
  await expect(page.getByTestId('findings-count')).toHaveText('3 errors, 3 warnings');
  await expect(page.getByTestId('oneline-node-ups-b')).toContainText('UPS B');
  await page.getByRole('tab', { name: 'Power' }).click();
  await expect(page.getByTestId('verdict-ups')).toContainText('✓ 2N+1');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status-findings')).toHaveText('4 errors · 3 warnings');
  await expect(page.getByTestId('verdict-ups')).toContainText('✗ 2N');
});

test('colour by power paints the racks by circuit utilisation', async ({ page }) => {
  await openApp(page);
  const gpu = await toScreen(page, 12, 10.3, 2.2);
  const before = await pixelAt(page, gpu.x, gpu.y);
  await page.getByRole('button', { name: 'Colour by power' }).click();
  expect((await editorState(page)).colouring).toBe('power');
  // 30.6 of 34.4 kW on one side (88.9 %): amber-red, where the default rack body is dark grey.
  await expect
    .poll(async () => {
      const [r, , b] = await pixelAt(page, gpu.x, gpu.y);
      return r - b;
    })
    .toBeGreaterThan(60);
  expect(before[0] - before[2]).toBeLessThan(30);
});

test('add a PDU under UPS A and feed a new rack from it', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('l');
  await page.getByTestId('oneline-node-ups-a').click();
  await page.getByLabel('Add below').selectOption('distribution');
  let state = await editorState(page);
  const pdu = state.doc.power.at(-1)!;
  expect(pdu).toMatchObject({ kind: 'distribution', parentId: 'ups-a', side: 'A' });
  expect(state.selection).toEqual([pdu.id]);
  await expect(page.getByTestId(`oneline-node-${pdu.id}`)).toBeVisible();

  await page.keyboard.press('l');
  await page.getByTestId('palette-rack-rack-48u-600x1200').click();
  const target = await toScreen(page, 30, 15);
  await page.mouse.click(target.x, target.y);
  state = await editorState(page);
  const rack = state.doc.racks.at(-1)!;
  // New racks plug in where the last dual-fed rack did: PDU A2 and PDU B2.
  const parent = (id: string | null) => state.doc.power.find((p) => p.id === id)?.parentId;
  expect([parent(rack.feeds.a), parent(rack.feeds.b)]).toEqual(['pdu-a2', 'pdu-b2']);

  await page.getByLabel('Side A fed from').selectOption(pdu.id);
  await page.getByRole('button', { name: 'Assign circuits' }).click();
  state = await editorState(page);
  expect(state.doc.power.find((p) => p.id === rack.feeds.a)?.parentId).toBe(pdu.id);
  await page.keyboard.press('Control+z');
  state = await editorState(page);
  expect(state.doc.power.find((p) => p.id === rack.feeds.a)?.parentId).toBe('pdu-a2');

  // A whole row to a PDU pair: select a GPU rack, then its row, then assign.
  const gpu = await toScreen(page, 12, 10.3, 1.2);
  await page.mouse.click(gpu.x, gpu.y);
  await page.getByRole('button', { name: 'Select row' }).click();
  // The row and its 12 racks.
  expect((await editorState(page)).selection).toHaveLength(13);
  await page.getByLabel('Side A fed from').selectOption('pdu-a1');
  await page.getByLabel('Side B fed from').selectOption('pdu-b1');
  await page.getByRole('button', { name: 'Assign circuits for 12 racks' }).click();
  state = await editorState(page);
  const row = state.doc.racks.filter((r) => r.rowId === 'row-a-02');
  expect(row.every((r) => parent(r.feeds.a) === 'pdu-a1' && parent(r.feeds.b) === 'pdu-b1')).toBe(true);
  // 12 racks on one PDU pair: 367.2 kW on a 218.5 kW PDU when a side is lost.
  await expect(page.getByTestId('status-findings')).toContainText('errors');
  await expect(page.getByTestId('status-findings')).not.toHaveText('4 errors · 3 warnings');
});
