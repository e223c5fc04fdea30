import { describe, expect, it } from 'vitest';
import { createChecker, runChecks, type Rack } from '../../../shared/index';
import { buildStressSite } from '../../../shared/testing/stressSite';
import { indexRacksByHall, type RackIndex } from '../hallIndex';
import { rackTints, TINT } from '../rackTints';
import { instancesToPaint, updateSiteTints, type SiteTints, type TintInputs } from './siteTints';

const doc = buildStressSite(1_000);
const checks = runChecks(doc);
const [h0, h1, h2] = doc.halls.map((h) => h.id) as [string, string, string];
const inHall = (racks: readonly Rack[], hallId: string | undefined) => racks.filter((r) => r.hallId === hallId);
const moved = (r: Rack): Rack => ({ ...r, position: { x: r.position.x + 0.01, y: r.position.y } });

const base: TintInputs = {
  colouring: 'type',
  power: checks.power,
  cooling: checks.cooling,
  errorEntities: new Set(),
  fed: new Set(),
  simulation: null,
  chain: doc.power,
  rows: null,
};

/** The site's tints worked out for every rack at once, as the site view did before. */
function fromScratch(racks: readonly Rack[], inputs: TintInputs): Map<string, string> {
  const { colouring, power, cooling, errorEntities, fed, simulation } = inputs;
  const tints = rackTints(
    { power: inputs.chain, racks },
    { colouring, power, cooling, errorEntities, fed, simulation, selection: new Set() },
  );
  const rows = new Set(inputs.rows ?? []);
  for (const r of racks) if (r.rowId !== null && rows.has(r.rowId)) tints.set(r.id, TINT.highlight);
  return tints;
}

const merged = (tints: SiteTints) => new Map([...tints.byHall.values()].flatMap((m) => [...m]));

/** The document's racks with the one at `i` edited in place, as the store's commands make them. */
const editAt = (racks: readonly Rack[], i: number) => racks.map((r, k) => (k === i ? moved(r) : r));

