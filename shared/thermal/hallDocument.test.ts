/**
 * Halls are thermally independent (docs/engine/thermal.md): a hall's result is the same whether it
 * is solved inside the whole campus or from its own sub-document, and edits in other halls, in the
 * power chain or in security leave its sub-document's inputs unchanged.
 */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { newCoolingUnit } from '../model/coolingFactory';
import type { ProjectDocument } from '../model/schema';
import { buildSampleFacility } from '../sample/sampleFacility';
import { hallInputsChanged, thermalHallDocuments } from './hallDocument';
import { simulateThermal } from './simulate';
import type { ThermalRun } from './types';

/** The run without its wall-clock times, which differ from run to run. */
const timeless = (run: ThermalRun) => {
  if (!run.ok) throw new Error(run.error);
  return { ...run.result, seconds: 0, halls: run.result.halls.map((h) => ({ ...h, seconds: 0 })) };
};

/**
 * The sample with a copy of its hall beside it: hall-0 is the sample's hall-a, hall-1 the copy with
 * its racks, rows, containments, units and walls under new ids (69,120 coarse cells each).
 */
function twoHalls(): ProjectDocument {
  const sample = buildSampleFacility();
  const copy = <T extends { id: string }>(item: T): T => ({ ...item, id: `copy-${item.id}` });
  const inHall = (item: { hallId?: string | null }) => item.hallId === 'hall-a';
  return produce(sample, (d) => {
    d.halls[0]!.id = 'hall-0';
    d.halls.push({ ...d.halls[0]!, id: 'hall-1', name: 'Copy', code: 'CP' });
    for (const list of [d.racks, d.rows, d.walls, d.containments, d.cooling] as { hallId?: string | null }[][])
      for (const item of list) if (inHall(item)) item.hallId = 'hall-0';
    d.rows.push(...d.rows.map((r) => ({ ...copy(r), hallId: 'hall-1' })));
    d.racks.push(
      ...d.racks.map((r) => ({
        ...copy(r),
        hallId: 'hall-1',
        rowId: r.rowId && `copy-${r.rowId}`,
        liquidLoopId: null,
      })),
    );
    d.walls.push(...d.walls.filter((w) => w.hallId === 'hall-0').map((w) => ({ ...copy(w), hallId: 'hall-1' })));
    d.containments.push(
      ...d.containments.map((c) => ({
        ...copy(c),
        hallId: 'hall-1',
        rowIds: c.rowIds.map((id) => `copy-${id}`),
      })),
    );
    d.cooling.push(
      ...d.cooling
        .filter((u) => 'hallId' in u && u.hallId === 'hall-0' && u.kind !== 'cdu' && u.kind !== 'immersion-tank')
        .map((u) => ({ ...copy(u), hallId: 'hall-1' }) as ProjectDocument['cooling'][number]),
    );
  });
}

const campus = twoHalls();
const sub = (doc: ProjectDocument, hallId: string) => thermalHallDocuments(doc).get(hallId)!;

describe('one hall of a campus', () => {
  it('holds only its own hall, racks, units, walls and containments, and none of the unread parts', () => {
    const part = sub(campus, 'hall-1');
    expect(part.halls.map((h) => h.id)).toEqual(['hall-1']);
    expect(part.racks).toHaveLength(campus.racks.length / 2);
    expect(part.racks.every((r) => r.hallId === 'hall-1')).toBe(true);
    expect(part.cooling.every((u) => 'hallId' in u && u.hallId === 'hall-1')).toBe(true);
    expect(part.walls.every((w) => w.hallId === 'hall-1')).toBe(true);
    expect(part.power).toEqual([]);
    expect(part.doors).toEqual([]);
    expect(thermalHallDocuments(campus).size).toBe(2);
    // Computed once per document object.
    expect(thermalHallDocuments(campus).get('hall-1')).toBe(part);
  });

  it('takes along a liquid loop standing in another hall, since its kind sets where the heat goes', () => {
    const cdu = newCoolingUnit('cdu', {
      id: 'cdu-x',
      name: 'CDU in hall 0',
      hallId: 'hall-0',
      position: { x: 2, y: 2 },
      rackId: '',
      rejectionId: null,
      loopId: null,
    });
    const served = produce(campus, (d) => {
      d.cooling.push(cdu);
      d.racks.find((r) => r.hallId === 'hall-1')!.liquidLoopId = cdu.id;
    });
    expect(sub(served, 'hall-1').cooling.map((u) => u.id)).toContain(cdu.id);
    expect(sub(served, 'hall-0').cooling.map((u) => u.id)).toContain(cdu.id);
    expect(sub(campus, 'hall-1').cooling.map((u) => u.id)).not.toContain(cdu.id);
  });

  it('is solved exactly as inside the whole campus, and no edit elsewhere changes its result', () => {
    const inCampus = simulateThermal(campus, { resolutionM: 0.5, hallIds: ['hall-1'] });
    const alone = simulateThermal(sub(campus, 'hall-1'), { resolutionM: 0.5 });
    expect(timeless(alone)).toEqual(timeless(inCampus));
    // Hall 0 emptied of racks and its units moved: hall 1's air cannot tell.
    const elsewhere = produce(campus, (d) => {
      d.racks = d.racks.filter((r) => r.hallId !== 'hall-0');
      for (const u of d.cooling) if ('hallId' in u && u.hallId === 'hall-0') u.position.x += 3;
    });
    const after = simulateThermal(elsewhere, { resolutionM: 0.5, hallIds: ['hall-1'] });
    expect(timeless(after)).toEqual(timeless(inCampus));
  }, 60_000);
});

describe('hallInputsChanged', () => {
  const rackIn = (doc: ProjectDocument, hallId: string) => doc.racks.findIndex((r) => r.hallId === hallId);

  it('sees an edit in the hall, its settings and its catalog', () => {
    const moved = produce(campus, (d) => void (d.racks[rackIn(d, 'hall-1')]!.position.x += 0.6));
    expect(hallInputsChanged(sub(campus, 'hall-1'), sub(moved, 'hall-1'))).toBe(true);
    const renamed = produce(campus, (d) => void (d.halls[1]!.name = 'Renamed'));
    expect(hallInputsChanged(sub(campus, 'hall-1'), sub(renamed, 'hall-1'))).toBe(true);
    const lighting = produce(campus, (d) => void (d.settings.cooling.lightingWPerM2 += 5));
    expect(hallInputsChanged(sub(campus, 'hall-1'), sub(lighting, 'hall-1'))).toBe(true);
  });

  it('ignores edits in another hall, the power chain, security and display settings', () => {
    const edited = produce(campus, (d) => {
      d.racks[rackIn(d, 'hall-0')]!.position.x += 0.6;
      d.walls.find((w) => w.hallId === 'hall-0')!.thickness += 0.1;
      d.power.pop();
      d.zones = [];
      d.doors = [];
      d.settings.units = 'imperial';
      d.name = 'Renamed';
    });
    expect(hallInputsChanged(sub(campus, 'hall-1'), sub(edited, 'hall-1'))).toBe(false);
    expect(hallInputsChanged(sub(campus, 'hall-0'), sub(edited, 'hall-0'))).toBe(true);
  });
});
