import {
  AmbientLight,
  BoxGeometry,
  BufferAttribute,
  Color,
  Group,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  Object3D,
  PlaneGeometry,
  Scene,
  ShaderMaterial,
  Vector3,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../../shared/index';
import { buildStressSite } from '../../shared/testing/stressSite';
import {
  facilityModel,
  flipRows,
  frustumForAspect,
  modelLabels,
  shotSizeError,
  shotTiles,
  siteModel,
  siteModelLabels,
} from './sceneExport';
import { MergedShapes, openBox, unitPanel } from './site/siteInstances';

describe('screenshot sizes', () => {
  it.each([
    [1280, 720],
    [1920, 1080],
    [3840, 2160],
    [2160, 3840],
    [16, 16],
  ])('accepts %i × %i', (w, h) => {
    expect(shotSizeError(w, h)).toBeNull();
  });

  it.each([
    [3841, 1000, 'Each side is from 16 to 3840 pixels.'],
    [15, 1000, 'Each side is from 16 to 3840 pixels.'],
    [3840, 2161, 'At most 3840 × 2160 pixels (8.3 megapixels) in all.'],
    [1920.5, 1080, 'Width and height are whole numbers of pixels.'],
    [Number.NaN, 1080, 'Width and height are whole numbers of pixels.'],
  ])('refuses %d × %d', (w, h, message) => {
    expect(shotSizeError(w, h)).toBe(message);
  });

  it('covers the image with tiles, each pixel once', () => {
    const tiles = shotTiles(1920, 1080, 1024);
    expect(tiles).toEqual([
      { x: 0, y: 0, width: 1024, height: 1024 },
      { x: 1024, y: 0, width: 896, height: 1024 },
      { x: 0, y: 1024, width: 1024, height: 56 },
      { x: 1024, y: 1024, width: 896, height: 56 },
    ]);
    const fourK = shotTiles(3840, 2160, 1024);
    expect(fourK).toHaveLength(12);
    expect(fourK.reduce((sum, t) => sum + t.width * t.height, 0)).toBe(3840 * 2160);
    expect(shotTiles(100, 50, 1024)).toEqual([{ x: 0, y: 0, width: 100, height: 50 }]);
  });

  it('turns WebGL rows (bottom first) into image rows (top first)', () => {
    // 1 × 3 pixels, bottom to top: red, green, blue.
    const gl = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]);
    expect([...flipRows(gl, 1, 3)]).toEqual([0, 0, 255, 255, 0, 255, 0, 255, 255, 0, 0, 255]);
  });

  it('widens an orthographic frustum to the shot, keeping its height and centre', () => {
    expect(frustumForAspect({ left: -400, right: 400, top: 300, bottom: -300 }, 16 / 9)).toEqual({
      left: -300 * (16 / 9),
      right: 300 * (16 / 9),
      top: 300,
      bottom: -300,
    });
    expect(frustumForAspect({ left: 0, right: 10, top: 2, bottom: -2 }, 1)).toEqual({
      left: 3,
      right: 7,
      top: 2,
      bottom: -2,
    });
  });
});

describe('model labels', () => {
  it('names the sample hall, its racks in drawing order, its equipment and its shell', () => {
    const doc = buildSampleFacility();
    const hall = doc.halls[0]!;
    const labels = modelLabels(doc, hall);
    expect(labels.hall).toBe('Hall A (ex-mining)');
    const racks = [...labels.racks.values()].flat();
    expect(racks).toHaveLength(32);
    expect(labels.racks.get('miner-shelf-2000')?.[0]).toBe('A-01-01');
    expect(labels.names.get('racks:miner-shelf-2000')).toBeTruthy();
    const fanWall = doc.cooling.find((c) => c.name === 'Fan wall FW1 (pad)')!;
    expect(labels.names.get(`cooling-${fanWall.id}`)).toBe('Fan wall FW1 (pad)');
    const containment = doc.containments[0]!;
    expect(labels.names.get(`containment-${containment.id}`)).toBe('Hot aisle 01/02 (contained)');
    const doors = doc.doors.filter((d) => d.hallId === hall.id).map((d) => d.name);
    expect(labels.shell).toEqual(['Wall 1', 'Wall 2', 'Wall 3', 'Wall 4', ...doors]);
    expect(doors).toContain('Loading door');
  });
});

