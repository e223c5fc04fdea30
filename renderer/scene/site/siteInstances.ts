/**
 * What the site view's meshes of many small items share: their capacity, the span of a buffer an
 * edit rewrote, the matrix of an item that is not drawn, the shapes the cooling units and
 * containment panels are drawn with, and the merged mesh that draws them.
 */
import {
  Box3,
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  type Color,
  DynamicDrawUsage,
  Matrix4,
  PlaneGeometry,
  Sphere,
  Vector3,
} from 'three';
import { mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { RackDiff } from './rackDiff';

/** Which items to rewrite: all of them, or `changed` (ascending) within [from, to] (empty when from > to). */
export type InstanceDiff = RackDiff;

/** Capacity in powers of two, as in the hall view, so adding items one by one does not remake the meshes. */
export function capacityFor(n: number): number {
  return Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, n))));
}

/**
 * An item the site view does not draw keeps its place (item i stays the document's item i, so a
 * click finds it) scaled to nothing: its triangles collapse to a point, never rasterised or picked.
 */
export const HIDDEN = Object.freeze(new Matrix4().makeScale(0, 0, 0));

/** The changed indices as a diff: sorted, with their span. */
export function spanOf(changed: number[]): InstanceDiff {
  changed.sort((a, b) => a - b);
  return { full: false, changed, from: changed[0] ?? 0, to: changed.at(-1) ?? -1 };
}

/**
 * The box the cooling units are drawn with: a unit cube centred on the origin (each unit's matrix
 * makes it the unit's box) without its bottom face, which the site's camera, kept above the
 * floor, never sees: 10 triangles. Its 8 corners only, without the per-face copies (24 vertices)
 * that carry a box's normals: the material is lit flat, working each face's normal out per pixel.
 */
export function openBox(): BufferGeometry {
  const box = new BoxGeometry(1, 1, 1);
  // BoxGeometry's faces in order +x, −x, +y, −y, +z, −z, 6 indices each: drop −y.
  const index = box.getIndex()!.array;
  box.setIndex([...index.slice(0, 18), ...index.slice(24)]);
  box.deleteAttribute('normal');
  box.deleteAttribute('uv');
  const corners = mergeVertices(box);
  box.dispose();
  return corners;
}

/** A unit square in the XY plane centred on the origin (2 triangles): a containment panel, drawn from both sides. */
export function unitPanel(): BufferGeometry {
  const panel = new PlaneGeometry(1, 1);
  panel.deleteAttribute('normal');
  panel.deleteAttribute('uv');
  return panel;
}

/**
 * Many copies of one small shape merged into one ordinary mesh, each placed by a matrix and
 * painted one colour, with InstancedMesh's way of setting them (setMatrixAt, setColorAt). The
 * copies are not GPU instances because SwiftShader, the software renderer of the end-to-end
 * browser and of machines without a GPU, draws each instance as a draw of its own: a frame's cost
 * grows by some 30 µs per instance however small (the racks: about 300 ms for 10,000 instances),
 * where the same triangles merged cost little. Setting item i's matrix transforms the shape's
 * vertices into item i's span of the position buffer; only the spans written are uploaded. Item i
 * is triangles [i × t, (i + 1) × t) for a shape of t triangles, so a click's face is the item.
 */
export class MergedShapes {
  /** The shape each item is a copy of, as given (the GLB export places one node of it per item). */
  readonly shape: BufferGeometry;
  /** The merged copies: positions and colours per vertex, the shape's index repeated per item. */
  readonly geometry: BufferGeometry;
  readonly capacity: number;
  /** Each item's matrix, 16 numbers (column-major, as Matrix4.elements). */
  readonly matrices: Float32Array;
  readonly trianglesPerItem: number;
  /** Items drawn: the first `count`. */
  count = 0;
  private readonly corners: Vector3[];
  private readonly position: BufferAttribute;
  private readonly colour: BufferAttribute;
  private readonly indicesPerItem: number;

