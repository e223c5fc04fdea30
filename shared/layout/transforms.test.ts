import { describe, expect, it } from 'vitest';
import { alignGroup, distributeGroup, itemRect, rotateGroup, type PlanItem } from './transforms';

const item = (id: string, x: number, y: number, rotationDeg: PlanItem['rotationDeg'] = 0): PlanItem => ({
  id,
  position: { x, y },
  rotationDeg,
  widthM: 0.6,
  depthM: 1.2,
});

describe('group transforms', () => {
  it('turns a row a quarter turn about its centre: a row along x becomes one along y, fronts −y → +x', () => {
    const row = [item('a', 1.3, 5), item('b', 1.9, 5), item('c', 2.5, 5)];
    const turned = rotateGroup(row);
    expect(turned).toEqual([
      { id: 'a', position: { x: 1.9, y: 4.4 }, rotationDeg: 90 },
      { id: 'b', position: { x: 1.9, y: 5 }, rotationDeg: 90 },
      { id: 'c', position: { x: 1.9, y: 5.6 }, rotationDeg: 90 },
    ]);
    // Four turns give the row back.
    let items = row;
    for (let k = 0; k < 4; k++) items = rotateGroup(items).map((p) => ({ ...items.find((i) => i.id === p.id)!, ...p }));
    expect(items.map((i) => [i.position.x, i.position.y, i.rotationDeg])).toEqual(
      row.map((i) => [i.position.x, i.position.y, 0]),
    );
  });

  it('aligns edges and centres', () => {
    const items = [item('a', 1, 1), item('b', 4, 3, 90)];
    expect(alignGroup(items, 'left').map((p) => p.position.x)).toEqual([1, 1.3]);
    expect(alignGroup(items, 'bottom').map((p) => p.position.y)).toEqual([2.7, 3]);
    expect(alignGroup(items, 'centre-y').map((p) => p.position.y)).toEqual([1.85, 1.85]);
  });

  it('distributes with equal clear gaps, the ends fixed', () => {
    const items = [item('a', 0.3, 0), item('b', 1, 0), item('c', 10.3, 0), item('d', 4, 0)];
    const out = distributeGroup(items, 'x');
    const rects = out.map((p) => itemRect({ ...items.find((i) => i.id === p.id)!, ...p }));
    const gaps = rects.slice(1).map((r, k) => r.minX - rects[k]!.maxX);
    for (const g of gaps) expect(g).toBeCloseTo((10.6 - 2.4) / 3, 5);
    expect(out[0]!.position.x).toBe(0.3);
    expect(out[3]!.position.x).toBe(10.3);
  });
});