/** A scene shaped like the one SceneContent draws: shell with a grid, racks, cooling, containment, overlays. */
function fakeScene(): Scene {
  const scene = new Scene();
  scene.add(new AmbientLight());
  const shell = new Group();
  const floor = new Mesh(new PlaneGeometry(10, 6), new MeshStandardMaterial());
  floor.name = 'floor';
  const grid = new Mesh(new PlaneGeometry(10, 6), new ShaderMaterial());
  const wall = new Mesh(new BoxGeometry(10, 3, 0.2), new MeshStandardMaterial({ transparent: true, opacity: 0.5 }));
  const door = new Mesh(new BoxGeometry(1, 2, 0.45), new MeshStandardMaterial());
  shell.add(floor, grid, wall, door);

  const racks = new Group();
  racks.name = 'racks:gpu';
  const body = new InstancedMesh(new BoxGeometry(0.6, 2, 1.2), new MeshStandardMaterial(), 16);
  const front = new InstancedMesh(new BoxGeometry(0.5, 1.8, 0.02), new MeshStandardMaterial(), 16);
  const dummy = new Object3D();
  [
    [1, 2, 0],
    [3, 2, Math.PI / 2],
  ].forEach(([x, z, yaw], i) => {
    dummy.position.set(x!, 0, z!);
    dummy.rotation.set(0, yaw!, 0);
    dummy.updateMatrix();
    body.setMatrixAt(i, dummy.matrix);
    front.setMatrixAt(i, dummy.matrix);
    body.setColorAt(i, new Color(i === 0 ? '#2f3640' : '#2f80ed'));
    front.setColorAt(i, new Color('#7fd1ff'));
  });
  body.count = 2;
  front.count = 2;
  racks.add(body, front);

  const cooling = new Group();
  cooling.name = 'cooling-units';
  const unit = new Group();
  unit.name = 'cooling-fw1';
  unit.position.set(5, 0, 5.5);
  const arrow = new Group();
  arrow.add(new Mesh(new BoxGeometry(), new MeshBasicMaterial()));
  unit.add(new Mesh(new BoxGeometry(3, 2, 0.3), new MeshStandardMaterial()), arrow);
  cooling.add(unit);

  const containments = new Group();
  containments.name = 'containments';
  const aisle = new Group();
  aisle.name = 'containment-hot1';
  aisle.add(new Mesh(new BoxGeometry(4, 0.02, 1.2), new MeshStandardMaterial({ transparent: true })));
  containments.add(aisle);

  const overlay = new Group();
  overlay.name = 'security-overlay';
  overlay.add(new Mesh(new BoxGeometry(), new MeshStandardMaterial()));
  const airflow = new Group();
  airflow.name = 'rack-airflow';
  airflow.add(new InstancedMesh(new BoxGeometry(), new MeshBasicMaterial(), 4));

  scene.add(shell, racks, cooling, containments, overlay, airflow);
  return scene;
}

const LABELS = {
  hall: 'Hall A',
  names: new Map([
    ['floor', 'Floor'],
    ['cooling-units', 'Cooling units'],
    ['containments', 'Containment'],
    ['cooling-fw1', 'Fan wall FW1'],
    ['containment-hot1', 'Hot aisle'],
    ['racks:gpu', 'GPU rack'],
  ]),
  racks: new Map([['gpu', ['R-01', 'R-02']]]),
  shell: ['Wall 1', 'Roller door'],
};

const names = (o: Object3D) => o.children.map((c) => c.name);

