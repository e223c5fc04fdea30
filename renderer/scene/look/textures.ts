/**
 * The presentation look's textures, generated at run time: nothing is fetched. The pixel
 * generators are pure (RGBA arrays, tested); `canvasTexture` puts their pixels on a canvas and
 * wraps it in a CanvasTexture, which repeats and is mipmapped, so a pattern seen from far away
 * averages to its mean colour instead of shimmering.
 */
import { CanvasTexture, RepeatWrapping, SRGBColorSpace } from 'three';
import { seededRandom } from '../../../shared/index';

export type Rgb = readonly [number, number, number];

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row from the top, 4 bytes a pixel (an ImageData's layout). */
  data: Uint8ClampedArray;
}

/** A raised-floor tile is 600 mm square. */
export const FLOOR_TILE_M = 0.6;
/** One tile of the perforated front-door pattern covers this many metres each way. */
export const PERFORATION_TILE_M = 0.1;
/** One tile of the wall's painted-concrete noise covers this many metres each way. */
export const CONCRETE_TILE_M = 2;

/** The engine's seeded generator: the same seed draws the same texture. */
export const random = seededRandom;

function blank(size: number): Pixels {
  return { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
}

function put(p: Pixels, x: number, y: number, c: Rgb, shade = 0, alpha = 255): void {
  const i = (y * p.width + x) * 4;
  p.data[i] = c[0] + shade;
  p.data[i + 1] = c[1] + shade;
  p.data[i + 2] = c[2] + shade;
  p.data[i + 3] = alpha;
}

export interface FloorTileOptions {
  /** Texture side in pixels; the texture is one tile. */
  size?: number;
  /** Width of the joint between tiles, pixels (drawn on the tile's left and top edges). */
  jointPx?: number;
  tile?: Rgb;
  joint?: Rgb;
  /** ± grey levels of per-pixel grain on the tile's face. */
  grain?: number;
  seed?: number;
}

/** One light grey raised-floor tile with a dark joint along two edges, so repeated tiles share one joint. */
export function floorTilePixels(options: FloorTileOptions = {}): Pixels {
  const { size = 128, jointPx = 2, tile = [200, 204, 208], joint = [112, 118, 126], grain = 5, seed = 1 } = options;
  const p = blank(size);
  const rand = random(seed);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const inJoint = x < jointPx || y < jointPx;
      // A faint bevel just inside the joint catches the light like a tile's edge.
      const bevel = !inJoint && (x < jointPx + 2 || y < jointPx + 2) ? 10 : 0;
      put(p, x, y, inJoint ? joint : tile, inJoint ? 0 : bevel + Math.round((rand() * 2 - 1) * grain));
    }
  return p;
}

/**
 * How the floor's tile texture repeats over a hall `width` × `depth` metres: one tile per 600 mm,
 * its joints on the hall's origin (plan x = 0 is the plane's u = 0, plan y = 0 its v = 1).
 */
export function floorTileTransform(
  width: number,
  depth: number,
  tileM = FLOOR_TILE_M,
): { repeat: [number, number]; offset: [number, number] } {
  const rx = width / tileM;
  const ry = depth / tileM;
  // v = 1 (plan y = 0) lands on a whole tile when repeat·1 + offset is a whole number.
  const oy = Math.ceil(ry - 1e-9) - ry;
  return { repeat: [rx, ry], offset: [0, Math.abs(oy) < 1e-9 ? 0 : oy] };
}

export interface PerforationOptions {
  size?: number;
  /** Holes per texture side; odd rows are shifted half a pitch (a staggered pattern). */
  holes?: number;
  /** Hole radius as a fraction of the pitch. */
  radius?: number;
  metal?: Rgb;
  hole?: Rgb;
}

/**
 * A perforated steel door: dark metal with darker round holes on a staggered grid. It tiles
 * seamlessly when `holes` is even (the stagger alternates row by row).
 */
export function perforationPixels(options: PerforationOptions = {}): Pixels {
  const { size = 64, holes = 8, radius = 0.32, metal = [92, 98, 106], hole = [14, 15, 18] } = options;
  if (holes % 2 !== 0) throw new RangeError('perforationPixels: holes must be even to tile');
  const p = blank(size);
  const pitch = size / holes;
  const r2 = (radius * pitch) ** 2;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const row = Math.floor(y / pitch);
      const shift = row % 2 === 1 ? pitch / 2 : 0;
      // Offsets from the nearest hole's centre; the pattern wraps because `size` is whole pitches.
      const dx = ((((x + 0.5 - shift) % pitch) + pitch) % pitch) - pitch / 2;
      const dy = y + 0.5 - (row + 0.5) * pitch;
      put(p, x, y, dx * dx + dy * dy <= r2 ? hole : metal);
    }
  return p;
}

export interface ConcreteOptions {
  size?: number;
  /** Cells of the coarse noise per side (it tiles seamlessly). */
  cells?: number;
  base?: Rgb;
  /** ± grey levels of the coarse blotches and of the fine grain. */
  blotch?: number;
  grain?: number;
  seed?: number;
}

/** Painted concrete: a base colour with soft blotches (tiling value noise) and fine grain. */
export function concretePixels(options: ConcreteOptions = {}): Pixels {
  const { size = 128, cells = 8, base = [196, 193, 186], blotch = 9, grain = 4, seed = 7 } = options;
  const rand = random(seed);
  const lattice = Array.from({ length: cells * cells }, () => rand() * 2 - 1);
  const at = (i: number, j: number) => lattice[((j + cells) % cells) * cells + ((i + cells) % cells)]!;
  const smooth = (t: number) => t * t * (3 - 2 * t);
  const p = blank(size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const u = (x / size) * cells;
      const v = (y / size) * cells;
      const i = Math.floor(u);
      const j = Math.floor(v);
      const fu = smooth(u - i);
      const fv = smooth(v - j);
      const top = at(i, j) * (1 - fu) + at(i + 1, j) * fu;
      const bottom = at(i, j + 1) * (1 - fu) + at(i + 1, j + 1) * fu;
      const n = top * (1 - fv) + bottom * fv;
      put(p, x, y, base, Math.round(n * blotch + (rand() * 2 - 1) * grain));
    }
  return p;
}

/** A repeating, mipmapped sRGB texture of `pixels`, drawn on a canvas made here (needs a DOM). */
export function canvasTexture(pixels: Pixels, anisotropy = 1): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = pixels.width;
  canvas.height = pixels.height;
  const ctx = canvas.getContext('2d');
  if (ctx) ctx.putImageData(new ImageData(new Uint8ClampedArray(pixels.data), pixels.width, pixels.height), 0, 0);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.wrapS = texture.wrapT = RepeatWrapping;
  texture.anisotropy = anisotropy;
  return texture;
}
