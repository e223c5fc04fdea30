/**
 * Security zoning in the browser: the sample's weak roller door found and shown as a way in,
 * fixed from the door's inspector and undone; a zone drawn by its corners, a door placed on a
 * wall, and a cage around a tenant's racks that must be kept apart.
 */
import { editorState, expect, openApp, test, toScreen } from './fixtures';

test('the Security tab finds the roller door, shows its way in, and locking it fixes the hall', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Security' }).click();
  await expect(page.getByTestId('depth-zone-hall-a')).toHaveText('✗ 2 of 3 boundaries');
  const findings = page.getByTestId('security-findings');
  await expect(findings).toContainText(
    'SEC-1: Loading door joins class 1 (Site compound) straight to class 4 (Hall A)',
  );
  await expect(findings).toContainText('SEC-3: Loading door enters class 4 (Hall A) with a card reader');
  // The zones and door badges are drawn in 3D while the tab is open.
  await expect(page.getByTestId('zone-label-zone-hall-a')).toContainText('Hall A · class 4');
  await expect(page.getByTestId('door-badge-door-main')).toContainText('card+PIN');

  await page.getByTestId('show-path-security.SEC-9').click();
  await expect(page.getByTestId('shown-path')).toContainText(
    'outside → Site gate → Site compound → Loading door → Hall A',
  );
  expect((await editorState(page)).securityPath).toEqual([
    '(outside)',
    'door-gate',
    'zone-site',
    'door-dock',
    'zone-hall-a',
  ]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shown-path')).toHaveCount(0);

  // Lock the roller door from inside: egress-only with a door contact (CAM-2 already sees it).
  await page.getByTestId('door-badge-door-dock').click();
  await expect(page.getByTestId('door-inspector')).toContainText('Loading door');
  await expect(page.getByTestId('door-cctv')).toHaveText('Seen by CAM-2 loading door.');
  await page.getByLabel('Egress only (exit hardware, no way in)').check();
  await page.getByLabel('Alarmed (door contact)').check();
  await expect(page.getByTestId('security-ok')).toBeVisible();
  await expect(page.getByTestId('depth-zone-hall-a')).toHaveText('✓ 4 of 3 boundaries');
  await expect(page.getByTestId('status-findings')).toHaveText('1 error · 3 warnings');

  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status-findings')).toHaveText('4 errors · 3 warnings');
});

test('draw a zone by its corners, place a door on a wall, cage a tenant that must be kept apart', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Security' }).click();

  // A class-3 plant room in the empty east end of the hall: four corners, then Enter.
  await page.getByLabel('New zone kind').selectOption('plant-room');
  await page.getByLabel('New zone class').selectOption('3');
  await page.getByTestId('draw-zone').click();
  for (const [x, y] of [
    [42, 3],
    [48, 3],
    [48, 9],
    [42, 9],
  ] as const) {
    const at = await toScreen(page, x, y);
    await page.mouse.click(at.x, at.y);
  }
  await expect(page.getByTestId('draw-zone')).toContainText('4 corners');
  await page.keyboard.press('Enter');
  let state = await editorState(page);
  const zone = state.doc.zones.at(-1)!;
  expect(zone).toMatchObject({ kind: 'plant-room', protectionClass: 3, hallId: 'hall-a', parentId: 'zone-hall-a' });
  expect(zone.polygon).toEqual([
    { x: 42, y: 3 },
    { x: 48, y: 3 },
    { x: 48, y: 9 },
    { x: 42, y: 9 },
  ]);
  expect(state.selection).toEqual([zone.id]);
  await expect(page.getByTestId('zone-inspector')).toContainText('polygon in Hall A (ex-mining)');
  // A plant room nested in a class-4 hall is weaker than its parent: a warning, and no way in yet.
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(page.getByTestId('findings-list')).toContainText('nests in Hall A (class 4)');
  await page.getByRole('tab', { name: 'Security' }).click();

  // A door on the plant room's west fence: from the hall into the room.
  await page.getByTestId('place-door').click();
  const fence = await toScreen(page, 42.2, 6);
  await page.mouse.click(fence.x, fence.y);
  state = await editorState(page);
  const door = state.doc.doors.at(-1)!;
  expect(door).toMatchObject({
    hallId: 'hall-a',
    position: { x: 42, y: 6 },
    rotationDeg: 90,
    zoneA: 'zone-hall-a',
    zoneB: zone.id,
  });
  await expect(page.getByTestId('door-inspector')).toBeVisible();

  // The AI tenant must be caged apart from the miners: an error until its racks are caged.
  await page.getByLabel('Tenant AI tenant (GPU cluster) name').waitFor();
  await page.locator('[data-testid="tenants"] tr').first().getByRole('checkbox').check();
  await expect(page.getByTestId('security-findings')).toContainText('must be kept apart');
  // Select row 02 (the GPU racks): click one, then "Select row" in its inspector.
  const rack = await toScreen(page, 13.2, 10.3, 2.2);
  await page.mouse.click(rack.x, rack.y);
  await page.getByRole('button', { name: 'Select row' }).click();
  // The row and its 12 racks.
  expect((await editorState(page)).selection).toHaveLength(13);
  await page.getByRole('button', { name: 'Cage around selection' }).click();
  await expect(page.getByTestId('security-findings')).not.toContainText('must be kept apart');
  state = await editorState(page);
  const cage = state.doc.zones.at(-1)!;
  expect(cage).toMatchObject({ kind: 'cage', protectionClass: 4, parentId: 'zone-hall-a' });

  // Undo everything back to the sample.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+z');
  state = await editorState(page);
  expect(state.doc.zones).toHaveLength(5);
  expect(state.doc.doors).toHaveLength(7);
  expect(state.doc.tenants.every((t) => !t.separate)).toBe(true);
});