describe('facility model', () => {
  it('keeps the facility under the hall, named, and leaves out the grid, lights and overlays', () => {
    const model = facilityModel(fakeScene(), LABELS);
    expect(model.name).toBe('Hall A');
    const hall = model.children[0]!;
    expect(hall.name).toBe('Hall A');
    expect(names(hall)).toEqual(['Hall shell', 'Racks', 'Cooling units', 'Containment']);
    const [shell, racks, cooling, containment] = hall.children;
    expect(names(shell!)).toEqual(['Floor', 'Wall 1', 'Roller door']);
    expect(names(racks!)).toEqual(['GPU rack']);
    expect(names(racks!.children[0]!)).toEqual(['R-01', 'R-02']);
    // The fan wall keeps its box and loses its airflow arrow (unlit) and the group that held it.
    expect(names(cooling!)).toEqual(['Fan wall FW1']);
    expect(cooling!.children[0]!.children).toHaveLength(1);
    expect(names(containment!)).toEqual(['Hot aisle']);
    let meshes = 0;
    model.traverse((o) => {
      if (o instanceof Mesh) {
        meshes++;
        expect(o).not.toBeInstanceOf(InstancedMesh);
        expect(o.material).toBeInstanceOf(MeshStandardMaterial);
      }
    });
    // floor, wall, door, 2 racks × (body, front), fan wall, containment roof
    expect(meshes).toBe(9);
  });

  it('places each rack where its instance stands, its parts at the rack, in its instance colour', () => {
    const model = facilityModel(fakeScene(), LABELS);
    const second = model.getObjectByName('R-02')!;
    model.updateMatrixWorld(true);
    expect(second.getWorldPosition(new Vector3()).toArray()).toEqual([3, 0, 2]);
    expect(second.rotation.y).toBeCloseTo(Math.PI / 2);
    const [body, front] = second.children as Mesh[];
    expect(body!.matrix.equals(new Matrix4())).toBe(true);
    expect((body!.material as MeshStandardMaterial).color.getHexString()).toBe('2f80ed');
    expect((front!.material as MeshStandardMaterial).color.getHexString()).toBe('7fd1ff');
    // Racks of one colour share a material, so the exporter writes one glTF mesh for them.
    const first = model.getObjectByName('R-01')!.children as Mesh[];
    expect(first[1]!.material).toBe(front!.material);
    expect(first[0]!.material).not.toBe(body!.material);
  });

  it('places copied equipment where it stands in the world', () => {
    const scene = fakeScene();
    scene.getObjectByName('cooling-units')!.position.set(0, 1, 0);
    const unit = facilityModel(scene, LABELS).getObjectByName('Fan wall FW1')!;
    unit.updateWorldMatrix(true, false);
    expect(unit.getWorldPosition(new Vector3()).toArray()).toEqual([5, 1, 5.5]);
  });

  it('falls back to the type and index when the names do not cover the racks', () => {
    const model = facilityModel(fakeScene(), { ...LABELS, racks: new Map() });
    expect(names(model.getObjectByName('GPU rack')!)).toEqual(['GPU rack 1', 'GPU rack 2']);
  });
});

/** A scene shaped like the one the site view draws: the merged shell and one instanced mesh of racks with their doors. */
function fakeSite(): Scene {
  const scene = new Scene();
  scene.add(new AmbientLight());
  const shell = new Group();
  shell.name = 'site-shell';
  const floors = new Mesh(new PlaneGeometry(40, 20), new MeshStandardMaterial({ vertexColors: true }));
  floors.name = 'site-floors';
  const walls = new Mesh(new BoxGeometry(40, 3, 0.2), new MeshStandardMaterial({ transparent: true, opacity: 0.55 }));
  walls.name = 'site-walls';
  const doors = new Mesh(new BoxGeometry(1, 2, 0.45), new MeshStandardMaterial());
  doors.name = 'site-doors';
  shell.add(floors, walls, doors);
  // As SiteRacks makes it: a unit box and its door in one geometry, the door's vertices marked `front`.
  const body = new BoxGeometry(1, 1, 1).translate(0, 0.5, 0);
  const door = new PlaneGeometry(0.86, 0.9).translate(0, 0.5, -0.51);
  const geometry = mergeGeometries([body, door])!;
  const front = new Float32Array(24 + 4).fill(1, 24);
  geometry.setAttribute('front', new BufferAttribute(front, 1));
  const racks = new InstancedMesh(geometry, new MeshStandardMaterial(), 16);
  racks.name = 'site-racks';
  racks.userData = { frontColour: '#7fd1ff' };
  const dummy = new Object3D();
  [
    [1, 2, '#2f3640'],
    [3, 2, '#2f80ed'],
    [30, 12, '#2f3640'],
  ].forEach(([x, z, colour], i) => {
    dummy.position.set(x as number, 0, z as number);
    dummy.scale.set(0.6, 2, 1.2);
    dummy.updateMatrix();
    racks.setMatrixAt(i, dummy.matrix);
    racks.setColorAt(i, new Color(colour as string));
  });
  racks.count = 3;
  scene.add(shell, racks);
  return scene;
}

