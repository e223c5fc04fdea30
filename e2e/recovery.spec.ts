/**
 * Crash recovery in web mode: edit, let the autosave run (every 200 ms here through `?autosaveMs=`,
 * 30 s in the app), reload without saving as a crash would end the session, and the app offers
 * the work back. Recover restores the edited document unsaved; Discard drops the snapshot.
 */
import type { Page } from '@playwright/test';
import { editorState, expect, test, toScreen } from './fixtures';

const URL = '/?autosaveMs=200';

async function start(page: Page): Promise<void> {
  await page.goto(URL);
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
  await page.waitForFunction(() => window.__hallwright !== undefined);
}

/** Places a rack with the mouse (33 racks, unsaved) and waits until the autosave has stored it. */
async function editAndAutosave(page: Page): Promise<void> {
  await page.getByTestId('palette-rack-rack-48u-600x1200').click();
  const target = await toScreen(page, 30, 15);
  await page.mouse.click(target.x, target.y);
  await expect(page.getByTestId('status-racks')).toHaveText('33 racks');
  await expect(page.getByTestId('document-title')).toContainText('•');
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hallwright.recovery.')).length),
    )
    .toBe(1);
}

const snapshots = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hallwright.recovery.')));

test('a crash after an autosave offers the work back, and Recover restores it unsaved', async ({ page }) => {
  await start(page);
  await expect(page.getByTestId('recovery-prompt')).toHaveCount(0);
  await editAndAutosave(page);

  await page.reload();
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
  const prompt = page.getByTestId('recovery-prompt');
  await expect(prompt).toContainText('Recover unsaved work from');
  await expect(prompt).toContainText('sample-facility.hallwright');
  await prompt.getByRole('button', { name: 'Recover' }).click();
  await expect(prompt).toHaveCount(0);

  await expect(page.getByTestId('status-racks')).toHaveText('33 racks');
  expect((await editorState(page)).doc.racks.at(-1)!.position).toEqual({ x: 30, y: 15 });
  // Unsaved, under its original name, so Save asks where.
  await expect(page.getByTestId('document-title')).toContainText('sample-facility.hallwright •');
  // The old session's snapshot is gone; this session's own holds the recovered work.
  const left = await snapshots(page);
  expect(left).toHaveLength(1);
  await page.reload();
  await expect(page.getByTestId('recovery-prompt')).toContainText('Recover unsaved work from');
});

test('Discard drops the snapshot and keeps the document as opened', async ({ page }) => {
  await start(page);
  await editAndAutosave(page);
  await page.reload();
  const prompt = page.getByTestId('recovery-prompt');
  await prompt.getByRole('button', { name: 'Discard' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
  await expect(page.getByTestId('document-title')).not.toContainText('•');
  expect(await snapshots(page)).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
  await expect(page.getByTestId('recovery-prompt')).toHaveCount(0);
});
