/**
 * Desktop hardening, the part a browser can show (web mode in Chromium): a project dropped on the
 * window opens and anything else is refused without the page navigating; replacing a document with
 * unsaved changes asks Save / Don't Save / Cancel first; leaving the page with unsaved changes makes
 * the browser ask (beforeunload); a tab's autosave is not offered to another open tab as a crash's.
 * The native side (menus, Open Recent, file association, the close prompt) is in electron.spec.ts.
 */
import type { Page } from '@playwright/test';
import { buildSampleFacility, serializeProject } from '../shared/index';
import { editorState, expect, openApp, test, toScreen, waitForSteadyView } from './fixtures';

/** Places a rack with the mouse: 33 racks, unsaved. */
async function makeUnsaved(page: Page): Promise<void> {
  await page.getByTestId('palette-rack-rack-48u-600x1200').click();
  await waitForSteadyView(page);
  const target = await toScreen(page, 30, 15);
  await page.mouse.click(target.x, target.y);
  await expect(page.getByTestId('status-racks')).toHaveText('33 racks');
  await expect(page.getByTestId('document-title')).toContainText('•');
}

/** The sample without its first rack: 31 racks, so an opened copy is told apart from the open one. */
function smallerProject(): string {
  const doc = buildSampleFacility();
  return serializeProject({ ...doc, racks: doc.racks.slice(1) });
}

/**
 * Drops files on the 3D view as Chromium delivers a drop from the desktop: dragenter, dragover,
 * drop, with a DataTransfer holding them. Returns whether the page cancelled dragover and drop (it
 * must, or Chromium would load the file in place of the app).
 */
async function drop(page: Page, files: { name: string; text: string; type?: string }[]) {
  return page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: f.type ?? '' }));
    const target = document.querySelector('[data-testid="scene"]') ?? document.body;
    const fire = (type: string) => {
      const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    fire('dragenter');
    return { dragover: fire('dragover'), drop: fire('drop') };
  }, files);
}

test('a project dropped on the window opens; the page does not navigate', async ({ page }) => {
  await openApp(page);
  const url = page.url();
  expect(await drop(page, [{ name: 'Plant B.hallwright', text: smallerProject(), type: 'application/json' }])).toEqual({
    dragover: true,
    drop: true,
  });
  await expect(page.getByTestId('notice')).toContainText('Opened Plant B.hallwright.');
  await expect(page.getByTestId('status-racks')).toHaveText('31 racks');
  await expect(page.getByTestId('document-title')).toContainText('Plant B.hallwright');
  await expect(page.getByTestId('document-title')).not.toContainText('•');
  expect(page.url()).toBe(url);
});

test('any other dropped file is refused with a notice and the document kept', async ({ page }) => {
  await openApp(page);
  const before = (await editorState(page)).doc;
  expect(await drop(page, [{ name: 'notes.txt', text: 'not a project', type: 'text/plain' }])).toEqual({
    dragover: true,
    drop: true,
  });
  await expect(page.getByRole('alert')).toContainText(
    'notes.txt is not a Hallwright project: only .hallwright files open by dropping them on the window.',
  );
  // A .hallwright file that is not a valid project is refused too, saying why.
  await drop(page, [{ name: 'broken.hallwright', text: '{"formatVersion": 1, "racks": [' }]);
  await expect(page.getByRole('alert')).toContainText('Could not open broken.hallwright');
  expect((await editorState(page)).doc).toEqual(before);
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
});

test("Open and New ask before replacing unsaved changes: Cancel, Don't Save, Save", async ({ page }) => {
  await openApp(page);
  await makeUnsaved(page);
  const prompt = page.getByTestId('unsaved-prompt');

  // Cancel: nothing opens, nothing is lost.
  let chooserShown = false;
  page.on('filechooser', () => (chooserShown = true));
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(prompt).toContainText('Save the changes to sample-facility.hallwright before opening another project?');
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(prompt).toHaveCount(0);
  expect(chooserShown).toBe(false);
  await expect(page.getByTestId('status-racks')).toHaveText('33 racks');

  // Esc is Cancel too.
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(prompt).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('status-racks')).toHaveText('33 racks');

  // Don't Save: the file picker comes up.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    (async () => {
      await page.getByRole('button', { name: 'Open…' }).click();
      await prompt.getByRole('button', { name: "Don't Save" }).click();
    })(),
  ]);
  await chooser.setFiles({
    name: 'other.hallwright',
    mimeType: 'application/json',
    buffer: Buffer.from(smallerProject()),
  });
  await expect(page.getByTestId('status-racks')).toHaveText('31 racks');

  // Save (web mode: a download) before New; the new document replaces it once saved.
  await page.getByTestId('palette-rack-rack-48u-600x1200').click();
  await waitForSteadyView(page);
  const target = await toScreen(page, 30, 15);
  await page.mouse.click(target.x, target.y);
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(prompt).toContainText('before starting a new project?');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    prompt.getByRole('button', { name: 'Save', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('other.hallwright');
  await expect(page.getByTestId('status-racks')).toHaveText('0 racks');
  await expect(page.getByTestId('document-title')).toContainText('untitled.hallwright');
});

test('a drop on a document with unsaved changes asks first', async ({ page }) => {
  await openApp(page);
  await makeUnsaved(page);
  await drop(page, [{ name: 'Plant B.hallwright', text: smallerProject() }]);
  const prompt = page.getByTestId('unsaved-prompt');
  await expect(prompt).toContainText('before opening Plant B.hallwright?');
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('status-racks')).toHaveText('33 racks');
  await drop(page, [{ name: 'Plant B.hallwright', text: smallerProject() }]);
  await prompt.getByRole('button', { name: "Don't Save" }).click();
  await expect(page.getByTestId('status-racks')).toHaveText('31 racks');
});

test('leaving the page asks only while there are unsaved changes (beforeunload)', async ({ page }) => {
  await openApp(page);
  await makeUnsaved(page);
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  // Dismissed: the page stays, the work with it.
  expect(page.isClosed()).toBe(false);
  await expect(page.getByTestId('status-racks')).toHaveText('33 racks');

  // Saved (web mode: a download): nothing to ask about, the page closes.
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save', exact: true }).click()]);
  await expect(page.getByTestId('document-title')).not.toContainText('•');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual(['beforeunload']);
});

test("another open tab's autosave is not offered as a crash's, until that tab is gone", async ({ page, context }) => {
  const URL = '/?autosaveMs=200';
  await page.goto(URL);
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
  await page.waitForFunction(() => window.__hallwright !== undefined);
  await makeUnsaved(page);
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hallwright.recovery.')).length),
    )
    .toBe(1);

  const second = await context.newPage();
  await second.goto(URL);
  await expect(second.getByTestId('status-racks')).toHaveText('32 racks');
  await second.waitForFunction(() => window.__hallwright !== undefined);
  // Once the start-up listing has answered, still nothing is offered.
  await expect(second.getByTestId('recovery-listed')).toHaveCount(1);
  await expect(second.getByTestId('recovery-prompt')).toHaveCount(0);

  // The first tab goes without saving, as a crash would end it: now its work is offered.
  await page.close();
  await second.reload();
  await expect(second.getByTestId('recovery-prompt')).toContainText('Recover unsaved work from');
});