/**
 * The site view's cooling units and containment as SiteCooling draws them: copies of one shape
 * merged into a mesh, each placed by a matrix (an item not drawn scaled to nothing), the copies
 * kept in the mesh's userData. Units: a CRAH in hall 1, a chiller (not drawn), a fan wall in hall
 * 2. Containment: a hot aisle in hall 1 (roof and two ends), then one that cannot be placed.
 */
function withCooling(scene: Scene): Scene {
  const place = (shapes: MergedShapes, i: number, at: number[], size: number[], yaw = 0, colour = '#ffffff') => {
    const dummy = new Object3D();
    dummy.position.set(at[0]!, at[1]!, at[2]!);
    dummy.rotation.set(0, yaw, 0);
    dummy.scale.set(size[0]!, size[1]!, size[2]!);
    dummy.updateMatrix();
    shapes.setMatrixAt(i, dummy.matrix);
    shapes.setColorAt(i, new Color(colour));
  };
  const merged = (name: string, shapes: MergedShapes, material: MeshStandardMaterial) => {
    const mesh = new Mesh(shapes.geometry, material);
    mesh.name = name;
    mesh.userData = { shapes };
    return mesh;
  };
  const units = new MergedShapes(openBox(), 16);
  place(units, 0, [3, 1, 9], [2.5, 2, 0.9], 0, '#a9c1d6');
  place(units, 1, [0, 0, 0], [0, 0, 0]);
  place(units, 2, [36, 1.8, 0.4], [4, 3, 0.3], Math.PI, '#8fa9bf');
  units.setCount(3);
  const aisles = new MergedShapes(unitPanel(), 16);
  // A roof lies flat (the panel turned −90° about x); the ends stand across the aisle.
  const flat = (i: number, at: number[], w: number, d: number) => {
    const m = new Matrix4().makeScale(w, d, 1).premultiply(new Matrix4().makeRotationX(-Math.PI / 2));
    aisles.setMatrixAt(i, m.setPosition(at[0]!, at[1]!, at[2]!));
    aisles.setColorAt(i, new Color('#e8833a'));
  };
  flat(0, [1.3, 2.27, 3.2], 1.2, 1.2);
  place(aisles, 1, [0.7, 1.135, 3.2], [1.2, 2.27, 1], Math.PI / 2, '#e8833a');
  place(aisles, 2, [1.9, 1.135, 3.2], [1.2, 2.27, 1], Math.PI / 2, '#e8833a');
  for (let i = 3; i < 6; i++) place(aisles, i, [0, 0, 0], [0, 0, 0]);
  aisles.setCount(6);
  scene.add(
    merged('site-cooling', units, new MeshStandardMaterial({ vertexColors: true, flatShading: true })),
    merged(
      'site-containment',
      aisles,
      new MeshStandardMaterial({ vertexColors: true, transparent: true, opacity: 0.25, depthWrite: false }),
    ),
  );
  return scene;
}

