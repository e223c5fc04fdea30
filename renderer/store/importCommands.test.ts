import { describe, expect, it } from 'vitest';
import { planFromDxf, readDxf, type DxfPlan } from '../../shared/index';
import { HALL_OUTLINE_MM, writeDxf, type TestEntity } from '../../shared/import/dxfWriter.testing';
import { importPlanAsHall, importPlanIntoHall } from './importCommands';
import { doc, fresh, reopens, run } from './storeTesting';

/** A plan read from a DXF in millimetres: the 60 × 24 m outline and a 10 m partition. */
function planOf(entities: TestEntity[] = [HALL_OUTLINE_MM]): DxfPlan {
  const read = readDxf(writeDxf({ insunits: 4, layers: ['A-WALL'], entities }));
  if (!read.ok) throw new Error(read.error);
  const plan = planFromDxf(read.drawing, { layers: ['A-WALL'], units: 'mm', wallThicknessM: 0.25, wallHeightM: 7 });
  if (!plan.ok) throw new Error(plan.error);
  return plan.plan;
}

const PARTITION: TestEntity = { type: 'LINE', layer: 'A-WALL', a: [20_000, 0], b: [20_000, 10_000] };

describe('importPlanAsHall', () => {
  it('adds a hall sized to the plan with its walls, in one step that undo takes back whole', () => {
    const store = fresh();
    const before = doc(store);
    const hallId = run(
      store,
      importPlanAsHall(doc(store), planOf([HALL_OUTLINE_MM, PARTITION]), {
        name: ' Hall B (from DXF) ',
        code: 'b',
        height: 7,
        buildingId: 'building-main',
      }),
    ).id!;
    const hall = doc(store).halls.find((h) => h.id === hallId)!;
    expect(hall).toEqual({
      id: hallId,
      name: 'Hall B (from DXF)',
      code: 'B',
      buildingId: 'building-main',
      width: 60,
      depth: 24,
      height: 7,
      floor: { kind: 'slab', raisedHeightM: 0, uniformLoadKpa: 12, pointLoadKn: 4.5, ratingDeclared: false },
    });
    const walls = doc(store).walls.filter((w) => w.hallId === hallId);
    expect(walls).toHaveLength(5);
    expect(walls.every((w) => w.thickness === 0.25 && w.height === 7)).toBe(true);
    expect(new Set(doc(store).walls.map((w) => w.id)).size).toBe(doc(store).walls.length);
    expect(walls).toContainEqual(expect.objectContaining({ a: { x: 20, y: 24 }, b: { x: 20, y: 14 } }));
    expect(reopens(store)).toBe(true);
    expect(store.getState().history.undo.at(-1)!.label).toBe('Import Hall B (from DXF) from DXF');

    store.getState().undo();
    expect(doc(store)).toEqual(before);
    store.getState().redo();
    expect(doc(store).halls.map((h) => h.code)).toEqual(['A', 'B']);
  });

  it('takes a raised floor', () => {
    const store = fresh();
    const id = run(
      store,
      importPlanAsHall(doc(store), planOf(), {
        name: 'Hall C',
        code: 'C',
        height: 5,
        floor: { kind: 'raised', raisedHeightM: 0.6 },
      }),
    ).id!;
    expect(doc(store).halls.find((h) => h.id === id)!.floor).toMatchObject({ kind: 'raised', raisedHeightM: 0.6 });
    expect(reopens(store)).toBe(true);
  });

  it('refuses a blank name, a code in use or not a code, a bad height and a plan without area', () => {
    const d = fresh().getState().doc;
    const fields = { name: 'Hall B', code: 'B', height: 6 };
    expect(importPlanAsHall(d, planOf(), { ...fields, name: '  ' })).toEqual({
      ok: false,
      reason: 'The new hall needs a name.',
    });
    expect(importPlanAsHall(d, planOf(), { ...fields, code: 'a' })).toEqual({
      ok: false,
      reason: 'Hall code "A" is already used by Hall A (ex-mining): choose another.',
    });
    const bad = importPlanAsHall(d, planOf(), { ...fields, code: 'B-2' });
    expect(bad.ok ? null : bad.reason).toBe('New hall: code: letters and digits only');
    const low = importPlanAsHall(d, planOf(), { ...fields, height: 0 });
    expect(low.ok ? null : low.reason).toMatch(/^New hall: height: /);
    const line = importPlanAsHall(d, planOf([PARTITION]), fields);
    expect(line.ok ? null : line.reason).toBe(
      'The chosen lines lie on one line (0 m × 10 m): a hall needs a width and a depth. Choose the layers that draw its outline, or import into an existing hall.',
    );
    expect(importPlanAsHall(d, planOf(), { ...fields, buildingId: 'building-gone' }).ok).toBe(false);
  });

  it("refuses walls beyond the project's limit of 100,000", () => {
    const d = fresh().getState().doc;
    const plan = planOf();
    const many = { ...plan, walls: Array.from({ length: 100_000 }, () => plan.walls[0]!) };
    const r = importPlanAsHall(d, many, { name: 'Hall B', code: 'B', height: 6 });
    expect(r.ok ? null : r.reason).toBe(
      `The project would hold ${(100_000 + d.walls.length).toLocaleString('en-US')} walls; a project holds at most 100,000. Import fewer layers, or purge the drawing first.`,
    );
  });
});

describe('importPlanIntoHall', () => {
  it("adds the plan's walls to a hall it fits in, from the hall's origin", () => {
    const store = fresh();
    const count = doc(store).walls.length;
    run(store, importPlanIntoHall(doc(store), 'hall-a', planOf([PARTITION])));
    const added = doc(store).walls.slice(count);
    expect(added).toEqual([
      { id: expect.any(String), hallId: 'hall-a', a: { x: 0, y: 10 }, b: { x: 0, y: 0 }, thickness: 0.25, height: 7 },
    ]);
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(doc(store).walls).toHaveLength(count);
  });

  it('refuses a plan larger than the hall, and a hall that is gone', () => {
    const d = fresh().getState().doc;
    const big = planOf([
      {
        type: 'LWPOLYLINE',
        layer: 'A-WALL',
        points: [
          [0, 0],
          [80_000, 0],
          [80_000, 30_000],
        ],
      },
    ]);
    expect(importPlanIntoHall(d, 'hall-a', big)).toEqual({
      ok: false,
      reason:
        'The plan is 80 m × 30 m, larger than Hall A (ex-mining) (60 m × 24 m). Import it as a new hall, or enlarge Hall A (ex-mining) first.',
    });
    expect(importPlanIntoHall(d, 'hall-z', planOf())).toEqual({ ok: false, reason: 'That hall no longer exists.' });
  });
});
