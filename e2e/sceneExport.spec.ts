/**
 * The 3D view's exports in web mode: PNGs rendered off-screen (checked pixel by pixel against the
 * canvas on screen, in the 3D and the plan view) and a GLB of the facility, read back with three's
 * GLTFLoader in Node.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import type { Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { canvasColourCount, editorState, expect, openApp, pixelAt, test, toScreen } from './fixtures';
import { pngPixel, readPng, type Png } from './png';

type Rgb = [number, number, number];
/** Points of the model as plan x, plan y and height, by what they show. */
type Points = Record<string, readonly [number, number, number]>;

async function exportThrough(page: Page, button: string): Promise<{ download: Download; bytes: Uint8Array }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { download, bytes: new Uint8Array(readFileSync((await download.path())!)) };
}

/** Where each point shows on the canvas (client space, and as a fraction of the canvas) and its colour there. */
async function sampleScreen(page: Page, points: Points) {
  const rect = await page.evaluate(() => {
    const r = document.querySelector('canvas')!.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
  const samples = new Map<string, { at: { x: number; y: number }; u: number; v: number; aspect: number; rgb: Rgb }>();
  for (const [what, [x, y, z]] of Object.entries(points)) {
    const at = await toScreen(page, x, y, z);
    const u = (at.x - rect.left) / rect.width;
    const v = (at.y - rect.top) / rect.height;
    samples.set(what, { at, u, v, aspect: rect.width / rect.height, rgb: await pixelAt(page, at.x, at.y) });
  }
  return samples;
}

/**
 * The shot's pixels at the sampled points equal the screen's. A point keeps its height in the
 * view (the camera keeps its vertical extent) and its horizontal offset from the centre scales by
 * the ratio of the aspects.
 */
function expectScreenPixels(image: Png, samples: Awaited<ReturnType<typeof sampleScreen>>): void {
  for (const [what, { u, v, aspect, rgb }] of samples) {
    const scale = aspect / (image.width / image.height);
    const x = Math.floor(((2 * u - 1) * scale + 1) * 0.5 * image.width);
    expect(x >= 0 && x < image.width, `${what} is in the shot`).toBe(true);
    const shot = pngPixel(image, x, Math.floor(v * image.height));
    shot.forEach((c, i) => expect(Math.abs(c - rgb[i]!), `${what}: ${shot} vs ${rgb}`).toBeLessThanOrEqual(2));
  }
}

async function expectScreenUnchanged(page: Page, points: Points, samples: Awaited<ReturnType<typeof sampleScreen>>) {
  for (const [what, [x, y, z]] of Object.entries(points)) {
    const { at, rgb } = samples.get(what)!;
    expect(await toScreen(page, x, y, z)).toEqual(at);
    expect(await pixelAt(page, at.x, at.y)).toEqual(rgb);
  }
}

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Export 3D…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the 3D view' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('exports the 3D view as a PNG rendered off-screen and the facility as a GLB', async ({ page }) => {
  await openApp(page);
  await expect.poll(() => canvasColourCount(page)).toBeGreaterThan(20);
  const { doc } = await editorState(page);
  const hall = doc.halls[0]!;
  // A selected rack, to show that Esc closes the dialog without reaching the editor (where it clears the selection).
  const rack = doc.racks.find((r) => r.name === 'A-02-06')!;
  const onRack = await toScreen(page, rack.position.x, rack.position.y, 1);
  await page.mouse.click(onRack.x, onRack.y);
  await expect.poll(async () => (await editorState(page)).selection).toEqual([rack.id]);

  // Each kind of pixel: lit and tone-mapped, cleared to the background, translucent over either.
  const points: Points = {
    'the floor, between racks and grid lines': [30.3, 17.1, 0],
    'the background beyond the hall': [hall.width / 2, -30, 0],
    'the top of rack A-02-12': [16.8, 10.3, 2.2],
    'the back wall, translucent over the background': [45, 0.1, 3],
    'the hot aisle roof, translucent over the racks': [15, 9, 2.3],
  };
  const onScreen = await sampleScreen(page, points);

  const dialog = await openDialog(page);
  await dialog.getByRole('radio', { name: '1920 × 1080' }).check();
  const png = await exportThrough(page, 'Export PNG');
  expect(png.download.suggestedFilename()).toBe('Sample ex-mining hall conversion - 3D view 1920x1080.png');
  const image = readPng(png.bytes);
  expect([image.width, image.height]).toEqual([1920, 1080]);
  await expect(dialog.getByRole('status')).toHaveText(`Saved ${png.download.suggestedFilename()}.`);

  // Not blank: the hall, racks and equipment give many colours.
  const colours = new Set<string>();
  for (let y = 0; y < image.height; y += 7)
    for (let x = 0; x < image.width; x += 7) colours.add(pngPixel(image, x, y).join());
  expect(colours.size).toBeGreaterThan(100);
  // Rendered as the screen renders (same tone mapping, sRGB encoding, background and blending).
  expectScreenPixels(image, onScreen);
  await expectScreenUnchanged(page, points, onScreen);

  const glb = await exportThrough(page, 'Export GLB');
  expect(glb.download.suggestedFilename()).toBe('Sample ex-mining hall conversion - 3D model.glb');
  const header = new DataView(glb.bytes.buffer, glb.bytes.byteOffset, 12);
  expect(String.fromCharCode(...glb.bytes.subarray(0, 4))).toBe('glTF');
  expect(header.getUint32(4, true)).toBe(2);
  expect(header.getUint32(8, true)).toBe(glb.bytes.byteLength);

  const gltf = await new GLTFLoader().parseAsync(glb.bytes.slice().buffer, '');
  expect(gltf.parser.json.extensionsRequired).toBeUndefined();
  // The loader makes node names safe for animation paths ("Hall_A"); the file's own names are kept in userData.
  const nameOf = (o: Object3D): string => o.userData.name ?? '';
  const root = gltf.scene.children[0]!;
  expect(nameOf(root)).toBe(hall.name);
  const [shell, racks, cooling, containment] = root.children;
  expect(root.children.map(nameOf)).toEqual(['Hall shell', 'Racks', 'Cooling units', 'Containment']);
  const doors = doc.doors.filter((d) => d.hallId === hall.id).map((d) => d.name);
  expect(shell!.children.map(nameOf)).toEqual(['Floor', 'Wall 1', 'Wall 2', 'Wall 3', 'Wall 4', ...doors]);
  const hallRacks = doc.racks.filter((r) => r.hallId === hall.id);
  expect(hallRacks).toHaveLength(32);
  const rackNodes = racks!.children.flatMap((type) => type.children);
  expect(rackNodes.map(nameOf).sort()).toEqual(hallRacks.map((r) => r.name).sort());
  const units = doc.cooling.filter((u) => 'hallId' in u && u.hallId === hall.id).map((u) => u.name);
  expect(cooling!.children.map(nameOf)).toEqual(units);
  expect(containment!.children.map(nameOf)).toEqual(['Hot aisle 01/02 (contained)']);
  // Two parts per rack (body and front door), a box per fan wall, the containment's roof and two
  // end doors, the shell's floor, walls and doors; no lights, no cameras, nothing else.
  const nodes: Object3D[] = [];
  gltf.scene.traverse((o) => nodes.push(o));
  expect(nodes.filter((o) => 'isMesh' in o)).toHaveLength(32 * 2 + units.length + 3 + shell!.children.length);
  expect(nodes.filter((o) => 'isLight' in o || 'isCamera' in o)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await editorState(page)).selection).toEqual([rack.id]);
});

