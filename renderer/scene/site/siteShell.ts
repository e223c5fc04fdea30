/**
 * The site view's static geometry, merged: every hall's floor and every building's yard in one
 * vertex-coloured mesh, every wall of every hall in a second, every drawn door in a third. Three
 * draw calls whatever the number of halls; rebuilt only when halls, walls or doors change (a rack
 * edit changes none of them). Pure arrays here; SiteShell.tsx hands them to three.js.
 */
import type { Door, Hall, Wall } from '../../../shared/index';
import type { SiteLayout } from './siteLayout';

export interface MeshArrays {
  positions: Float32Array;
  normals: Float32Array;
  /** RGB per vertex, 0…1; present on the floor mesh only. */
  colours: Float32Array | null;
  indices: Uint32Array;
}

export interface SiteShellArrays {
  floors: MeshArrays;
  walls: MeshArrays;
  doors: MeshArrays;
}

/** A quad is 4 vertices and 2 triangles; a box 6 faces of 4 vertices (flat normals) and 12 triangles. */
export const QUAD_VERTICES = 4;
export const QUAD_INDICES = 6;
export const BOX_VERTICES = 24;
export const BOX_INDICES = 36;

/** Floor colours: the hall floors as the hall view's plain floor (#d9dde2), the yards a darker grey. */
const FLOOR_RGB: [number, number, number] = [0xd9 / 255, 0xdd / 255, 0xe2 / 255];
const YARD_RGB: [number, number, number] = [0xb9 / 255, 0xc0 / 255, 0xc7 / 255];
/** The yard around a building's halls, metres: half the gap between buildings, so yards never touch. */
const YARD_MARGIN_M = 8;
/** Yards lie a little below the floors so the two never fight for depth. */
const YARD_Y = -0.05;
/** Doors in plan are as thick as the hall view draws them (HallShell's DoorMesh), metres. */
const DOOR_THICKNESS_M = 0.45;

class Builder {
  private vertex = 0;
  private index = 0;
  readonly arrays: MeshArrays;

  constructor(vertices: number, indices: number, coloured: boolean) {
    this.arrays = {
      positions: new Float32Array(vertices * 3),
      normals: new Float32Array(vertices * 3),
      colours: coloured ? new Float32Array(vertices * 3) : null,
      indices: new Uint32Array(indices),
    };
  }

  /** A horizontal rectangle facing up, from (x0, z0) to (x1, z1) at height y. */
  quad(x0: number, z0: number, x1: number, z1: number, y: number, rgb: readonly number[]): void {
    const base = this.vertex;
    for (const [x, z] of [
      [x0, z0],
      [x0, z1],
      [x1, z1],
      [x1, z0],
    ] as const)
      this.push(x, y, z, 0, 1, 0, rgb);
    // Counter-clockwise seen from above (+Y), so the face's front is up.
    this.triangles(base, [0, 1, 2, 0, 2, 3]);
  }

  /** A box of size (sx, sy, sz) centred at (cx, cy, cz), turned by `yaw` radians about +Y. */
  box(cx: number, cy: number, cz: number, sx: number, sy: number, sz: number, yaw: number): void {
    const cos = Math.cos(yaw);
    const sin = Math.sin(yaw);
    // three.js's rotation about Y: x' = x cos + z sin, z' = −x sin + z cos.
    const turn = (x: number, z: number): [number, number] => [x * cos + z * sin, -x * sin + z * cos];
    const hx = sx / 2;
    const hy = sy / 2;
    const hz = sz / 2;
    // Each face: its outward normal and its four corners, counter-clockwise seen from outside.
    const faces: [[number, number, number], [number, number, number][]][] = [
      [
        [1, 0, 0],
        [
          [hx, -hy, hz],
          [hx, -hy, -hz],
          [hx, hy, -hz],
          [hx, hy, hz],
        ],
      ],
      [
        [-1, 0, 0],
        [
          [-hx, -hy, -hz],
          [-hx, -hy, hz],
          [-hx, hy, hz],
          [-hx, hy, -hz],
        ],
      ],
      [
        [0, 1, 0],
        [
          [-hx, hy, hz],
          [hx, hy, hz],
          [hx, hy, -hz],
          [-hx, hy, -hz],
        ],
      ],
      [
        [0, -1, 0],
        [
          [-hx, -hy, -hz],
          [hx, -hy, -hz],
          [hx, -hy, hz],
          [-hx, -hy, hz],
        ],
      ],
      [
        [0, 0, 1],
        [
          [-hx, -hy, hz],
          [hx, -hy, hz],
          [hx, hy, hz],
          [-hx, hy, hz],
        ],
      ],
      [
        [0, 0, -1],
        [
          [hx, -hy, -hz],
          [-hx, -hy, -hz],
          [-hx, hy, -hz],
          [hx, hy, -hz],
        ],
      ],
    ];
    for (const [[nx, ny, nz], corners] of faces) {
      const base = this.vertex;
      const [tnx, tnz] = turn(nx, nz);
      for (const [x, y, z] of corners) {
        const [tx, tz] = turn(x, z);
        this.push(cx + tx, cy + y, cz + tz, tnx, ny, tnz, null);
      }
      this.triangles(base, [0, 1, 2, 0, 2, 3]);
    }
  }

