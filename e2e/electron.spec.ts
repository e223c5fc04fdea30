/**
 * The desktop app itself, through Playwright's Electron driver. These tests run where the
 * Electron binary is installed; elsewhere they are skipped and say so.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {} from '../renderer/platform/host';
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
});
