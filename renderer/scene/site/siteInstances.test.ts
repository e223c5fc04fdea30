import { Color, Matrix4, Triangle, Vector3, type BufferAttribute } from 'three';
import { describe, expect, it } from 'vitest';
import { capacityFor, MergedShapes, openBox, spanOf, unitPanel } from './siteInstances';

describe('site view instances', () => {
  it('draws a unit as a box of its 8 corners without its bottom face, every face turned outwards', () => {
    const box = openBox();
    const position = box.getAttribute('position');
    const index = box.getIndex()!;
    expect(position.count).toBe(8);
    // Five faces of two triangles.
    expect(index.count).toBe(30);
    expect(box.getAttribute('normal')).toBeUndefined();
    const corner = (k: number) => new Vector3().fromBufferAttribute(position, index.getX(k));
    const normals = new Set<string>();
    for (let t = 0; t < index.count; t += 3) {
      const triangle = new Triangle(corner(t), corner(t + 1), corner(t + 2));
      const normal = triangle.getNormal(new Vector3());
      // Counter-clockwise seen from outside: the winding's normal points away from the centre.
      expect(normal.dot(triangle.getMidpoint(new Vector3()))).toBeGreaterThan(0);
      normals.add(
        normal
          .toArray()
          .map((v) => Math.round(v) + 0)
          .join(','),
      );
    }
    expect([...normals].sort()).toEqual(['-1,0,0', '0,0,-1', '0,0,1', '0,1,0', '1,0,0']);
    for (let i = 0; i < 8; i++)
      expect(new Vector3().fromBufferAttribute(position, i).toArray().map(Math.abs)).toEqual([0.5, 0.5, 0.5]);
  });

  it('merges copies of a shape: each item its corners placed by its matrix, its colour, its triangles', () => {
    const shapes = new MergedShapes(openBox(), 16);
    const position = shapes.geometry.getAttribute('position') as BufferAttribute;
    const colour = shapes.geometry.getAttribute('color') as BufferAttribute;
    expect(position.count).toBe(16 * 8);
    expect(shapes.geometry.getIndex()!.count).toBe(16 * 30);
    // Item 2: a 2 × 1 × 4 box standing at (10, 0.5, 20): corners x 9 … 11, y 0 … 1, z 18 … 22.
    const m = new Matrix4().makeScale(2, 1, 4).setPosition(10, 0.5, 20);
    shapes.setMatrixAt(2, m);
    shapes.setColorAt(2, new Color(1, 0.5, 0.25));
    const xs = new Set<number>();
    const zs = new Set<number>();
    for (let v = 16; v < 24; v++) {
      xs.add(position.getX(v));
      zs.add(position.getZ(v));
      expect([colour.getX(v), colour.getY(v), colour.getZ(v)]).toEqual([1, 0.5, 0.25]);
    }
    expect([...xs].sort((a, b) => a - b)).toEqual([9, 11]);
    expect([...zs].sort((a, b) => a - b)).toEqual([18, 22]);
    expect(shapes.getMatrixAt(2, new Matrix4()).equals(m)).toBe(true);
    expect(shapes.getColorAt(2, new Color()).toArray()).toEqual([1, 0.5, 0.25]);
    // The first three items drawn: 3 × 30 indices; item 2's triangles are 20 … 29, and its index
    // entries name its own vertices, 16 … 23.
    shapes.setCount(3);
    expect(shapes.geometry.drawRange).toEqual({ start: 0, count: 90 });
    expect([20, 29, 30].map((f) => shapes.itemOf(f))).toEqual([2, 2, 3]);
    const index = shapes.geometry.getIndex()!;
    for (let k = 60; k < 90; k++) expect(index.getX(k)).toBeGreaterThanOrEqual(16);
    // Only the items written are uploaded: item 2's 8 corners × 3 numbers.
    expect(shapes.uploadMatrices(2, 2)).toBe(true);
    expect(position.updateRanges).toEqual([{ start: 48, count: 24 }]);
    expect(shapes.uploadColours(3, 2)).toBe(false);
  });

  it('draws a containment panel as one square of two triangles', () => {
    const panel = unitPanel();
    expect(panel.getIndex()!.count).toBe(6);
    panel.computeBoundingBox();
    expect(panel.boundingBox!.min.toArray()).toEqual([-0.5, -0.5, 0]);
    expect(panel.boundingBox!.max.toArray()).toEqual([0.5, 0.5, 0]);
  });

  it('grows in powers of two and spans the changed instances', () => {
    expect([0, 16, 17, 1_218].map(capacityFor)).toEqual([16, 16, 32, 2_048]);
    expect(spanOf([9, 3, 5])).toEqual({ full: false, changed: [3, 5, 9], from: 3, to: 9 });
    expect(spanOf([])).toEqual({ full: false, changed: [], from: 0, to: -1 });
  });
});