  private push(x: number, y: number, z: number, nx: number, ny: number, nz: number, rgb: readonly number[] | null) {
    const k = this.vertex * 3;
    this.arrays.positions.set([x, y, z], k);
    this.arrays.normals.set([nx, ny, nz], k);
    if (this.arrays.colours && rgb) this.arrays.colours.set(rgb, k);
    this.vertex++;
  }

  private triangles(base: number, corners: readonly number[]) {
    for (const c of corners) this.arrays.indices[this.index++] = base + c;
  }
}

export function siteShellArrays(
  halls: readonly Hall[],
  walls: readonly Wall[],
  doors: readonly Door[],
  layout: SiteLayout,
): SiteShellArrays {
  const placedWalls = walls.filter((w) => layout.halls.has(w.hallId));
  const placedDoors = doors.filter((d) => d.hallId !== null && layout.halls.has(d.hallId));
  const placedHalls = halls.filter((h) => layout.halls.has(h.id));
  const floorCount = placedHalls.length + layout.buildings.length;

  const floors = new Builder(floorCount * QUAD_VERTICES, floorCount * QUAD_INDICES, true);
  for (const b of layout.buildings)
    floors.quad(
      b.x - YARD_MARGIN_M,
      b.y - YARD_MARGIN_M,
      b.x + b.width + YARD_MARGIN_M,
      b.y + b.depth + YARD_MARGIN_M,
      YARD_Y,
      YARD_RGB,
    );
  for (const h of placedHalls) {
    const o = layout.halls.get(h.id)!;
    floors.quad(o.x, o.y, o.x + h.width, o.y + h.depth, 0, FLOOR_RGB);
  }

  const wallMesh = new Builder(placedWalls.length * BOX_VERTICES, placedWalls.length * BOX_INDICES, false);
  for (const w of placedWalls) {
    const o = layout.halls.get(w.hallId)!;
    const dx = w.b.x - w.a.x;
    const dy = w.b.y - w.a.y;
    // As HallShell's WallMesh: centred on the wall's line, overlapping its neighbours by half a thickness each end.
    wallMesh.box(
      o.x + (w.a.x + w.b.x) / 2,
      w.height / 2,
      o.y + (w.a.y + w.b.y) / 2,
      Math.hypot(dx, dy) + w.thickness,
      w.height,
      w.thickness,
      -Math.atan2(dy, dx),
    );
  }

  const doorMesh = new Builder(placedDoors.length * BOX_VERTICES, placedDoors.length * BOX_INDICES, false);
  for (const d of placedDoors) {
    const o = layout.halls.get(d.hallId!)!;
    const alongX = d.rotationDeg % 180 === 0;
    doorMesh.box(
      o.x + d.position.x,
      d.height / 2,
      o.y + d.position.y,
      d.width,
      d.height,
      DOOR_THICKNESS_M,
      alongX ? 0 : Math.PI / 2,
    );
  }

  return { floors: floors.arrays, walls: wallMesh.arrays, doors: doorMesh.arrays };
}