const SITE_LABELS = {
  site: 'Campus — whole site',
  names: siteModelLabels(buildSampleFacility()).names,
  halls: new Map([
    ['h1', 'Hall 1'],
    ['h2', 'Hall 2'],
  ]),
  racks: [
    { name: 'R-01', hallId: 'h1' },
    { name: 'R-02', hallId: 'h1' },
    { name: 'S-01', hallId: 'h2' },
  ],
  cooling: [{ name: 'CRAH 1', hallId: 'h1' }, null, { name: 'Fan wall 2', hallId: 'h2' }],
  containments: [
    { name: 'Hot aisle 1', hallId: 'h1' },
    { name: 'Cold aisle (no racks)', hallId: 'h2' },
  ],
};

describe('site model', () => {
  it('is named as the whole site, with every hall’s racks by name, in the order of the document', () => {
    const doc = buildStressSite(1_000);
    const labels = siteModelLabels(doc);
    expect(labels.site).toBe(`${doc.name} — whole site`);
    expect(siteModelLabels({ ...doc, name: '  ' }).site).toBe('Site — whole site');
    expect(labels.racks).toHaveLength(1_000);
    expect(labels.racks[500]).toEqual({ name: doc.racks[500]!.name, hallId: doc.racks[500]!.hallId });
    expect([...labels.halls.keys()]).toEqual(doc.halls.map((h) => h.id));
  });

  it('holds the site shell and a node per rack under its hall, and nothing else', () => {
    const model = siteModel(fakeSite(), SITE_LABELS);
    expect(model.name).toBe('Campus — whole site');
    const site = model.children[0]!;
    expect(site.name).toBe('Campus — whole site');
    expect(names(site)).toEqual(['Site shell', 'Racks']);
    const [shell, racks] = site.children;
    expect(names(shell!)).toEqual(['Floors and yards', 'Walls', 'Doors']);
    expect(names(racks!)).toEqual(['Hall 1', 'Hall 2']);
    expect(names(racks!.children[0]!)).toEqual(['R-01', 'R-02']);
    expect(names(racks!.children[1]!)).toEqual(['S-01']);
    let meshes = 0;
    model.traverse((o) => {
      if (o instanceof Mesh) {
        meshes++;
        expect(o).not.toBeInstanceOf(InstancedMesh);
      }
    });
    expect(meshes).toBe(3 + 3);
  });

  it('places each rack where its instance stands, its body in its colour and its door in the door colour', () => {
    const model = siteModel(fakeSite(), SITE_LABELS);
    model.updateMatrixWorld(true);
    const rack = model.getObjectByName('S-01') as Mesh;
    expect(rack.getWorldPosition(new Vector3()).toArray()).toEqual([30, 0, 12]);
    expect(rack.scale.toArray().map((v) => Number(v.toFixed(6)))).toEqual([0.6, 2, 1.2]);
    const [body, door] = rack.material as MeshStandardMaterial[];
    expect(body!.color.getHexString()).toBe('2f3640');
    expect(door!.color.getHexString()).toBe('7fd1ff');
    // Two groups: the box's 36 indices (12 triangles), then the door's 6 (2 triangles); no `front` attribute left.
    expect(rack.geometry.groups).toEqual([
      { start: 0, count: 36, materialIndex: 0 },
      { start: 36, count: 6, materialIndex: 1 },
    ]);
    expect(rack.geometry.getAttribute('front')).toBeUndefined();
    // Racks of one colour share a material and the geometry, so the exporter writes one glTF mesh for them.
    const first = model.getObjectByName('R-01') as Mesh;
    const second = model.getObjectByName('R-02') as Mesh;
    expect((first.material as MeshStandardMaterial[])[0]).toBe(body);
    expect((second.material as MeshStandardMaterial[])[0]).not.toBe(body);
    expect(first.geometry).toBe(rack.geometry);
  });
});

