/**
 * The floor check on whole documents: the sample facility on its default slab, a GB200 NVL72
 * rack (worked case 10b's 1,360 kg), aisle shares measured between rows and against walls, a weak
 * floor, undeclared ratings, the raised-floor tile note, and findings grouped per hall.
 */
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { newProject, newRack } from '../../model/factory';
import type { ProjectDocument } from '../../model/schema';
import { buildSampleFacility } from '../../sample/sampleFacility';
import { coolingHallDoc, type RowSpec } from '../../testing/coolingFixtures';
import { runChecks } from '../index';
import { createChecker } from '../incremental';
import { runFloorChecks } from './index';
import { G } from './load';

const floorFindings = (doc: ProjectDocument) => runChecks(doc).findings.filter((f) => f.rule.startsWith('floor.'));
const rules = (doc: ProjectDocument) => floorFindings(doc).map((f) => `${f.severity} ${f.rule}`);
const GB200 = [{ catalogId: 'nvidia-gb200-nvl72', count: 1 }];
const row = (spec: Partial<RowSpec> & Pick<RowSpec, 'id' | 'y' | 'rotationDeg'>): RowSpec => ({
  count: 1,
  devices: [],
  ...spec,
});

describe('floor loading on documents', () => {
  it('the sample facility stands on its default slab: every rack passes, and the assumed rating is noted', () => {
    const doc = buildSampleFacility();
    const results = runChecks(doc);
    const dgx = doc.racks.filter((r) => r.rowId === 'row-a-02');
    expect(dgx).toHaveLength(12);
    for (const r of dgx) {
      const load = results.floor.racks.get(r.id)!;
      // 160 kg rack + 3 × 130.45 kg DGX H100 + 2 rack PDUs × 12 kg (A and B circuits) = 575.35 kg.
      expect(load.mass).toMatchObject({ emptyKg: 160, pdus: 2, pdusKg: 24 });
      expect(load.mass.massKg).toBeCloseTo(575.35, 6);
      expect(load.footprintKpa).toBeCloseTo((575.35 * G) / 1000 / 0.72, 9);
      expect(load.verdict).toBe('pass');
    }
    expect(results.floor.halls.get('hall-a')).toMatchObject({ racks: 32, errors: 0, warnings: 0 });
    expect(rules(doc)).toEqual(['info floor.FLOOR-4']);
    const note = floorFindings(doc)[0]!;
    expect(note.entities).toEqual(['hall-a']);
    expect(note.message).toContain('12.00 kPa (250.6 psf) uniform and 4.50 kN (1,012 lbf) concentrated');
    expect(note.message).toContain("Replace them with the building's structural rating");
  });

  it('a GB200 NVL72 rack (1,360 kg with its frame) asks for a structural review on the TIA-942 slab', () => {
    const doc = coolingHallDoc([row({ id: 'nvl', y: 7.5, rotationDeg: 0, devices: GB200 })]);
    const [warning] = floorFindings(doc).filter((f) => f.severity === 'warning');
    expect(warning).toMatchObject({ rule: 'floor.FLOOR-3', entities: ['nvl-1'] });
    expect(warning!.message).toMatch(/^FLOOR-3: Hall 1: structural review required/);
    // 160 kg frame + 1,200 kg of equipment, no circuits yet: 1,360 kg on 0.6 × 1.2 m.
    expect(warning!.values).toMatchObject({ massKg: 1_360, emptyKg: 160, devicesKg: 1_200, rackPdus: 0 });
    expect(warning!.values.footprintKpa).toBeCloseTo((1_360 * G) / 1000 / 0.72, 9);
    // Nothing faces it within reach: half the 1.2 m cold and 0.9 m hot aisle minima, said so.
    expect(warning!.values).toMatchObject({ frontAisleHalfM: 0.6, backAisleHalfM: 0.45, frontAisleOpen: 1 });
    expect(warning!.values.pitchKpa).toBeCloseTo((1_360 * G) / 1000 / (0.6 * 2.25), 9);
    expect(warning!.values.pointKn).toBeCloseTo((1_360 * G) / 4000, 9);
    expect(warning!.message).toContain('half the 1.2 m minimum cold aisle');
    expect(warning!.formula).toContain('q_footprint = m·g / (w · d)');
    expect(warning!.source).toContain('TIA-942');
  });

  it('measures the aisles between facing rows and rows back to back', () => {
    // Row f faces +y (front at y = 5.6), row g faces −y (front at 6.8): a 1.2 m cold aisle.
    // Row b backs onto row f: backs at 3.8 and 4.4, a 0.6 m hot aisle.
    const doc = coolingHallDoc([
      row({ id: 'b', y: 3.2, rotationDeg: 0 }),
      row({ id: 'f', y: 5, rotationDeg: 180 }),
      row({ id: 'g', y: 7.4, rotationDeg: 0 }),
    ]);
    const loads = runChecks(doc).floor.racks;
    const f = loads.get('f-1')!;
    expect(f.aisles.front).toMatchObject({ by: 'rack', otherId: 'g-1' });
    expect(f.aisles.front.clearM).toBeCloseTo(1.2, 9);
    expect(f.frontHalfM).toBeCloseTo(0.6, 9);
    expect(f.aisles.back).toMatchObject({ by: 'rack', otherId: 'b-1' });
    expect(f.backHalfM).toBeCloseTo(0.3, 9);
    expect(f.pitchM2).toBeCloseTo(0.6 * (1.2 + 0.6 + 0.3), 9);
    // Row g's back looks at the far wall, 7.1 m away: open, half the 0.9 m hot aisle minimum.
    expect(loads.get('g-1')!.aisles.back).toMatchObject({ by: 'open', halfM: 0.45, clearM: null });
  });

  it('takes half the clear distance to a wall: none for a rack backed against it', () => {
    // The perimeter wall along y = 0 is 0.3 m thick, centred on its line: its face is at y = 0.15.
    const doc = coolingHallDoc([
      row({ id: 'backed', y: 0.75, rotationDeg: 180 }),
      row({ id: 'facing', y: 1.75, rotationDeg: 0 }),
    ]);
    doc.racks.find((r) => r.id === 'facing-1')!.position.x = 12;
    const loads = runChecks(doc).floor.racks;
    const backed = loads.get('backed-1')!;
    expect(backed.aisles.back).toMatchObject({ by: 'wall', otherId: 'hall-1-wall-1', clearM: 0, halfM: 0 });
    expect(backed.pitchM2).toBeCloseTo(0.6 * (1.2 + 0.6 + 0), 9);
    const facing = loads.get('facing-1')!;
    expect(facing.aisles.front).toMatchObject({ by: 'wall', otherId: 'hall-1-wall-1' });
    expect(facing.aisles.front.clearM).toBeCloseTo(1, 9);
    expect(facing.frontHalfM).toBeCloseTo(0.5, 9);
  });

  it('a thick wall whose centre line is beyond reach bounds the aisle at its near face', () => {
    // The rack's front is at y = 2.6. A 0.6 m wall centred on y = 5.8 (3.2 m away, beyond the 3 m
    // reach) has its near face at y = 5.5: 2.9 m of clear aisle, within reach.
    const doc = coolingHallDoc([row({ id: 'r', y: 2, rotationDeg: 180 })]);
    const wall = doc.walls[0]!;
    doc.walls.push({
      ...wall,
      id: 'thick',
      a: { x: 0, y: 5.8 },
      b: { x: doc.halls[0]!.width, y: 5.8 },
      thickness: 0.6,
    });
    const front = runChecks(doc).floor.racks.get('r-1')!.aisles.front;
    expect(front).toMatchObject({ by: 'wall', otherId: 'thick' });
    expect(front.clearM).toBeCloseTo(2.9, 9);
    // Moved 0.2 m further, its face is 3.1 m away: open.
    doc.walls[doc.walls.length - 1] = {
      ...doc.walls[doc.walls.length - 1]!,
      a: { x: 0, y: 6 },
      b: { x: doc.halls[0]!.width, y: 6 },
    };
    expect(runChecks(doc).floor.racks.get('r-1')!.aisles.front).toMatchObject({ by: 'open', clearM: null });
  });

  it('a 2 kPa, 1 kN floor fails the GPU racks on the distributed and point bases, the miners on their footprint', () => {
    const doc = buildSampleFacility();
    doc.halls[0]!.floor = { ...doc.halls[0]!.floor, uniformLoadKpa: 2, pointLoadKn: 1, ratingDeclared: true };
    const found = floorFindings(doc);
    expect(found.map((f) => `${f.severity} ${f.rule}`).sort()).toEqual([
      'error floor.FLOOR-1',
      'error floor.FLOOR-2',
      'warning floor.FLOOR-3',
    ]);
    const gpu = doc.racks.filter((r) => r.rowId === 'row-a-02').map((r) => r.id);
    const miners = doc.racks.filter((r) => r.rowId === 'row-a-01').map((r) => r.id);
    const byRule = (rule: string) => found.find((f) => f.rule === rule)!;
    expect([...byRule('floor.FLOOR-1').entities].sort()).toEqual([...gpu].sort());
    expect([...byRule('floor.FLOOR-2').entities].sort()).toEqual([...gpu].sort());
    // Miner bays: 60 + 9 × 14.2 + 12 = 199.8 kg: 3.27 kPa under the footprint, 1.48 kPa over the pitch, 0.49 kN a foot.
    const fp = byRule('floor.FLOOR-3');
    expect([...fp.entities].sort()).toEqual([...miners].sort());
    expect(fp.values.massKg).toBeCloseTo(199.8, 9);
    expect(fp.values.footprintKpa).toBeCloseTo((199.8 * G) / 1000 / 0.6, 9);
    expect(byRule('floor.FLOOR-1').values).toMatchObject({ racks: 12, uniformRatingKpa: 2 });
    expect(byRule('floor.FLOOR-1').message).toContain('beyond its 2.00 kPa (41.8 psf) uniform rating');
    expect(byRule('floor.FLOOR-2').message).toContain("the floor's 1.00 kN (225 lbf) concentrated rating");
    expect(runChecks(doc).floor.halls.get('hall-a')).toMatchObject({ errors: 12, warnings: 20 });
  });

  it('notes undeclared ratings once per hall with racks, and no more once the building’s rating is entered', () => {
    const doc = newProject('p');
    expect(rules(doc)).toEqual([]);
    doc.racks.push(
      newRack({ id: 'r', name: 'r', hallId: 'hall-1', rackTypeId: 'rack-48u-600x1200', position: { x: 10, y: 7 } }),
      newRack({ id: 's', name: 's', hallId: 'hall-1', rackTypeId: 'rack-48u-600x1200', position: { x: 20, y: 7 } }),
    );
    expect(rules(doc)).toEqual(['info floor.FLOOR-4']);
    doc.halls[0]!.floor.ratingDeclared = true;
    expect(rules(doc)).toEqual([]);
  });

  it('on a raised floor, notes the load each tile must carry: ⅓ of the heaviest rack, ½ under a caster', () => {
    const doc = coolingHallDoc([row({ id: 'nvl', y: 7.5, rotationDeg: 0, devices: GB200 })]);
    doc.halls[0]!.floor = {
      kind: 'raised',
      raisedHeightM: 0.6,
      uniformLoadKpa: 12,
      pointLoadKn: 4.5,
      ratingDeclared: true,
    };
    const tile = floorFindings(doc).find((f) => f.rule === 'floor.FLOOR-5')!;
    expect(tile.severity).toBe('info');
    expect(tile.entities).toEqual(['hall-1', 'nvl-1']);
    expect(tile.values.tileKn).toBeCloseTo((1_360 * G) / 3000, 9);
    expect(tile.values.casterKn).toBeCloseTo((1_360 * G) / 2000, 9);
    expect(tile.message).toContain("floor vendor's design");
  });

  it('groups racks per hall and basis: 40 heavy racks give one finding naming all of them', () => {
    const doc = coolingHallDoc([row({ id: 'nvl', y: 7.5, rotationDeg: 0, count: 40, devices: GB200 })]);
    doc.halls[0]!.floor.ratingDeclared = true;
    const found = floorFindings(doc);
    expect(found).toHaveLength(1);
    expect(found[0]!.entities).toHaveLength(40);
    expect(found[0]!.values.racks).toBe(40);
  });

  it('reads a rack type’s load points where the catalog gives them', () => {
    const doc = newProject('p');
    doc.racks.push(
      newRack({ id: 'r', name: 'r', hallId: 'hall-1', rackTypeId: 'rack-48u-600x1200', position: { x: 10, y: 7 } }),
    );
    const base = catalogFor(doc);
    const six = { ...base, rackType: (id: string) => ({ ...base.rackType(id)!, loadPoints: 6 }) };
    expect(runFloorChecks(doc, six).metrics.racks.get('r')).toMatchObject({ loadPoints: 6 });
    expect(runFloorChecks(doc, base).metrics.racks.get('r')).toMatchObject({ loadPoints: 4 });
  });
});