test('exports the plan view as a PNG of a custom size', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('p');
  await expect.poll(async () => (await editorState(page)).view).toBe('plan');
  await expect.poll(() => canvasColourCount(page)).toBeGreaterThan(20);
  const points: Points = {
    'the floor, between racks and grid lines': [30.3, 17.1, 0],
    // Near the edge of a portrait shot: where a stretched view would show the background.
    'the floor by the wall at x = 0': [2.1, 17.1, 0],
    'the background beyond the hall': [30, -5, 0],
    'row 01 seen from above': [15, 8, 0],
  };
  const onScreen = await sampleScreen(page, points);

  const dialog = await openDialog(page);
  await dialog.getByRole('radio', { name: 'Custom' }).check();
  const width = dialog.getByRole('spinbutton', { name: 'Width (px)' });
  const height = dialog.getByRole('spinbutton', { name: 'Height (px)' });
  await width.fill('3000');
  await height.fill('3000');
  await expect(dialog.getByText('At most 3840 × 2160 pixels (8.3 megapixels) in all.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Export PNG' })).toBeDisabled();
  await width.fill('1200');
  await height.fill('1500');
  const png = await exportThrough(page, 'Export PNG');
  expect(png.download.suggestedFilename()).toBe('Sample ex-mining hall conversion - 3D view 1200x1500.png');
  const image = readPng(png.bytes);
  expect([image.width, image.height]).toEqual([1200, 1500]);
  expectScreenPixels(image, onScreen);
  await expectScreenUnchanged(page, points, onScreen);
  await dialog.getByRole('button', { name: 'Close (Esc)' }).click();
  await expect(dialog).toBeHidden();
});