describe('site view colours, hall by hall', () => {
  const index = indexRacksByHall(doc.racks);
  const first = updateSiteTints(null, index, base);

  it('the first time, every hall, with the colours the whole site gets at once', () => {
    expect(first.halls).toBe('all');
    expect(merged(first.tints)).toEqual(fromScratch(doc.racks, base));
  });

  it('a rack moved: only its hall is coloured again, the others keep their very maps', () => {
    const i = doc.racks.findIndex((r) => r.hallId === h1);
    const next = indexRacksByHall(editAt(doc.racks, i), index);
    const update = updateSiteTints(first.tints, next, base);
    expect(update.halls).toEqual(new Set([h1]));
    for (const [hallId, tints] of update.tints.byHall)
      if (hallId !== h1) expect(tints).toBe(first.tints.byHall.get(hallId));
  });

  it('errors found or cleared: only the halls of the racks that gained or lost one', () => {
    const errorOn = inHall(doc.racks, h2)[4]!;
    const withError = updateSiteTints(first.tints, index, { ...base, errorEntities: new Set([errorOn.id, 'pdu-x']) });
    expect(withError.halls).toEqual(new Set([h2]));
    expect(withError.tints.byHall.get(h2)!.get(errorOn.id)).toBe(TINT.error);
    const cleared = updateSiteTints(withError.tints, index, { ...base, errorEntities: new Set(['pdu-x']) });
    expect(cleared.halls).toEqual(new Set([h2]));
    expect(cleared.tints.byHall.get(h2)!.has(errorOn.id)).toBe(false);
    // A new findings array with the same errors: nothing to colour again.
    expect(updateSiteTints(cleared.tints, index, { ...base, errorEntities: new Set(['pdu-x']) }).halls).toEqual(
      new Set(),
    );
  });

  it('what the selection feeds: the same set again costs nothing, another one recolours every hall', () => {
    const some = new Set([doc.power[5]!.id]);
    const fed = updateSiteTints(first.tints, index, { ...base, fed: some });
    expect(fed.halls).toBe('all');
    expect(updateSiteTints(fed.tints, index, { ...base, fed: new Set(some) }).halls).toEqual(new Set());
  });

  it('by power: a move keeps the power metrics (one hall again); new metrics recolour the halls whose racks’ circuits moved', () => {
    const power = { ...base, colouring: 'power' as const };
    const start = updateSiteTints(first.tints, index, power);
    expect(start.halls).toBe('all');
    expect(merged(start.tints)).toEqual(fromScratch(doc.racks, power));
    const i = doc.racks.findIndex((r) => r.hallId === h0);
    const next = indexRacksByHall(editAt(doc.racks, i), index);
    expect(updateSiteTints(start.tints, next, power).halls).toEqual(new Set([h0]));
    // Another map of the same metrics: nothing to colour again.
    const copied = { ...power, power: { ...checks.power, components: new Map(checks.power.components) } };
    expect(updateSiteTints(start.tints, index, copied).halls).toEqual(new Set());
    // The errors play no part in this colouring.
    expect(updateSiteTints(start.tints, index, { ...power, errorEntities: new Set(['x']) }).halls).toEqual(new Set());
  });

  it('by power or cooling, after a device edit: the hall of the edited rack, with the whole site’s colours', () => {
    // The editor's checker keeps the metrics and inlets an edit did not move as the same objects.
    const checker = createChecker();
    const before = checker.check(doc);
    const rack = inHall(doc.racks, h2)[3]!;
    const edited = {
      ...doc,
      racks: doc.racks.map((r) => (r === rack ? { ...r, devices: r.devices.slice(0, -1) } : r)),
    };
    const after = checker.check(edited);
    const next = indexRacksByHall(edited.racks, index);
    for (const colouring of ['power', 'cooling'] as const) {
      const was = { ...base, colouring, power: before.power, cooling: before.cooling };
      const now = { ...base, colouring, power: after.power, cooling: after.cooling };
      const start = updateSiteTints(null, index, was);
      const update = updateSiteTints(start.tints, next, now);
      expect(update.halls).toEqual(new Set([h2]));
      expect(merged(update.tints)).toEqual(fromScratch(edited.racks, now));
      // Results worked out afresh: the halls of whatever is another object, still the whole site's colours.
      const fresh = runChecks(edited);
      const redone = updateSiteTints(start.tints, next, { ...now, power: fresh.power, cooling: fresh.cooling });
      expect(redone.halls).toContain(h2);
      expect(merged(redone.tints)).toEqual(fromScratch(edited.racks, now));
    }
  });

  it('by power or cooling, after an edit of the chain or the cooling: the halls of the racks whose figures moved', () => {
    const checker = createChecker();
    const before = checker.check(doc);
    const start = (colouring: 'power' | 'cooling') =>
      updateSiteTints(null, index, { ...base, colouring, power: before.power, cooling: before.cooling });
    // A rack of hall 1's side A circuit re-rated: that rack's colour by power moves, in no other hall.
    const rack = inHall(doc.racks, h1)[2]!;
    const rerated = {
      ...doc,
      power: doc.power.map((c) =>
        c.id === rack.feeds.a && c.kind === 'circuit' ? { ...c, breakerA: c.breakerA / 8 } : c,
      ),
    };
    const afterPower = checker.check(rerated);
    const byPower = { ...base, colouring: 'power' as const, power: afterPower.power, cooling: afterPower.cooling };
    const powerUpdate = updateSiteTints(start('power').tints, index, byPower);
    expect(powerUpdate.halls).toEqual(new Set([h1]));
    expect(merged(powerUpdate.tints)).toEqual(fromScratch(doc.racks, byPower));
    expect(powerUpdate.tints.byHall.get(h1)!.get(rack.id)).not.toBe(start('power').tints.byHall.get(h1)!.get(rack.id));
    // Hall 2's air handlers given less air: its racks' inlets move, in no other hall.
    const unitsOf2 = new Set(doc.cooling.filter((u) => 'hallId' in u && u.hallId === h2).map((u) => u.id));
    const starved = {
      ...rerated,
      cooling: rerated.cooling.map((u) =>
        unitsOf2.has(u.id) && 'airflowM3h' in u ? { ...u, airflowM3h: u.airflowM3h / 3 } : u,
      ),
    };
    const afterCooling = checker.check(starved);
    const fromRerated = updateSiteTints(null, index, { ...byPower, colouring: 'cooling' });
    const byCooling = {
      ...byPower,
      colouring: 'cooling' as const,
      power: afterCooling.power,
      cooling: afterCooling.cooling,
    };
    const coolingUpdate = updateSiteTints(fromRerated.tints, index, byCooling);
    expect(coolingUpdate.halls).toEqual(new Set([h2]));
    expect(merged(coolingUpdate.tints)).toEqual(fromScratch(doc.racks, byCooling));
    // Coloured by type, new power and cooling results recolour nothing.
    const byType = updateSiteTints(null, index, { ...byPower, colouring: 'type' });
    expect(updateSiteTints(byType.tints, index, { ...byCooling, colouring: 'type' }).halls).toEqual(new Set());
  });

  it('a tour stop’s rows: the same rows again cost nothing, other rows recolour every hall', () => {
    const row = doc.racks.find((r) => r.rowId !== null)!.rowId!;
    const lit = updateSiteTints(first.tints, index, { ...base, rows: [row] });
    expect(lit.halls).toBe('all');
    expect(merged(lit.tints)).toEqual(fromScratch(doc.racks, { ...base, rows: [row] }));
    expect(updateSiteTints(lit.tints, index, { ...base, rows: [row] }).halls).toEqual(new Set());
  });

  it('over a chain of edits and changes of inputs, the colours are always the whole site’s', () => {
    let racks: readonly Rack[] = doc.racks;
    let current: RackIndex = index;
    let tints = first.tints;
    let inputs = base;
    for (let step = 0; step < 30; step++) {
      racks = editAt(racks, (step * 97) % racks.length);
      if (step % 7 === 3) racks = racks.filter((_, k) => k !== (step * 31) % racks.length);
      current = indexRacksByHall(racks, current);
      const errors = new Set(racks.filter((_, k) => (k + step) % 53 === 0).map((r) => r.id));
      inputs = {
        ...inputs,
        errorEntities: step % 2 === 0 ? errors : inputs.errorEntities,
        colouring: step % 10 === 9 ? 'cooling' : step % 10 === 0 ? 'type' : inputs.colouring,
      };
      tints = updateSiteTints(tints, current, inputs).tints;
      expect(merged(tints)).toEqual(fromScratch(racks, inputs));
    }
  });
});

