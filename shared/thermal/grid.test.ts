import { describe, expect, it } from 'vitest';
import { newHall, newProject, perimeterWalls } from '../model/factory';
import { catalogFor } from '../catalog';
import { rackThermal } from '../checks/cooling/rackThermal';
import { cellIndex, cellRange, createGrid } from './grid';
import { hallModel } from './hallModel';
import { voxelise, PANEL_POROSITY } from './voxelise';
import { thermalHallDoc } from '../testing/thermalHall';

describe('cellRange', () => {
  it('takes the cells whose centres lie in [min, max), so neighbours share none and leave no gap', () => {
    // 0.6 m racks on 0.5 m cells: [0, 0.6) holds centre 0.25; [0.6, 1.2) holds 0.75 (not 1.25).
    expect(cellRange(0, 0.6, 0.5, 10)).toEqual({ lo: 0, hi: 0 });
    expect(cellRange(0.6, 1.2, 0.5, 10)).toEqual({ lo: 1, hi: 1 });
    expect(cellRange(1.2, 1.8, 0.5, 10)).toEqual({ lo: 2, hi: 3 });
  });

  it('gives a box thinner than a cell the cell holding its middle, and nothing outside the grid', () => {
    expect(cellRange(0.3, 0.4, 1, 10)).toEqual({ lo: 0, hi: 0 });
    expect(cellRange(20, 21, 1, 10)).toBeNull();
  });
});

describe('voxelise', () => {
  it('pads the grid with a layer of closed cells all round', () => {
    const g = createGrid(2, 1, 1, 0.5, 0);
    expect([g.nx, g.ny, g.nz]).toEqual([4, 2, 2]);
    expect(g.solid[0]).toBe(1);
    expect(g.solid[cellIndex(g, 0, 0, 0)]).toBe(0);
  });

  it('closes an interior wall thinner than a cell, and ignores walls on the outline', () => {
    const doc = newProject('walls');
    const hall = newHall({ id: 'hall-1', name: 'H', code: 'H', width: 10, depth: 6, height: 3 });
    doc.halls = [hall];
    doc.walls = [
      ...perimeterWalls(hall),
      { id: 'w', hallId: 'hall-1', a: { x: 5, y: 0 }, b: { x: 5, y: 6 }, thickness: 0.1, height: 3 },
    ];
    const catalog = catalogFor(doc);
    const model = hallModel(doc, hall, catalog, rackThermal(doc, catalog));
    expect(model.walls.map((w) => w.id)).toEqual(['w']);
    const { grid } = voxelise(model, 0.5);
    // No open x-face crosses x = 5 at any height or depth.
    const i = 9; // cells 9 and 10 straddle x = 5
    for (let k = 0; k < grid.nz; k++)
      for (let j = 0; j < grid.ny; j++) {
        const p = cellIndex(grid, i, j, k);
        expect(grid.solid[p] === 1 || grid.solid[p + 1] === 1 || grid.cx[p] === 0).toBe(true);
      }
  });

  it('closes a contained aisle with leaky panels at its ends and roof', () => {
    const doc = thermalHallDoc({
      pairs: 1,
      perRow: 4,
      devices: 1,
      contained: true,
      unitsPerWall: 1,
      unitAirflowM3h: 10_000,
      supplyC: 20,
      heightM: 3,
      margin: 3,
    });
    const catalog = catalogFor(doc);
    const model = hallModel(doc, doc.halls[0]!, catalog, rackThermal(doc, catalog));
    const { grid, aisles } = voxelise(model, 0.2);
    expect(aisles).toHaveLength(1);
    const a = aisles[0]!;
    // The hot aisle is 1.2 m wide: 6 cells of 0.2 m, as high as the racks (2.27 m: 11 cells).
    expect(a.rj.hi - a.rj.lo + 1).toBe(6);
    expect(a.rk).toEqual({ lo: 0, hi: 10 });
    expect(grid.cz[cellIndex(grid, a.ri.lo, a.rj.lo, a.rk.hi)]).toBeCloseTo(PANEL_POROSITY, 6);
    expect(grid.cx[cellIndex(grid, a.ri.hi, a.rj.lo, 0)]).toBeCloseTo(PANEL_POROSITY, 6);
    expect(grid.cx[cellIndex(grid, a.ri.lo - 1, a.rj.lo, 0)]).toBeCloseTo(PANEL_POROSITY, 6);
  });
});