describe('site model: cooling units and containment', () => {
  it('labels every unit by the hall it is drawn in, a rear door by its rack’s, heat rejection as not drawn', () => {
    const doc = buildStressSite(1_000);
    const rack = doc.racks[250]!;
    const withDoor = {
      ...doc,
      cooling: [
        ...doc.cooling,
        {
          kind: 'rear-door' as const,
          id: 'rd',
          name: `Rear door ${rack.name}`,
          existing: false,
          rackId: rack.id,
          capacityKw: 40,
          waterSupplyC: 18,
          waterReturnC: 28,
          loopId: null,
        },
      ],
    };
    const labels = siteModelLabels(withDoor);
    expect(labels.cooling).toHaveLength(withDoor.cooling.length);
    // Per hall 28 CRAHs, then its chiller (shared/testing/largeSite.ts); the rear door last.
    expect(labels.cooling[0]).toEqual({ name: 'CRAH 0.0', hallId: 'hall-0' });
    expect(labels.cooling[28]).toBeNull();
    expect(labels.cooling.at(-1)).toEqual({ name: `Rear door ${rack.name}`, hallId: 'hall-1' });
    expect(labels.containments).toHaveLength(doc.containments.length);
    expect(labels.containments[0]).toEqual({ name: 'Hot aisle 0.0', hallId: 'hall-0' });
  });

  it('holds every unit and containment by name under its hall, and leaves out what is not drawn', () => {
    const model = siteModel(withCooling(fakeSite()), SITE_LABELS);
    const site = model.children[0]!;
    expect(names(site)).toEqual(['Site shell', 'Racks', 'Cooling units', 'Containment']);
    const [, , units, aisles] = site.children;
    expect(names(units!)).toEqual(['Hall 1', 'Hall 2']);
    expect(names(units!.children[0]!)).toEqual(['CRAH 1']);
    expect(names(units!.children[1]!)).toEqual(['Fan wall 2']);
    // The cold aisle has no panel drawn: neither it nor its hall is in the model.
    expect(names(aisles!)).toEqual(['Hall 1']);
    expect(names(aisles!.children[0]!)).toEqual(['Hot aisle 1']);
    expect(names(aisles!.children[0]!.children[0]!)).toEqual(['Roof', 'End door', 'End door']);
    let meshes = 0;
    model.traverse((o) => {
      if (o instanceof Mesh) meshes++;
    });
    // shell 3, racks 3, units 2, panels 3
    expect(meshes).toBe(3 + 3 + 2 + 3);
  });

  it('places units and panels where their instances stand, in the colours drawn, the panels translucent', () => {
    const model = siteModel(withCooling(fakeSite()), SITE_LABELS);
    model.updateMatrixWorld(true);
    const fanWall = model.getObjectByName('Fan wall 2') as Mesh;
    expect(
      fanWall
        .getWorldPosition(new Vector3())
        .toArray()
        .map((v) => Number(v.toFixed(6))),
    ).toEqual([36, 1.8, 0.4]);
    expect(fanWall.scale.toArray().map((v) => Number(v.toFixed(6)))).toEqual([4, 3, 0.3]);
    // Half a turn about +Y: the quaternion (0, ±1, 0, 0).
    expect(Math.abs(fanWall.quaternion.y)).toBeCloseTo(1);
    expect((fanWall.material as MeshStandardMaterial).color.getHexString()).toBe('8fa9bf');
    const crah = model.getObjectByName('CRAH 1') as Mesh;
    // Each unit is the merged mesh's shape, not the merged geometry; the colour moved to the material.
    expect(crah.geometry).toBe(fanWall.geometry);
    expect(crah.geometry.getAttribute('position').count).toBe(8);
    expect((crah.material as MeshStandardMaterial).vertexColors).toBe(false);
    const roof = model.getObjectByName('Hot aisle 1')!.children[0] as Mesh;
    expect(
      roof
        .getWorldPosition(new Vector3())
        .toArray()
        .map((v) => Number(v.toFixed(6))),
    ).toEqual([1.3, 2.27, 3.2]);
    const material = roof.material as MeshStandardMaterial;
    expect(material.color.getHexString()).toBe('e8833a');
    expect(material.transparent).toBe(true);
    expect(material.opacity).toBe(0.25);
    // The three panels share one material, so the exporter writes one glTF material for them.
    const ends = model.getObjectByName('Hot aisle 1')!.children.slice(1) as Mesh[];
    for (const end of ends) expect(end.material).toBe(material);
  });
});
