/**
 * Exports of the 3D view: a PNG rendered off-screen at a chosen size, and a glTF binary (GLB) of
 * what is on screen: the facility in the hall, or from the site view the whole site (every hall's
 * shell, racks, cooling units and containment). The scene lives inside the R3F canvas, so
 * SceneExportBridge registers closures over its renderer, scene and camera in `sceneExporter` for
 * the export actions.
 */
import {
  BufferAttribute,
  Color,
  Group,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshStandardMaterial,
  OrthographicCamera,
  PerspectiveCamera,
  Scene,
  WebGLRenderTarget,
  type BufferGeometry,
  type Camera,
  type ColorSpace,
  type Object3D,
  type WebGLRenderer,
} from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';
import { catalogFor, type Hall, type ProjectDocument } from '../../shared/index';
import { MergedShapes } from './site/siteInstances';

/** A GLB and what it holds, in the words its file is named with ("<project> - <what>.glb"). */
export interface ModelExport {
  bytes: Uint8Array;
  what: string;
}

/** What a GLB of one hall is called in its file's name (the hall's name is its root node's). */
export const HALL_MODEL = '3D model';
/** What a GLB made from the site view is called: it holds every hall, not the one last shown. */
export const SITE_MODEL = 'whole site 3D model';

export interface SceneExporter {
  /** A PNG of the current view, `width` × `height` pixels (`shotSizeError` says which sizes). */
  screenshot(width: number, height: number): Promise<Uint8Array>;
  /** A GLB of what is on screen: the facility in the hall, or the whole site from the site view. */
  glb(): Promise<ModelExport>;
}

/** The mounted scene's exports; null while no 3D view is mounted. */
export const sceneExporter: { current: SceneExporter | null } = { current: null };

// ─── Screenshot ────────────────────────────────────────────────────────────────────────────────

export const MIN_SHOT_SIDE = 16;
export const MAX_SHOT_SIDE = 3840;
/** 4K UHD: a portrait 2160 × 3840 is as large as a landscape 3840 × 2160. */
export const MAX_SHOT_PIXELS = 3840 * 2160;

/** Why a screenshot of `width` × `height` pixels cannot be made, or null when it can. */
export function shotSizeError(width: number, height: number): string | null {
  if (!Number.isInteger(width) || !Number.isInteger(height)) return 'Width and height are whole numbers of pixels.';
  if (Math.min(width, height) < MIN_SHOT_SIDE || Math.max(width, height) > MAX_SHOT_SIDE)
    return `Each side is from ${MIN_SHOT_SIDE} to ${MAX_SHOT_SIDE} pixels.`;
  if (width * height > MAX_SHOT_PIXELS) return 'At most 3840 × 2160 pixels (8.3 megapixels) in all.';
  return null;
}