describe('site view instances to paint', () => {
  const index = indexRacksByHall(doc.racks);
  const first = updateSiteTints(null, index, base);
  const none = new Set<string>();

  it('everything the first time, when racks came or went, or when every hall was coloured again', () => {
    expect(instancesToPaint(null, first, none)).toBe('all');
    const fewer = indexRacksByHall(doc.racks.slice(1), index);
    expect(instancesToPaint({ index, selection: none }, updateSiteTints(first.tints, fewer, base), none)).toBe('all');
    const byPower = updateSiteTints(first.tints, index, { ...base, colouring: 'power' });
    expect(instancesToPaint({ index, selection: none }, byPower, none)).toBe('all');
  });

  it('after a move, the racks of the moved rack’s hall; after a click, the racks selected and unselected', () => {
    const i = doc.racks.findIndex((r) => r.hallId === h1);
    const next = indexRacksByHall(editAt(doc.racks, i), index);
    const update = updateSiteTints(first.tints, next, base);
    const hallPositions = doc.racks.flatMap((r, k) => (r.hallId === h1 ? [k] : []));
    expect(instancesToPaint({ index, selection: none }, update, none)).toEqual(hallPositions);

    const same = updateSiteTints(first.tints, index, base);
    const a = doc.racks[10]!.id;
    const b = doc.racks[900]!.id;
    expect(instancesToPaint({ index, selection: new Set([a]) }, same, new Set([b]))).toEqual([10, 900]);
    expect(instancesToPaint({ index, selection: none }, same, none)).toEqual([]);
  });
});
