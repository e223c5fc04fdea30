/**
 * Shared helpers for the web-mode end-to-end tests: the page's state through the test bridge,
 * screen positions of plan points, and a guard that fails on any request off this machine.
 */
import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import type { Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { serializeProject, type ProjectDocument } from '../shared/index';
import type {} from '../renderer/scene/TestBridge';

export interface Bridge {
  doc: ProjectDocument;
  selection: string[];
  view: string;
  colouring: string;
  simulation: { failedIds: string[]; modules: Record<string, number> } | null;
  securityPath: string[] | null;
}

export async function editorState(page: Page): Promise<Bridge> {
  return page.evaluate(() => {
    const s = window.__hallwright!.state();
    return {
      doc: s.doc,
      selection: s.selection,
      view: s.view,
      colouring: s.colouring,
      simulation: s.simulation,
      securityPath: s.securityPath,
    };
  });
}

/** The canvas pixel under a client-space point, as [r, g, b]. */
export async function pixelAt(page: Page, clientX: number, clientY: number): Promise<[number, number, number]> {
  return page.evaluate(
    ([cx, cy]) => {
      const canvas = document.querySelector('canvas')!;
      const rect = canvas.getBoundingClientRect();
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const x = Math.round(((cx! - rect.left) / rect.width) * canvas.width);
      const y = Math.round(((cy! - rect.top) / rect.height) * canvas.height);
      const d = ctx.getImageData(x, y, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!] as [number, number, number];
    },
    [clientX, clientY],
  );
}

export async function toScreen(page: Page, x: number, y: number, z = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(([px, py, pz]) => window.__hallwright!.toScreen(px!, py!, pz), [x, y, z]);
}

/**
 * Waits until the view stands still: a panel opening or closing resizes the canvas a frame or two
 * later, and screen positions taken before that would miss.
 */
export async function waitForSteadyView(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const now = JSON.stringify(await toScreen(page, 0, 0));
        const steady = now === last;
        last = now;
        return steady;
      },
      { intervals: [50, 100, 100, 200] },
    )
    .toBe(true);
}

export async function toFloor(page: Page, clientX: number, clientY: number): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(([cx, cy]) => window.__hallwright!.toFloor(cx!, cy!), [clientX, clientY]);
  if (!p) throw new Error(`pixel (${clientX}, ${clientY}) does not look at the floor`);
  return p;
}

/** Distinct colours among sampled pixels of the WebGL canvas: a blank canvas has one or two. */
export async function canvasColourCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    if (!canvas) return 0;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  });
}

const LOCAL = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

export const test = base.extend<{ networkGuard: { remote: string[]; cspViolations: string[] } }>({
  networkGuard: [
    async ({ page }, use) => {
      const remote: string[] = [];
      const cspViolations: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (LOCAL.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        remote.push(url);
        return route.abort();
      });
      page.on('console', (m) => {
        if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push(m.text());
      });
      await use({ remote, cspViolations });
      expect(remote, 'requests to non-local addresses').toEqual([]);
      expect(cspViolations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('status-racks')).toHaveText('32 racks');
  await page.waitForFunction(() => window.__hallwright !== undefined);
}

/** Loads a document into the editor through the test bridge, as a file opened under `name` would be. */
export async function loadDocument(page: Page, doc: ProjectDocument, name: string): Promise<void> {
  await page.evaluate(
    ([text, fileName]) => window.__hallwright!.state().load(JSON.parse(text), { name: fileName, handle: null }),
    [serializeProject(doc), name] as const,
  );
}

/** Clicks Open… and answers the browser's file picker with `path`. */
export async function openThroughPicker(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open…' }).click(),
  ]);
  await chooser.setFiles(path);
}

export { expect };

/** Drags from the middle of the 3D view by (dx, dy) pixels: an orbit in the 3D view, a look around in walk mode. */
export async function dragInScene(page: Page, dx: number, dy: number, steps: number): Promise<void> {
  const box = (await page.getByTestId('scene').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps });
  await page.mouse.up();
}

/** The loader makes node names safe for animation paths; the file's own names are kept in userData. */
export const nodeName = (o: Object3D): string => o.userData.name ?? '';

/** Export 3D… › Export GLB from the current view; the download read back with three's GLTFLoader: its file name and root node. */
export async function downloadGlb(page: Page): Promise<{ name: string; root: Object3D }> {
  await page.getByRole('button', { name: 'Export 3D…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the 3D view' });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByRole('button', { name: 'Export GLB' }).click(),
  ]);
  const bytes = new Uint8Array(readFileSync((await download.path())!));
  const gltf = await new GLTFLoader().parseAsync(bytes.slice().buffer, '');
  return { name: download.suggestedFilename(), root: gltf.scene.children[0]! };
}