describe('floor loads after an edit of one rack', () => {
  /** Two rows of H100 racks in one hall, checked by an editor's checker. */
  const twoRows = () =>
    coolingHallDoc([
      row({ id: 'a', y: 5, rotationDeg: 0, count: 4, devices: [{ catalogId: 'nvidia-dgx-h100', count: 3 }] }),
      row({ id: 'b', y: 9, rotationDeg: 180, count: 4, devices: [{ catalogId: 'nvidia-dgx-h100', count: 2 }] }),
    ]);
  const withRack = (doc: ProjectDocument, id: string, edit: (r: ProjectDocument['racks'][number]) => object) => ({
    ...doc,
    racks: doc.racks.map((r) => (r.id === id ? { ...r, ...edit(r) } : r)),
  });

  it('keeps the other racks’ load objects, and gives a check from scratch’s loads', () => {
    const doc = twoRows();
    const checker = createChecker();
    const before = checker.check(doc).floor.racks;
    const lighter = withRack(doc, 'a-2', (r) => ({ devices: r.devices.slice(1) }));
    const after = checker.check(lighter).floor.racks;
    expect(after.get('a-2')!.mass.massKg).toBeLessThan(before.get('a-2')!.mass.massKg);
    expect(after.get('a-1')).toBe(before.get('a-1'));
    expect(after.get('b-3')).toBe(before.get('b-3'));
    expect([...after]).toEqual([...runChecks(lighter).floor.racks]);
  });

  it('works out again the racks whose aisles a move changed, as from scratch', () => {
    const doc = twoRows();
    const checker = createChecker();
    checker.check(doc);
    const closer = withRack(doc, 'b-1', (r) => ({ position: { ...r.position, y: 7.2 } }));
    const after = checker.check(closer).floor.racks;
    expect([...after]).toEqual([...runChecks(closer).floor.racks]);
    expect(after.get('a-1')!.aisles).toEqual(runChecks(closer).floor.racks.get('a-1')!.aisles);
  });
});