export interface Tile {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Tiles of at most `size` × `size` pixels covering a `width` × `height` image, row by row from its top-left. */
export function shotTiles(width: number, height: number, size: number): Tile[] {
  const tiles: Tile[] = [];
  for (let y = 0; y < height; y += size)
    for (let x = 0; x < width; x += size)
      tiles.push({ x, y, width: Math.min(size, width - x), height: Math.min(size, height - y) });
  return tiles;
}

/** RGBA rows as WebGL reads them (bottom row first) turned into an image's rows (top row first). */
export function flipRows(pixels: Uint8Array, width: number, height: number): Uint8ClampedArray<ArrayBuffer> {
  const stride = width * 4;
  const rows = new Uint8ClampedArray(stride * height);
  for (let row = 0; row < height; row++)
    rows.set(pixels.subarray(row * stride, (row + 1) * stride), (height - 1 - row) * stride);
  return rows;
}

export interface Frustum {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * An orthographic frustum made `aspect` wide for its height, about the same centre: like a
 * perspective camera's vertical field of view, the shot shows what the screen shows top to bottom.
 */
export function frustumForAspect(f: Frustum, aspect: number): Frustum {
  const halfWidth = ((f.top - f.bottom) / 2) * aspect;
  const centre = (f.left + f.right) / 2;
  return { left: centre - halfWidth, right: centre + halfWidth, top: f.top, bottom: f.bottom };
}

/**
 * The off-screen target's size and multisampling. Rendering in tiles keeps the target small
 * whatever the image size (one 4K target with 4× multisampling would take some 260 MB of video
 * memory), and lets any driver make a 4K image, however small its largest texture.
 */
const TILE_PX = 1024;
const SAMPLES = 4;

/**
 * A render target three treats like the screen. Into an ordinary target three renders in linear
 * light without tone mapping: only the canvas gets the renderer's tone mapping and output colour
 * space, applied in the shaders, with the background cleared in that space. In three r187 a target
 * flagged `isXRRenderTarget` (a WebXR framebuffer is a screen) gets the same: WebGLPrograms and
 * WebGLRenderer take the renderer's tone mapping and the target texture's colour space, and
 * WebGLBackground clears in it. So the shot runs the very shaders and blending the canvas runs,
 * translucent walls included. Its storage is plain RGBA8, because the shaders already encode sRGB
 * (an SRGB8_ALPHA8 texture would encode again). The end-to-end test compares the shot's pixels
 * with the screen's, so a three upgrade that changes this fails there.
 */
class ScreenLikeTarget extends WebGLRenderTarget {
  readonly isXRRenderTarget = true;
  constructor(gl: WebGLRenderer, size: number) {
    super(size, size, {
      samples: Math.min(SAMPLES, gl.capabilities.maxSamples),
      // The canvas's colour space (sRGB); @types/three types the renderer's as any string.
      colorSpace: gl.outputColorSpace as ColorSpace,
      internalFormat: 'RGBA8',
    });
  }
}

type ShotCamera = PerspectiveCamera | OrthographicCamera;

/** Frames `camera` for a whole `aspect`-wide image; returns what puts it back as it was. */
function frameCamera(camera: ShotCamera, aspect: number): () => void {
  const view = camera.view ? { ...camera.view } : null;
  let restoreFrame: () => void;
  if (camera instanceof PerspectiveCamera) {
    const saved = camera.aspect;
    camera.aspect = aspect;
    restoreFrame = () => (camera.aspect = saved);
  } else {
    const saved = { left: camera.left, right: camera.right, top: camera.top, bottom: camera.bottom };
    Object.assign(camera, frustumForAspect(saved, aspect));
    restoreFrame = () => Object.assign(camera, saved);
  }
  return () => {
    restoreFrame();
    if (view?.enabled)
      camera.setViewOffset(view.fullWidth, view.fullHeight, view.offsetX, view.offsetY, view.width, view.height);
    else camera.clearViewOffset();
  };
}

/**
 * Renders the scene off-screen at `width` × `height` pixels, as the camera sees it with its aspect
 * made the image's, and encodes it as a PNG. The image is rendered tile by tile (each tile the
 * camera's view offset into the whole image), read back, flipped to top-down rows and laid into a
 * 2D canvas, which encodes it. The visible canvas is neither read nor changed.
 */
export async function renderScreenshot(
  gl: WebGLRenderer,
  scene: Scene,
  camera: Camera,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const sizeError = shotSizeError(width, height);
  if (sizeError) throw new Error(sizeError);
  if (!(camera instanceof PerspectiveCamera || camera instanceof OrthographicCamera))
    throw new Error('The 3D view has no camera to render from.');
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('The browser could not make a canvas to encode the image.');

  const tileSize = Math.min(TILE_PX, gl.capabilities.maxTextureSize);
  const target = new ScreenLikeTarget(gl, tileSize);
  const pixels = new Uint8Array(tileSize * tileSize * 4);
  const previousTarget = gl.getRenderTarget();
  const restoreCamera = frameCamera(camera, width / height);
  try {
    for (const tile of shotTiles(width, height, tileSize)) {
      camera.setViewOffset(width, height, tile.x, tile.y, tile.width, tile.height);
      // The tile fills the target's lower-left corner, where WebGL's rows start.
      target.viewport.set(0, 0, tile.width, tile.height);
      gl.setRenderTarget(target);
      gl.render(scene, camera);
      const tilePixels = pixels.subarray(0, tile.width * tile.height * 4);
      gl.readRenderTargetPixels(target, 0, 0, tile.width, tile.height, tilePixels);
      context.putImageData(
        new ImageData(flipRows(tilePixels, tile.width, tile.height), tile.width, tile.height),
        tile.x,
        tile.y,
      );
    }
  } finally {
    gl.setRenderTarget(previousTarget);
    restoreCamera();
    target.dispose();
  }
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

// ─── glTF model ────────────────────────────────────────────────────────────────────────────────

/** Names for the model's nodes, from the document. */
export interface ModelLabels {
  /** The root node's (and the glTF scene's) name. */
  hall: string;
  /** Labels by the name the scene gives an object ("cooling-<id>", "racks:<type id>", …). */
  names: ReadonlyMap<string, string>;
  /** Rack names per rack type id, in the order the scene draws that type's instances. */
  racks: ReadonlyMap<string, readonly string[]>;
  /** Names of the hall shell's unnamed meshes in the order the scene draws them: walls, then doors. */
  shell: readonly string[];
}

/**
 * Labels for `hall`, mirroring how the scene draws it: SceneContent groups the hall's racks by type
 * in document order, HallShell draws the hall's walls then its doors, and CoolingUnits,
 * Containments and RackTypeInstances name their groups after the entity's id.
 */
export function modelLabels(doc: ProjectDocument, hall: Hall): ModelLabels {
  const catalog = catalogFor(doc);
  const names = new Map<string, string>([
    ['floor', 'Floor'],
    ['cooling-units', 'Cooling units'],
    ['containments', 'Containment'],
  ]);
  for (const unit of doc.cooling) names.set(`cooling-${unit.id}`, unit.name);
  for (const containment of doc.containments) names.set(`containment-${containment.id}`, containment.name);
  const racks = new Map<string, string[]>();
  for (const rack of doc.racks) {
    if (rack.hallId !== hall.id) continue;
    const list = racks.get(rack.rackTypeId) ?? [];
    list.push(rack.name);
    racks.set(rack.rackTypeId, list);
    names.set(`racks:${rack.rackTypeId}`, catalog.rackType(rack.rackTypeId)?.name ?? rack.rackTypeId);
  }
  const walls = doc.walls.filter((w) => w.hallId === hall.id).map((_, i) => `Wall ${i + 1}`);
  const doors = doc.doors.filter((d) => d.hallId === hall.id).map((d) => d.name);
  return { hall: hall.name, names, racks, shell: [...walls, ...doors] };
}

/**
 * Within the shell, cooling and containment groups, the facility is what the scene draws lit
 * (MeshStandardMaterial): the airflow arrows drawn there are unlit, and the grid is a shader
 * material, which glTF cannot carry anyway. The other overlays live in groups that are not copied.
 */
const isFacilityMesh = (object: Object3D): object is Mesh =>
  object instanceof Mesh && !(object instanceof InstancedMesh) && object.material instanceof MeshStandardMaterial;

/** A copy of `object`'s visible subtree keeping only facility meshes and the groups above them; null if none. */
function facilityCopy(object: Object3D, labels: ModelLabels): Object3D | null {
  if (!object.visible) return null;
  const children = object.children.flatMap((child) => facilityCopy(child, labels) ?? []);
  const keep = isFacilityMesh(object);
  if (!keep && children.length === 0) return null;
  // Meshes share the scene's geometry and materials: the exporter only reads them.
  const copy = keep ? new Mesh(object.geometry, object.material) : new Group();
  copy.name = labels.names.get(object.name) ?? object.name;
  copy.position.copy(object.position);
  copy.quaternion.copy(object.quaternion);
  copy.scale.copy(object.scale);
  if (children.length > 0) copy.add(...children);
  return copy;
}

/** Places a copied top-level node where its original stands in the world. */
function atWorld(copy: Object3D, original: Object3D): Object3D {
  original.matrixWorld.decompose(copy.position, copy.quaternion, copy.scale);
  return copy;
}

/** The hall shell (floor, walls, doors), its unnamed meshes named in drawing order when the counts agree. */
function shellModel(shell: Object3D, labels: ModelLabels): Object3D | null {
  const copy = facilityCopy(shell, labels);
  if (!copy) return null;
  copy.name = 'Hall shell';
  const unnamed = copy.children.filter((c) => c.name === '');
  if (unnamed.length === labels.shell.length) unnamed.forEach((c, i) => (c.name = labels.shell[i]!));
  return atWorld(copy, shell);
}

/**
 * One rack type's instanced meshes (body, front) expanded to a node per rack, named after it, with
 * a mesh per part. Instancing in glTF (EXT_mesh_gpu_instancing) would be smaller, but it is a
 * required extension few tools read, its instances carry no names, and their colours would ride on
 * a custom attribute: expanded, every viewer shows each rack by name in its colour. The parts
 * share one glTF mesh per geometry and colour, so a rack adds only its nodes to the file.
 */
function rackModel(group: Object3D, labels: ModelLabels): Object3D | null {
  const parts = group.children.filter(
    (c): c is InstancedMesh<BufferGeometry, MeshStandardMaterial> =>
      c instanceof InstancedMesh && c.visible && c.material instanceof MeshStandardMaterial,
  );
  if (parts.length === 0) return null;
  const typeId = group.name.slice('racks:'.length);
  const names = labels.racks.get(typeId) ?? [];
  const typeName = labels.names.get(group.name) ?? typeId;
  const out = new Group();
  out.name = typeName;
  const materials = new Map<string, MeshStandardMaterial>();
  const colouredMaterial = (part: InstancedMesh<BufferGeometry, MeshStandardMaterial>, i: number) =>
    tintedMaterial(materials, part.instanceColor ? part : null, part.material, i);
  const instance = new Matrix4();
  const rackWorld = new Matrix4();
  const rackInverse = new Matrix4();
  const partWorld = new Matrix4();
  const count = Math.min(...parts.map((p) => p.count));
  for (let i = 0; i < count; i++) {
    const rack = new Group();
    rack.name = names[i] ?? `${typeName} ${i + 1}`;
    parts[0]!.getMatrixAt(i, instance);
    rackWorld.multiplyMatrices(parts[0]!.matrixWorld, instance);
    rackWorld.decompose(rack.position, rack.quaternion, rack.scale);
    rackInverse.copy(rackWorld).invert();
    for (const part of parts) {
      const mesh = new Mesh(part.geometry, colouredMaterial(part, i));
      part.getMatrixAt(i, instance);
      partWorld.multiplyMatrices(part.matrixWorld, instance).premultiply(rackInverse);
      partWorld.decompose(mesh.position, mesh.quaternion, mesh.scale);
      rack.add(mesh);
    }
    out.add(rack);
  }
  return out;
}

/**
 * The facility as drawn in `scene`, as a scene of its own for the exporter: the hall shell, racks
 * (expanded from instances), cooling units and containment, under a root node named after the hall.
 * Left out: the grid, lights, cameras, selection and colour overlays, security zones and cameras,
 * airflow arrows, drafts, and HTML labels. Racks keep the colour they are drawn in.
 */
export function facilityModel(scene: Object3D, labels: ModelLabels): Scene {
  scene.updateMatrixWorld(true);
  const hall = new Group();
  hall.name = labels.hall;
  // HallShell's group is the floor's parent; the others are found by the names their components give them.
  const shell = scene.getObjectByName('floor')?.parent;
  const rackGroups: Object3D[] = [];
  scene.traverse((o) => {
    if (o.name.startsWith('racks:')) rackGroups.push(o);
  });
  const shellCopy = shell ? shellModel(shell, labels) : null;
  if (shellCopy) hall.add(shellCopy);
  const rackTypes = rackGroups.flatMap((g) => rackModel(g, labels) ?? []);
  if (rackTypes.length > 0) {
    const racks = new Group();
    racks.name = 'Racks';
    hall.add(racks.add(...rackTypes));
  }
  for (const name of ['cooling-units', 'containments']) {
    const original = scene.getObjectByName(name);
    const copy = original ? facilityCopy(original, labels) : null;
    if (original && copy) hall.add(atWorld(copy, original));
  }
  const model = new Scene();
  model.name = labels.hall;
  model.add(hall);
  return model;
}

/** A model as a GLB (glTF 2.0 binary): metres, Y up, plan x along X and plan y along Z. */
async function glbOf(model: Scene): Promise<Uint8Array> {
  const glb = await new GLTFExporter().parseAsync(model, { binary: true });
  if (!(glb instanceof ArrayBuffer)) throw new Error('The glTF exporter returned JSON where a GLB was asked for.');
  return new Uint8Array(glb);
}

/** The facility in the hall drawn in `scene` as a GLB. */
export function exportGlb(scene: Object3D, labels: ModelLabels): Promise<Uint8Array> {
  return glbOf(facilityModel(scene, labels));
}

// ─── glTF model of the whole site ─────────────────────────────────────────────────────────────

/** Names for the site view's model, from the document. */
export interface SiteModelLabels {
  /** The root node's (and the glTF scene's) name: the site's, saying it is the whole site. */
  site: string;
  /** Labels of the site shell's merged meshes by the names SiteShell gives them. */
  names: ReadonlyMap<string, string>;
  /** Hall names by id, in the document's order: the racks are grouped under them. */
  halls: ReadonlyMap<string, string>;
  /** Per instance of the site's rack mesh (the document's racks, in order): its name and hall. */
  racks: readonly { name: string; hallId: string }[];
  /**
   * Per item of the site's cooling unit mesh (the document's units, in order): its name and the
   * hall it is drawn in, or null for a unit the site view does not draw (heat rejection, which has
   * no position; a rear door whose rack is gone).
   */
  cooling: readonly ({ name: string; hallId: string } | null)[];
  /** Per containment of the document, in order (three items each in the site's containment mesh): its name and hall. */
  containments: readonly { name: string; hallId: string }[];
}

/** The parts of a containment's three items in the site view (site/siteAisles.ts): the roof, then its ends. */
const AISLE_PARTS = ['Roof', 'End door', 'End door'] as const;

/**
 * Labels for the whole site, mirroring how the site view draws it: SiteShell's three merged meshes
 * (floors and yards, walls, doors), SiteRacks' one instance per rack in document order, and
 * SiteCooling's one item per cooling unit (in the hall it stands in, a rear door in its rack's)
 * and three per containment, in document order.
 */
export function siteModelLabels(doc: ProjectDocument): SiteModelLabels {
  const rackHall = new Map(doc.racks.map((r) => [r.id, r.hallId]));
  const unitHall = (u: ProjectDocument['cooling'][number]) =>
    'hallId' in u ? u.hallId : u.kind === 'rear-door' ? (rackHall.get(u.rackId) ?? null) : null;
  return {
    site: `${doc.name.trim() || 'Site'} — whole site`,
    names: new Map([
      ['site-shell', 'Site shell'],
      ['site-floors', 'Floors and yards'],
      ['site-walls', 'Walls'],
      ['site-doors', 'Doors'],
    ]),
    halls: new Map(doc.halls.map((h) => [h.id, h.name])),
    racks: doc.racks.map((r) => ({ name: r.name, hallId: r.hallId })),
    cooling: doc.cooling.map((u) => {
      const hallId = unitHall(u);
      return hallId === null ? null : { name: u.name, hallId };
    }),
    containments: doc.containments.map((c) => ({ name: c.name, hallId: c.hallId })),
  };
}

/**
 * A group per hall, named after it, in the document's order, for the nodes of one kind (racks,
 * units, aisles); `done` adds the halls that got any to the parent group. A hall the labels do not name
 * (the document changed under the scene) is named by its id.
 */
function hallGroups(labels: SiteModelLabels, name: string) {
  const parent = new Group();
  parent.name = name;
  const halls = new Map<string, Group>();
  for (const [id, hallName] of labels.halls) {
    const hall = new Group();
    hall.name = hallName;
    halls.set(id, hall);
  }
  return {
    of(hallId: string): Group {
      let hall = halls.get(hallId);
      if (!hall) {
        halls.set(hallId, (hall = new Group()));
        hall.name = hallId;
      }
      return hall;
    },
    done(): Group {
      for (const hall of halls.values()) if (hall.children.length > 0) parent.add(hall);
      return parent;
    },
  };
}

/** Item `i`'s world matrix into `out`; false for an item scaled to nothing (one the site view hides). */
function itemWorld(mesh: Mesh, shapes: MergedShapes, i: number, out: Matrix4): boolean {
  shapes.getMatrixAt(i, out);
  if (out.determinant() === 0) return false;
  out.premultiply(mesh.matrixWorld);
  return true;
}

/** The merged copies a site mesh draws (SiteCooling.tsx keeps them in its userData), if it is one. */
function mergedShapesOf(object: Object3D | undefined): { mesh: Mesh; shapes: MergedShapes } | null {
  const shapes: unknown = object?.userData.shapes;
  return object instanceof Mesh && object.visible && shapes instanceof MergedShapes ? { mesh: object, shapes } : null;
}

/** A merged mesh's material for its items' own meshes: their colours move from the vertices to the material. */
function itemMaterial(mesh: Mesh): MeshStandardMaterial {
  const material = (mesh.material as MeshStandardMaterial).clone();
  material.vertexColors = false;
  return material;
}

/**
 * The site's rack geometry for glTF: the site view draws each rack's body and front door as one
 * geometry, the door's vertices marked by a `front` attribute and coloured in the shader, which
 * glTF cannot carry. Here the triangles are split into two groups, the body's (material 0) and the
 * door's (material 1), so a viewer shows the door in its own colour.
 */
function bodyAndFront(geometry: BufferGeometry): BufferGeometry {
  const front = geometry.getAttribute('front');
  const index = geometry.getIndex();
  const out = geometry.clone();
  out.clearGroups();
  if (!front || !index) {
    out.addGroup(0, index?.count ?? geometry.getAttribute('position').count, 0);
    return out;
  }
  out.deleteAttribute('front');
  const body: number[] = [];
  const door: number[] = [];
  for (let t = 0; t < index.count; t += 3) {
    const corners = [index.getX(t), index.getX(t + 1), index.getX(t + 2)];
    (front.getX(corners[0]!) > 0.5 ? door : body).push(...corners);
  }
  out.setIndex(new BufferAttribute(Uint32Array.from([...body, ...door]), 1));
  out.addGroup(0, body.length, 0);
  out.addGroup(body.length, door.length, 1);
  return out;
}

/**
 * The site view's racks expanded to a node per rack, named after it, grouped by hall: one mesh of
 * two parts (body in the colour it is drawn in, front door in the door colour the mesh carries in
 * `userData.frontColour`). Racks of one colour share one glTF mesh, so a rack adds only its node.
 */
function siteRacksModel(mesh: InstancedMesh, labels: SiteModelLabels): Object3D {
  const base = mesh.material as MeshStandardMaterial;
  const geometry = bodyAndFront(mesh.geometry);
  const door = base.clone();
  door.color.set((mesh.userData.frontColour as string | undefined) ?? '#ffffff');
  const bodies = new Map<string, MeshStandardMaterial>();
  const bodyMaterial = (i: number) => tintedMaterial(bodies, mesh.instanceColor ? mesh : null, base, i);
  const racks = hallGroups(labels, 'Racks');
  const world = new Matrix4();
  const count = Math.min(mesh.count, labels.racks.length);
  for (let i = 0; i < count; i++) {
    const { name, hallId } = labels.racks[i]!;
    const rack = new Mesh(geometry, [bodyMaterial(i), door]);
    rack.name = name;
    mesh.getMatrixAt(i, world);
    world.premultiply(mesh.matrixWorld).decompose(rack.position, rack.quaternion, rack.scale);
    racks.of(hallId).add(rack);
  }
  return racks.done();
}

/**
 * The site view's cooling units expanded to a node per unit, named after it, grouped by hall: the
 * box it is drawn as (the merged mesh's shape placed by the unit's matrix), in its colour. Units of
 * one colour share one glTF mesh.
 */
function siteUnitsModel({ mesh, shapes }: { mesh: Mesh; shapes: MergedShapes }, labels: SiteModelLabels): Object3D {
  const base = itemMaterial(mesh);
  const materials = new Map<string, MeshStandardMaterial>();
  const units = hallGroups(labels, 'Cooling units');
  const world = new Matrix4();
  const count = Math.min(shapes.count, labels.cooling.length);
  for (let i = 0; i < count; i++) {
    const label = labels.cooling[i];
    if (!label || !itemWorld(mesh, shapes, i, world)) continue;
    const unit = new Mesh(shapes.shape, tintedMaterial(materials, shapes, base, i));
    unit.name = label.name;
    world.decompose(unit.position, unit.quaternion, unit.scale);
    units.of(label.hallId).add(unit);
  }
  return units.done();
}

/**
 * The site view's containment: a node per containment, named after it and grouped by hall,
 * holding its roof and end doors as drawn (translucent, in its tint).
 */
function siteAislesModel({ mesh, shapes }: { mesh: Mesh; shapes: MergedShapes }, labels: SiteModelLabels): Object3D {
  const base = itemMaterial(mesh);
  const materials = new Map<string, MeshStandardMaterial>();
  const aisles = hallGroups(labels, 'Containment');
  const world = new Matrix4();
  const count = Math.min(Math.floor(shapes.count / AISLE_PARTS.length), labels.containments.length);
  for (let c = 0; c < count; c++) {
    const aisle = new Group();
    aisle.name = labels.containments[c]!.name;
    AISLE_PARTS.forEach((part, k) => {
      const i = c * AISLE_PARTS.length + k;
      if (!itemWorld(mesh, shapes, i, world)) return;
      const panel = new Mesh(shapes.shape, tintedMaterial(materials, shapes, base, i));
      panel.name = part;
      world.decompose(panel.position, panel.quaternion, panel.scale);
      aisle.add(panel);
    });
    if (aisle.children.length > 0) aisles.of(labels.containments[c]!.hallId).add(aisle);
  }
  return aisles.done();
}

/**
 * The whole site as drawn by the site view, as a scene of its own for the exporter: the site shell
 * (floors and yards, walls, doors: merged meshes, vertex-coloured floors), every rack, every
 * cooling unit and every containment by name under its hall, under a root node that names the site
 * as the whole site. Left out, as from a hall's model: lights, cameras and the HTML labels.
 */
export function siteModel(scene: Object3D, labels: SiteModelLabels): Scene {
  scene.updateMatrixWorld(true);
  const site = new Group();
  site.name = labels.site;
  const shell = scene.getObjectByName('site-shell');
  const shellCopy = shell
    ? facilityCopy(shell, { hall: labels.site, names: labels.names, racks: new Map(), shell: [] })
    : null;
  if (shell && shellCopy) site.add(atWorld(shellCopy, shell));
  const racks = scene.getObjectByName('site-racks');
  const parts = [
    racks instanceof InstancedMesh && racks.visible ? siteRacksModel(racks, labels) : null,
    ...(
      [
        ['site-cooling', siteUnitsModel],
        ['site-containment', siteAislesModel],
      ] as const
    ).map(([name, expand]) => {
      const merged = mergedShapesOf(scene.getObjectByName(name));
      return merged ? expand(merged, labels) : null;
    }),
  ];
  for (const part of parts) if (part && part.children.length > 0) site.add(part);
  const model = new Scene();
  model.name = labels.site;
  model.add(site);
  return model;
}

/** The whole site drawn in `scene` (the site view) as a GLB. */
export function exportSiteGlb(scene: Object3D, labels: SiteModelLabels): Promise<Uint8Array> {
  return glbOf(siteModel(scene, labels));
}

/**
 * Item `i`'s material with its colour baked in, one clone per material and colour: three multiplies
 * the material's colour by an instance's (or a vertex's); glTF has only the material's. `colours`
 * is null when the items carry none (an instanced mesh without instance colours).
 */
function tintedMaterial(
  cache: Map<string, MeshStandardMaterial>,
  colours: { getColorAt(i: number, colour: Color): unknown } | null,
  base: MeshStandardMaterial,
  i: number,
): MeshStandardMaterial {
  if (!colours) return base;
  const tint = new Color();
  colours.getColorAt(i, tint);
  const key = `${base.uuid}:${tint.getHexString()}`;
  let material = cache.get(key);
  if (!material) {
    material = base.clone();
    material.color.multiply(tint);
    cache.set(key, material);
  }
  return material;
}
