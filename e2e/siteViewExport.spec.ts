/**
 * The GLB made from the site view (docs/site-view.md): the whole site, named so in its file and its
 * root node, with every hall's racks by name — on the sample and on a generated 1,000-rack campus.
 * Read back with three's GLTFLoader in Node.
 */
import type { Page } from '@playwright/test';
import type { Object3D } from 'three';
import type { ProjectDocument } from '../shared/index';
import { buildStressSite } from '../shared/testing/stressSite';
import {
  downloadGlb,
  editorState,
  expect,
  loadDocument,
  nodeName as nameOf,
  openApp,
  test,
  waitForSteadyView,
} from './fixtures';

async function exportSiteGlb(page: Page) {
  await page.getByRole('button', { name: 'Site', exact: true }).click();
  expect((await editorState(page)).view).toBe('site');
  await waitForSteadyView(page);
  return downloadGlb(page);
}

/** Every hall's rack names under it, as the document has them. */
function expectRacksByHall(root: Object3D, doc: ProjectDocument): void {
  const racks = root.children.find((c) => nameOf(c) === 'Racks')!;
  const halls = doc.halls.filter((h) => doc.racks.some((r) => r.hallId === h.id));
  expect(racks.children.map(nameOf)).toEqual(halls.map((h) => h.name));
  racks.children.forEach((hall, i) =>
    expect(hall.children.map(nameOf)).toEqual(doc.racks.filter((r) => r.hallId === halls[i]!.id).map((r) => r.name)),
  );
}

test('a GLB from the site view is the whole site, and says so', async ({ page }) => {
  await openApp(page);
  const { doc } = await editorState(page);
  const glb = await exportSiteGlb(page);
  expect(glb.name).toBe('Sample ex-mining hall conversion - whole site 3D model.glb');
  expect(nameOf(glb.root)).toBe(`${doc.name} — whole site`);
  expect(glb.root.children.map(nameOf)).toEqual(['Site shell', 'Racks', 'Cooling units', 'Containment']);
  expect(glb.root.children[0]!.children.map(nameOf)).toEqual(['Floors and yards', 'Walls', 'Doors']);
  expectRacksByHall(glb.root, doc);
});

test('a GLB from the site view of a 1,000-rack campus holds every rack of every hall', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const campus = buildStressSite(1_000);
  await loadDocument(page, campus, 'campus');
  const glb = await exportSiteGlb(page);
  expect(glb.name).toBe(`${campus.name} - whole site 3D model.glb`);
  expectRacksByHall(glb.root, campus);
  let meshes = 0;
  glb.root.traverse((o) => {
    if ('isMesh' in o) meshes++;
  });
  // A rack is one node of two parts (body, door), which the loader reads as a group of two meshes.
  expect(meshes).toBeGreaterThanOrEqual(campus.racks.length);
});
