/**
 * The Outline tab in the browser: the site tree opened down to a row whose racks a click selects,
 * find by name (Enter selects and the tree opens the way to it), the context menu (rename a hall,
 * open a rack's elevation, move a hall to another building, undone), and the shortcut help opened
 * from its button and closed with Esc.
 */
import type { Page } from '@playwright/test';
import { editorState, expect, openApp, test } from './fixtures';

/**
 * Resizes the window and waits until the page has had its resize event and drawn after it: the
 * context menu closes on a resize, and on a loaded machine the event can come after the new layout
 * is measurable, closing a menu opened in between.
 */
async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.evaluate(() => {
    window.__resized = new Promise<void>((resolve) => addEventListener('resize', () => resolve(), { once: true }));
  });
  await page.setViewportSize(size);
  await page.evaluate(async () => {
    await window.__resized;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

declare global {
  interface Window {
    __resized?: Promise<void>;
  }
}

const sorted = (ids: string[]) => [...ids].sort();
const ROW_02 = Array.from({ length: 12 }, (_, i) => `rack-A-02-${String(i + 1).padStart(2, '0')}`);

test('outline: tree, selection, find by name, context menu, buildings and the shortcut help', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Outline' }).click();
  const tree = page.getByRole('tree', { name: 'Site outline' });
  await expect(tree).toBeVisible();

  // Site, building and hall start open; rows start closed.
  const hall = page.getByTestId('outline-hall-a');
  const row = page.getByTestId('outline-row-a-02');
  await expect(page.getByTestId('outline-building-main')).toHaveAttribute('aria-expanded', 'true');
  await expect(hall).toHaveAttribute('aria-expanded', 'true');
  // Racks · IT load (power check, nameplate): row 02 holds 12 racks of 3 × DGX H100 at 10.2 kW = 367.2 kW.
  await expect(hall.locator('.outline-counts')).toHaveText('32 · 909.0 kW');
  await page.getByTestId('outline-toggle-hall-a').click();
  await expect(row).toHaveCount(0);
  await page.getByTestId('outline-toggle-hall-a').click();
  await expect(row).toHaveAttribute('aria-expanded', 'false');
  await expect(row.locator('.outline-counts')).toHaveText('12 · 367.2 kW');
  await page.getByTestId('outline-toggle-row-a-02').click();
  const firstRack = page.getByTestId('outline-rack-A-02-01');
  await expect(firstRack).toBeVisible();

  // A row selects its racks with it; Ctrl takes one rack out again.
  await row.locator('.outline-label').click();
  expect(sorted((await editorState(page)).selection)).toEqual(sorted([...ROW_02, 'row-a-02']));
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(firstRack).toHaveAttribute('aria-selected', 'true');
  await firstRack.click({ modifiers: ['Control'] });
  expect((await editorState(page)).selection).not.toContain('rack-A-02-01');
  await expect(firstRack).toHaveAttribute('aria-selected', 'false');

  // Find by name: Enter selects the best match, and the tree opens row 01 to show it.
  const find = page.getByRole('combobox', { name: 'Find by name' });
  await find.fill('a-01-05');
  await expect(page.getByRole('option').first()).toContainText('A-01-05');
  await expect(page.getByRole('option').first()).toContainText('Rack · Hall A (ex-mining) · Row 01 (S19 XP miners)');
  await find.press('Enter');
  expect((await editorState(page)).selection).toEqual(['rack-A-01-05']);
  await expect(page.getByTestId('outline-row-a-01')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('outline-rack-A-01-05')).toHaveAttribute('aria-selected', 'true');
  await find.fill('');

  // The context menu renames the hall in place; Esc closes a menu and keeps the selection.
  await hall.click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Rename' }).click();
  const field = page.getByRole('textbox', { name: 'New name for Hall A (ex-mining)' });
  await field.fill('Hall A (AI conversion)');
  await field.press('Enter');
  expect((await editorState(page)).doc.halls[0]!.name).toBe('Hall A (AI conversion)');
  await expect(hall).toContainText('Hall A (AI conversion)');
  // Opened near the window's foot, the menu moves up to stay whole inside it.
  await resize(page, { width: 1400, height: 420 });
  // The tree is measured once the layout has followed the smaller window.
  await expect
    .poll(async () => {
      const box = await tree.boundingBox();
      return box !== null && box.y + box.height <= 420;
    })
    .toBe(true);
  const treeBox = (await tree.boundingBox())!;
  const foot = treeBox.y + treeBox.height - 6;
  await page.mouse.click(treeBox.x + 40, foot, { button: 'right' });
  await expect(menu).toBeVisible();
  const menuBox = (await menu.boundingBox())!;
  expect(menuBox.y + menuBox.height).toBeLessThanOrEqual(420);
  expect(menuBox.y).toBeLessThan(foot);
  await page.keyboard.press('Escape');
  await resize(page, { width: 1400, height: 900 });
  await page.getByTestId('outline-rack-A-01-05').click({ button: 'right' });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  expect((await editorState(page)).selection).toEqual(['rack-A-01-05']);
  await page.getByTestId('outline-rack-A-01-05').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Open elevation' }).click();
  expect(await page.evaluate(() => window.__hallwright!.state().elevationRackId)).toBe('rack-A-01-05');
  await page.evaluate(() => window.__hallwright!.state().openElevation(null));

  // The shortcut help opens from its button and closes with Esc.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('region', { name: 'Tools' })).toContainText('Lay a row of racks');
  await expect(help).toContainText('Find by name');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  expect(await page.evaluate(() => window.__hallwright!.state().helpOpen)).toBe(false);
  expect((await editorState(page)).selection).toEqual(['rack-A-01-05']);

  // A new building, named as it is added; the hall moves into it, and undo moves it back.
  await page.getByRole('button', { name: 'Add building' }).click();
  const name = page.getByRole('textbox', { name: 'New name for Building 1' });
  await name.fill('East building');
  await name.press('Enter');
  const east = (await editorState(page)).doc.buildings.find((b) => b.name === 'East building')!;
  expect(east).toBeDefined();
  await expect(page.getByTestId(`outline-${east.id}`).locator('.outline-counts')).toHaveText('0 · 0.0 kW');

  await hall.click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Move hall to building…' }).click();
  await expect(menu.getByRole('menuitem', { name: 'Main building' })).toBeDisabled();
  await menu.getByRole('menuitem', { name: 'East building' }).click();
  expect((await editorState(page)).doc.halls[0]!.buildingId).toBe(east.id);
  await expect(page.getByTestId(`outline-${east.id}`).locator('.outline-counts')).toHaveText('32 · 909.0 kW');
  await expect(page.getByTestId('outline-building-main').locator('.outline-counts')).toHaveText('0 · 0.0 kW');

  // A building that holds a hall is not deleted; the notice says what to do.
  await page.getByTestId(`outline-${east.id}`).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Delete building' }).click();
  await expect(page.getByText('East building still holds 1 hall')).toBeVisible();
  expect((await editorState(page)).doc.buildings).toHaveLength(2);

  await page.keyboard.press('Control+z');
  expect((await editorState(page)).doc.halls[0]!.buildingId).toBe('building-main');
  await expect(page.getByTestId('outline-building-main').locator('.outline-counts')).toHaveText('32 · 909.0 kW');
});