  constructor(shape: BufferGeometry, capacity: number) {
    const source = shape.getAttribute('position');
    const index = shape.getIndex();
    if (!index) throw new Error('MergedShapes needs an indexed shape.');
    this.shape = shape;
    this.capacity = capacity;
    this.corners = Array.from({ length: source.count }, (_, v) => new Vector3().fromBufferAttribute(source, v));
    this.indicesPerItem = index.count;
    this.trianglesPerItem = index.count / 3;
    this.matrices = new Float32Array(capacity * 16);
    const vertices = source.count;
    this.position = new BufferAttribute(new Float32Array(capacity * vertices * 3), 3).setUsage(DynamicDrawUsage);
    this.colour = new BufferAttribute(new Float32Array(capacity * vertices * 3), 3).setUsage(DynamicDrawUsage);
    const indices = new Uint32Array(capacity * index.count);
    for (let i = 0; i < capacity; i++)
      for (let k = 0; k < index.count; k++) indices[i * index.count + k] = i * vertices + index.getX(k);
    this.geometry = new BufferGeometry();
    this.geometry.setAttribute('position', this.position);
    this.geometry.setAttribute('color', this.colour);
    this.geometry.setIndex(new BufferAttribute(indices, 1));
    this.geometry.setDrawRange(0, 0);
  }

  setMatrixAt(i: number, matrix: Matrix4): void {
    matrix.toArray(this.matrices, i * 16);
    const out = new Vector3();
    const base = i * this.corners.length;
    this.corners.forEach((corner, v) => {
      out.copy(corner).applyMatrix4(matrix);
      this.position.setXYZ(base + v, out.x, out.y, out.z);
    });
  }

  getMatrixAt(i: number, matrix: Matrix4): Matrix4 {
    return matrix.fromArray(this.matrices, i * 16);
  }

  /** Paints item i `colour` (three's working colour space, as vertex colours are read). */
  setColorAt(i: number, colour: Color): void {
    const base = i * this.corners.length;
    for (let v = 0; v < this.corners.length; v++) this.colour.setXYZ(base + v, colour.r, colour.g, colour.b);
  }

  getColorAt(i: number, colour: Color): Color {
    const base = i * this.corners.length;
    return colour.setRGB(this.colour.getX(base), this.colour.getY(base), this.colour.getZ(base));
  }

  /** Draws the first `n` items (at most the capacity). */
  setCount(n: number): void {
    this.count = Math.min(n, this.capacity);
    this.geometry.setDrawRange(0, this.count * this.indicesPerItem);
  }

  /** The item a picked triangle belongs to. */
  itemOf(faceIndex: number): number {
    return Math.floor(faceIndex / this.trianglesPerItem);
  }

  /** Marks items [from, to]'s positions for upload; false when the span is empty. */
  uploadMatrices(from: number, to: number): boolean {
    return this.upload(this.position, from, to);
  }

  /** Marks items [from, to]'s colours for upload; false when the span is empty. */
  uploadColours(from: number, to: number): boolean {
    return this.upload(this.colour, from, to);
  }

  /**
   * The bounds that picking tests first, worked out when items come or go: around the items drawn
   * and the site's extent (from the ground to `heightM`), so that an item moved later, anywhere on
   * the site, is still found without working them out again.
   */
  computeBounds(site: { width: number; depth: number }, heightM: number): void {
    this.geometry.computeBoundingSphere();
    const extent = new Box3(new Vector3(0, 0, 0), new Vector3(site.width, heightM, site.depth));
    this.geometry.boundingSphere!.union(extent.getBoundingSphere(new Sphere()));
  }

  dispose(): void {
    this.geometry.dispose();
  }

  private upload(attribute: BufferAttribute, from: number, to: number): boolean {
    if (to < from) return false;
    const span = this.corners.length * 3;
    attribute.clearUpdateRanges();
    attribute.addUpdateRange(from * span, (to - from + 1) * span);
    attribute.needsUpdate = true;
    return true;
  }
}
