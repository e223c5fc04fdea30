import { describe, expect, it } from 'vitest';
import type { HallThermalField } from '../thermal/types';
import { bracket, horizontalSlice, sampleFlow, sliceRgba, verticalSlice } from './thermalSlices';

/**
 * A 4 × 3 × 2 field of 0.5 m cells whose temperature is a known function of the cell, T = i + 10 j + 100 k,
 * so every extracted value can be checked by hand. Cell (1, 1, 0) is solid.
 */
function field(): HallThermalField {
  const [nx, ny, nz] = [4, 3, 2];
  const n = nx * ny * nz;
  const temperatureC = new Float32Array(n);
  const velocity = new Float32Array(3 * n);
  const solid = new Uint8Array(n);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const c = i + nx * (j + ny * k);
        temperatureC[c] = i + 10 * j + 100 * k;
        velocity[3 * c] = 1; // 1 m/s along x everywhere…
        velocity[3 * c + 2] = i === 3 ? 0.5 : 0; // …rising at the east end
      }
  const blocked = 1 + nx * 1;
  solid[blocked] = 1;
  temperatureC[blocked] = NaN;
  velocity.fill(0, 3 * blocked, 3 * blocked + 3);
  return { hallId: 'h', grid: { nx, ny, nz, cellM: 0.5, zOriginM: 0 }, temperatureC, velocity, solid };
}

describe('thermal slices', () => {
  it('brackets a height between cell centres', () => {
    // Centres at 0.25 and 0.75 m: 0.5 m is halfway, below the first centre holds the first layer.
    expect(bracket(0.5, 2, 0.5)).toEqual({ lo: 0, hi: 1, w: 0.5 });
    expect(bracket(0.1, 2, 0.5)).toEqual({ lo: 0, hi: 0, w: 0 });
    expect(bracket(0.9, 2, 0.5)).toEqual({ lo: 1, hi: 1, w: 0 });
  });

  it('cuts a horizontal plane, interpolating between layers; a solid cell gives way to the air beside it', () => {
    const f = field();
    const at = horizontalSlice(f, 0.25);
    expect([at.width, at.height]).toEqual([4, 3]);
    expect(at.values[2 + 4 * 1]).toBe(12);
    expect(Number.isNaN(at.values[1 + 4 * 1]!)).toBe(true);
    const mid = horizontalSlice(f, 0.5);
    expect(mid.values[2 + 4 * 2]).toBeCloseTo(22 + 50, 5);
    // Cell (1, 1, 0) is solid: the layer above (111) stands for the plane there.
    expect(mid.values[1 + 4 * 1]).toBe(111);
  });

  it('measures heights from the slab when the grid starts on a raised floor', () => {
    const raised = field();
    raised.grid.zOriginM = 0.6;
    // 0.6 m deck: layer centres at 0.85 and 1.35 m; 1.1 m is halfway between them.
    expect(horizontalSlice(raised, 1.1).values[2 + 4 * 2]).toBeCloseTo(72, 5);
    expect(horizontalSlice(raised, 0.2).values[3]).toBe(3);
    const arrows = sampleFlow(raised, { kind: 'horizontal', heightM: 1.4 });
    expect(new Set(arrows.samples.map((s) => s.z))).toEqual(new Set([1.35]));
  });

  it('cuts vertical planes along x and along y', () => {
    const f = field();
    const alongX = verticalSlice(f, 'x', 1.25); // y = 1.25: the centre of row j = 2
    expect([alongX.width, alongX.height]).toEqual([4, 2]);
    expect(alongX.values[3 + 4 * 1]).toBe(123);
    const alongY = verticalSlice(f, 'y', 0.5); // x = 0.5: halfway between columns 0 and 1
    expect([alongY.width, alongY.height]).toEqual([3, 2]);
    expect(alongY.values[2 + 3 * 0]).toBeCloseTo(20.5, 5);
    expect(alongY.values[1 + 3 * 0]).toBe(10); // (1, 1, 0) is solid: column 0 alone
  });

  it('colours air on the scale and leaves solid cells transparent', () => {
    const rgba = sliceRgba(horizontalSlice(field(), 0.25), { minC: 0, maxC: 23 }, 200);
    expect([...rgba.slice(0, 4)]).toEqual([0x31, 0x36, 0x95, 200]);
    expect([...rgba.slice(4 * 5, 4 * 5 + 4)]).toEqual([0, 0, 0, 0]);
  });

  it('samples velocities on a plane, skipping solid cells, at most the asked number', () => {
    const f = field();
    const flat = sampleFlow(f, { kind: 'horizontal', heightM: 0.25 });
    expect(flat.samples).toHaveLength(11); // 12 cells, one solid
    expect(flat.spacingM).toBe(0.5);
    const east = flat.samples.find((s) => s.x === 1.75 && s.y === 0.25)!;
    expect(east).toMatchObject({ z: 0.25, u: 1, v: 0, w: 0.5 });
    expect(east.speed).toBeCloseTo(Math.hypot(1, 0.5), 6);
    expect(flat.fastest).toBeCloseTo(Math.hypot(1, 0.5), 6);
    const sparse = sampleFlow(f, { kind: 'horizontal', heightM: 0.25 }, 3);
    expect(sparse.samples.length).toBeLessThanOrEqual(3);
    expect(sparse.spacingM).toBe(1);
    const wall = sampleFlow(f, { kind: 'vertical', axis: 'y', positionM: 1.9 });
    expect(wall.samples.map((s) => s.x)).toEqual(Array(6).fill(1.75));
  });
});
