/**
 * The desktop app itself, through Playwright's Electron driver. These tests run where the
 * Electron binary is installed; elsewhere they are skipped and say so. The same behaviour is unit
 * tested with Electron faked (electron/main/*.test.ts, electron/preload/preload.test.ts), and in
 * Chromium where a browser can show it (e2e/desktop.spec.ts).
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildSampleFacility, serializeProject } from '../shared/index';
import type {} from '../renderer/platform/host';
import type {} from '../renderer/scene/TestBridge';
// @ts-expect-error: a plain .mjs helper shared with `npm start`.
import { electronBinary } from '../scripts/electron-binary.mjs';

const binary = (electronBinary as () => string | null)();
if (!binary)
  console.log(
    'skipped: Electron binary not installed (node_modules/electron is absent) — Electron end-to-end tests did not run',
  );

test.describe('Electron app', () => {
  test.skip(!binary, 'skipped: Electron binary not installed');

  test('opens locked down on the sample facility', async () => {
    const app = await electron.launch({ executablePath: binary!, args: ['dist/electron/main.cjs'] });
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Hallwright');
    await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
    await expect(page.getByTestId('status-findings')).toHaveText('4 errors · 3 warnings');
    expect(await page.evaluate(() => window.hallwright?.host)).toBe('electron');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const refused = await page.evaluate(() =>
      window.hallwright!.saveProject({ handle: '/etc/passwd', suggestedName: 'x.hallwright', text: '{}' }),
    );
    expect(refused.ok).toBe(false);
    await app.close();
  });

  test('keeps the user catalog in its data folder and refuses a hostile export', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'hallwright-e2e-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: ['dist/electron/main.cjs', `--user-data-dir=${userData}`],
    });
    const page = await app.firstWindow();
    const text = JSON.stringify({ formatVersion: 1, devices: [], quotes: [] });
    expect(await page.evaluate((t) => window.hallwright!.saveUserCatalog(t), text)).toEqual({ ok: true, value: null });
    expect(await page.evaluate(() => window.hallwright!.loadUserCatalog())).toEqual({ ok: true, value: text });
    expect(readFileSync(join(userData, 'user-catalog.json'), 'utf8')).toBe(text);
    const refused = await page.evaluate(() =>
      window.hallwright!.exportFile({ format: 'exe' as 'pdf', suggestedName: 'x', bytes: new Uint8Array(1) }),
    );
    expect(refused.ok).toBe(false);
    await app.close();
  });

  test('runs with the security settings of the window, and the CSP in force', async () => {
    const app = await electron.launch({ executablePath: binary!, args: ['dist/electron/main.cjs'] });
    const page = await app.firstWindow();
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const p = BrowserWindow.getAllWindows()[0]!.webContents.getLastWebPreferences()!;
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        webSecurity: p.webSecurity,
      };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    // script-src 'self': no eval.
    expect(
      await page.evaluate(() => {
        try {
          return String(eval('1 + 1'));
        } catch {
          return 'blocked';
        }
      }),
    ).toBe('blocked');
    await app.close();
  });

  test("opens a project named on the command line, remembers it in Open Recent, and takes a second instance's file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallwright-e2e-open-'));
    const first = project(dir, 'Plant A.hallwright', 1);
    const second = project(dir, 'Plant B.hallwright', 2);
    const userData = join(dir, 'profile');
    const app = await electron.launch({
      executablePath: binary!,
      args: ['dist/electron/main.cjs', `--user-data-dir=${userData}`, first],
    });
    const page = await app.firstWindow();
    await expect(page.getByTestId('status-racks')).toHaveText('31 racks');
    await expect(page.getByTestId('document-title')).toContainText('Plant A.hallwright');
    expect(JSON.parse(readFileSync(join(userData, 'recent.json'), 'utf8')).paths).toEqual([first]);
    expect(await recentMenu(app)).toEqual([`Plant A.hallwright — ${dir}`, '', 'Clear Recent']);

    // `hallwright "Plant B.hallwright"` while it runs: the new process hands over and quits.
    const exit = await new Promise<number | null>((resolve) => {
      // Started in the file's folder with a relative path, as from a shell there.
      const main = join(process.cwd(), 'dist/electron/main.cjs');
      const child = spawn(binary!, [main, `--user-data-dir=${userData}`, basename(second)], {
        cwd: dir,
        stdio: 'ignore',
      });
      child.on('exit', resolve);
    });
    expect(exit).toBe(0);
    await expect(page.getByTestId('status-racks')).toHaveText('30 racks');
    expect(await recentMenu(app)).toEqual([
      `Plant B.hallwright — ${dir}`,
      `Plant A.hallwright — ${dir}`,
      '',
      'Clear Recent',
    ]);

    // Open Recent goes through the same checked open.
    await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()!.items.find((i: { label: string }) => i.label === 'File')!.submenu!;
      const recent = file.items.find((i: { label: string }) => i.label === 'Open Recent')!.submenu!;
      recent.items[1]!.click();
    });
    await expect(page.getByTestId('status-racks')).toHaveText('31 racks');
    await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()!.items.find((i: { label: string }) => i.label === 'File')!.submenu!;
      file.items
        .find((i: { label: string }) => i.label === 'Open Recent')!
        .submenu!.items.find((i: { label: string }) => i.label === 'Clear Recent')!
        .click();
    });
    expect(await recentMenu(app)).toEqual(['No Recent Files', '', 'Clear Recent']);
    await app.close();
  });

  test('a project file dropped on the window opens from its path; the page does not navigate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallwright-e2e-drop-'));
    const path = project(dir, 'dropped.hallwright', 3);
    const app = await electron.launch({
      executablePath: binary!,
      args: ['dist/electron/main.cjs', `--user-data-dir=${join(dir, 'profile')}`],
    });
    const page = await app.firstWindow();
    await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
    // A File with a path on disk, as a real drop delivers it: picked through an input.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'e2e-drop-source';
      input.style.display = 'none';
      document.body.append(input);
    });
    await page.setInputFiles('#e2e-drop-source', path);
    await page.evaluate(() => {
      const file = (document.getElementById('e2e-drop-source') as HTMLInputElement).files![0]!;
      const data = new DataTransfer();
      data.items.add(file);
      document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    });
    await expect(page.getByTestId('status-racks')).toHaveText('29 racks');
    expect(page.url()).toBe('app://hallwright/index.html');
    // Opened from disk: Save writes back to it without asking.
    expect(await page.evaluate(() => window.__hallwright!.state().file.handle)).toBe(path);
    await app.close();
  });

  test('closing with unsaved changes asks; Cancel keeps the window, Save writes the file and closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallwright-e2e-close-'));
    const path = project(dir, 'site.hallwright', 1);
    const app = await electron.launch({
      executablePath: binary!,
      args: ['dist/electron/main.cjs', `--user-data-dir=${join(dir, 'profile')}`, path],
    });
    const page = await app.firstWindow();
    await expect(page.getByTestId('status-racks')).toHaveText('31 racks');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('document-title')).toContainText('•');

    await answerClosePrompt(app, 2);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await expect
      .poll(() => app.evaluate(() => (globalThis as { closePrompts?: string[] }).closePrompts))
      .toEqual(['Do you want to save the changes you made to site.hallwright?']);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    await answerClosePrompt(app, 0);
    const closed = app.waitForEvent('close');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await closed;
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { racks: unknown[] };
    expect(saved.racks.length).toBeLessThan(31);
  });
});

/** The sample less `fewer` racks, written to `dir/name`. */
function project(dir: string, name: string, fewer: number): string {
  const doc = buildSampleFacility();
  const path = join(dir, name);
  writeFileSync(path, serializeProject({ ...doc, racks: doc.racks.slice(fewer) }));
  return path;
}

/** File › Open Recent's labels ('' for a separator). */
function recentMenu(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()!.items.find((i: { label: string }) => i.label === 'File')!.submenu!;
    return file.items
      .find((i: { label: string }) => i.label === 'Open Recent')!
      .submenu!.items.map((i: { label: string }) => i.label);
  });
}

/** Makes the next close prompt answer `response` (0 Save, 1 Don't Save, 2 Cancel) and record its message. */
async function answerClosePrompt(app: ElectronApplication, response: number): Promise<void> {
  await app.evaluate(({ dialog }, r) => {
    const g = globalThis as { closePrompts?: string[] };
    g.closePrompts ??= [];
    dialog.showMessageBox = (async (_win: unknown, options: { message: string }) => {
      g.closePrompts!.push(options.message);
      return { response: r, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
  }, response);
}
