import { describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../../sample/sampleFacility';
import { chiller, coolingHallDoc, crah } from '../../testing/coolingFixtures';
import { runChecks } from '../index';
import { evaporativeSupplyC, mixedInletC, rtiPct, rtiVerdict } from './airflow';
import { IndexedMap, keyIndex } from '../indexedMap';
import { groupRecirculation as groupRecirculationOf, rackInlets } from './inlet';
import { rackThermal, type RackThermal } from './rackThermal';
import type { AirGroup } from './rooms';
import { strictestEnvelope } from './ashrae';
import { catalogFor } from '../../catalog';

describe('Return Temperature Index (worked case 7)', () => {
  it('7a 18 → 30 °C over a 15 K IT rise: 80.0 %, net bypass', () => {
    expect(rtiPct(18, 30, 15)).toBeCloseTo(80.0, 1);
    expect(rtiVerdict(rtiPct(18, 30, 15))).toBe('bypass');
  });
  it('7b 18 → 35 °C over 14 K: 121.4 %, net recirculation', () => {
    expect(rtiPct(18, 35, 14)).toBeCloseTo(121.4, 1);
    expect(rtiVerdict(rtiPct(18, 35, 14))).toBe('recirculation');
  });
  it('7c 600 kW through 36.0 m³/s rises 13.82 K; 18 → 31 °C is 94.07 %, bypass outside the ±5 % band', () => {
    const dT = 600_000 / (1.2 * 1_005 * 36.0);
    expect(dT).toBeCloseTo(13.82, 2);
    expect(rtiPct(18, 31, dT)).toBeCloseTo(94.07, 2);
    expect(rtiVerdict(rtiPct(18, 31, dT))).toBe('bypass');
    expect(rtiVerdict(100)).toBe('balanced');
  });
});

describe('supply and inlet temperature', () => {
  it('an evaporative pad of effectiveness 0.85 cools 35 °C dry-bulb / 22 °C wet-bulb air to 23.95 °C', () => {
    expect(evaporativeSupplyC(35, 22, 0.85)).toBeCloseTo(23.95, 9);
    expect(evaporativeSupplyC(35, 22, 0)).toBe(35);
  });

  it('mixing: T_in = T_s + r · ΔT / (1 − r); no recirculation is the supply temperature', () => {
    expect(mixedInletC(20, 16.21, 0)).toBe(20);
    // Energy check: (1 − r)·T_s + r·(T_in + ΔT) = T_in.
    const t = mixedInletC(20, 16.21, 0.2);
    expect(0.8 * 20 + 0.2 * (t + 16.21)).toBeCloseTo(t, 12);
  });

  it('the strictest envelope wins: DGX H100 (A2, vendor 30 °C) with an S19 (A3, 40 °C) allows 30 °C, recommends 27 °C', () => {
    const catalog = catalogFor({ customDevices: [] });
    const env = strictestEnvelope([catalog.device('nvidia-dgx-h100')!, catalog.device('antminer-s19-xp')!])!;
    expect(env.allowableMaxC).toBe(30);
    expect(env.recommendedMaxC).toBe(27);
    expect(strictestEnvelope([catalog.device('nvidia-gb200-nvl72')!])!.allowableMaxC).toBe(25);
  });

  it('a starved room: air short of demand is made up by exhaust, and the inlet estimate goes over the allowable limit', () => {
    // 10 racks of 2 × DGX H100 draw 37,548 m³/h; one 20,000 m³/h CRAH with 35 % bypass delivers 13,000.
    const doc = coolingHallDoc([
      { id: 'r1', y: 5, rotationDeg: 0, count: 10, devices: [{ catalogId: 'nvidia-dgx-h100', count: 2 }] },
    ]);
    doc.cooling.push(crah('c1', 500, 20_000), chiller(1_000));
    doc.settings.cooling.redundancy = 'N';
    const { cooling, findings } = runChecks(doc);
    const inlet = cooling.inlets.get('r1-1')!;
    const demand = 10 * 2 * (1_105 / 2_118.88);
    const r = 1 - ((20_000 / 3600) * 0.65) / demand;
    expect(inlet.recirculation).toBeCloseTo(r, 9);
    expect(inlet.inletC).toBeCloseTo(mixedInletC(20, cooling.racks.get('r1-1')!.deltaTK!, r), 9);
    expect(inlet.marginK).toBeLessThan(0);
    const [f] = findings.filter((x) => x.rule === 'cooling.inlet');
    expect(f?.severity).toBe('error');
    expect(f?.entities).toHaveLength(10);
  });
});

describe('the sample: fan walls with pads, a contained hot aisle', () => {
  const { cooling, findings, power } = runChecks(buildSampleFacility());
  const room = cooling.rooms[0]!;

  it('five fan walls supply 300,000 m³/h at 23.95 °C; N+1 leaves 240,000 m³/h for the ≈224,000 the racks need', () => {
    expect(room.airflow.supply.installed * 3600).toBeCloseTo(300_000, 6);
    expect(room.airflow.supply.available * 3600).toBeCloseTo(240_000, 6);
    expect(room.airflow.requiredM3s * 3600).toBeGreaterThan(220_000);
    expect(room.airflow.requiredM3s * 3600).toBeLessThan(240_000);
    expect(room.supplyC).toBeCloseTo(23.95, 9);
  });

  it('no cooling errors; the GPU racks sit just over the 30 kW review threshold for contained air', () => {
    const cool = findings.filter((f) => f.rule.startsWith('cooling.'));
    expect(cool.map((f) => [f.key, f.severity])).toEqual([['cooling.density:contained-review:hall-a', 'warning']]);
  });

  it('inlets estimated under 27 °C; cooling power 5 × 7.5 kW of fans feeds the site totals', () => {
    for (const inlet of cooling.inlets.values()) expect(inlet.inletC).toBeLessThan(27);
    expect(power.site.coolingW).toBeCloseTo(37_500, 9);
    expect(room.rtiPct).toBeGreaterThan(70);
  });
});

describe('inlets after an edit', () => {
  const group = (rackIds: string[], supplyM3s: number): AirGroup =>
    ({ rackIds, supplyM3s, supplyC: 20, bypassFraction: 0.1, recirculationFraction: 0.05, demandM3s: 1 }) as AirGroup;
  const rack = (deltaTK: number) => ({ deltaTK, envelope: { allowableMaxC: 32 } }) as RackThermal;

  it('keeps the inlets that did not move as the same objects, and the whole map when none did', () => {
    const racks = new Map([
      ['a', rack(12)],
      ['b', rack(14)],
      ['c', rack(9)],
    ]);
    const first = rackInlets([group(['a', 'b'], 2), group(['c'], 0.5)], racks);
    // The same figures: the same map.
    expect(rackInlets([group(['a', 'b'], 2), group(['c'], 0.5)], racks)).toBe(first);
    // Rack c's group starved further: its inlet alone is new, and equal to one worked out afresh.
    const starved = rackInlets([group(['a', 'b'], 2), group(['c'], 0.4)], racks);
    expect(starved).not.toBe(first);
    expect(starved.get('a')).toBe(first.get('a'));
    expect(starved.get('c')).not.toBe(first.get('c'));
    const r = 1 - (0.4 * 0.9) / 1;
    expect(starved.get('c')).toEqual({
      inletC: mixedInletC(20, 9, r),
      recirculation: r,
      marginK: 32 - mixedInletC(20, 9, r),
    });
    // Rack c given a vendor limit, the same inlet: a new margin, so a new inlet.
    const limited = new Map(racks).set('c', { ...rack(9), envelope: { allowableMaxC: 27 } } as RackThermal);
    const withLimit = rackInlets([group(['a', 'b'], 2), group(['c'], 0.4)], limited);
    expect(withLimit.get('c')).toEqual({ ...starved.get('c'), marginK: 27 - starved.get('c')!.inletC });
    // Another order of the same racks: another map, in that order.
    const reordered = rackInlets([group(['c'], 0.4), group(['a', 'b'], 2)], racks);
    expect([...reordered.keys()]).toEqual(['c', 'a', 'b']);
    // The last rack gone (the others the same, in the same order): another map without it.
    rackInlets([group(['a', 'b'], 2), group(['c'], 0.5)], racks);
    expect([...rackInlets([group(['a', 'b'], 2)], racks).keys()]).toEqual(['a', 'b']);
  });

  it('a group made again (its room worked out again) reads its places from the group at its place only when that has the same racks', () => {
    const keys = keyIndex(['a', 'b', 'c', 'd']);
    const heats = new IndexedMap(keys, [rack(12), rack(14), rack(9), rack(11)]);
    const fresh = (groups: AirGroup[]) => [...rackInlets(groups, new Map(heats))];
    rackInlets([group(['a', 'b'], 2), group(['c', 'd'], 2)], heats);
    // The same racks in new groups: the same inlets as worked out afresh.
    const again = [group(['a', 'b'], 2), group(['c', 'd'], 1.5)];
    expect([...rackInlets(again, heats)]).toEqual(fresh(again));
    // Rack c left the second group and d took its place: d's heat, not c's, at that place.
    const other = [group(['a', 'b'], 2), group(['d'], 1.5)];
    expect([...rackInlets(other, heats)]).toEqual(fresh(other));
    const swapped = [group(['b', 'a'], 2), group(['d'], 1.5)];
    expect([...rackInlets(swapped, heats)]).toEqual(fresh(swapped));
  });

  it('reads its racks’ heat by their places among the keys when the heats are an IndexedMap on the same keys', () => {
    const keys = keyIndex(['a', 'b', 'c']);
    const heats = [rack(12), rack(14), rack(9)];
    const ab = group(['a', 'b'], 2);
    const c = group(['c'], 0.5);
    const first = rackInlets([ab, c], new IndexedMap(keys, heats));
    // The same keys, rack b's heat another object: b is worked out again, a and c taken over.
    const after = rackInlets([ab, c], new IndexedMap(keys, [heats[0], rack(20), heats[2]]));
    expect(after.get('a')).toBe(first.get('a'));
    expect(after.get('b')!.inletC).toBe(mixedInletC(20, 20, groupRecirculationOf(ab)));
    expect(after.get('c')).toBe(first.get('c'));
    // Other keys (a rack added before them): looked up by id, the same answer.
    const more = rackInlets(
      [ab, c],
      new IndexedMap(keyIndex(['z', 'a', 'b', 'c']), [rack(1), heats[0], rack(20), heats[2]]),
    );
    expect(more.get('b')).toEqual(after.get('b'));
    expect(more.get('a')).toBe(first.get('a'));
  });

  it('takes over the inlets of an air group that is the same object only while its racks have the same heat', () => {
    const racks = new Map([
      ['a', rack(12)],
      ['b', rack(14)],
      ['c', rack(9)],
    ]);
    const ab = group(['a', 'b'], 2);
    const c = group(['c'], 0.5);
    const first = rackInlets([ab, c], racks);
    // Rack b's heat replaced while its group stays the same object: b is worked out again.
    const hotter = new Map(racks).set('b', rack(20));
    const after = rackInlets([ab, c], hotter);
    expect(after).not.toBe(first);
    expect(after.get('a')).toBe(first.get('a'));
    expect(after.get('b')!.inletC).toBe(mixedInletC(20, 20, groupRecirculationOf(ab)));
    expect(after.get('c')).toBe(first.get('c'));
    // The same group objects in another order: the same inlets, in that order.
    const swapped = rackInlets([c, ab], hotter);
    expect([...swapped.keys()]).toEqual(['c', 'a', 'b']);
    expect(swapped.get('a')).toBe(first.get('a'));
    expect(swapped.get('b')).toBe(after.get('b'));
    // The same group objects, the group before c gone: c's inlet taken over, at its new place.
    rackInlets([ab, c], hotter);
    const alone = rackInlets([c], hotter);
    expect([...alone]).toEqual([['c', first.get('c')]]);
    // And back: every inlet equal to one worked out afresh, in order.
    const again = rackInlets([ab, c], hotter);
    expect([...again.keys()]).toEqual(['a', 'b', 'c']);
    expect(again.get('b')).toEqual(after.get('b'));
  });

  it('works out again the group of a rack whose heat an edit moved, found from where the heats were patched', () => {
    const doc = buildSampleFacility();
    const catalog = catalogFor(doc);
    const ids = doc.racks.map((r) => r.id);
    // Three groups, the edited racks at the first and last places of theirs.
    const groups = [group(ids.slice(0, 4), 2), group(ids.slice(4, 8), 2), group(ids.slice(8), 20)];
    const gpu = (k: number) => doc.racks[k]!.devices.length > 0;
    const edited = [4, 7, 8].filter(gpu);
    expect(edited.length).toBeGreaterThan(1);
    let last = doc;
    let inlets = rackInlets(groups, rackThermal(doc, catalog));
    for (const k of edited) {
      // Rack k emptied (no heat, so no inlet): its heat is patched into the last heats (a new map
      // on the same keys).
      const next = { ...last, racks: last.racks.map((r, i) => (i === k ? { ...r, devices: [] } : r)) };
      const heats = rackThermal(next, catalog);
      const after = rackInlets(groups, heats);
      expect(inlets.has(ids[k]!)).toBe(true);
      expect(after.has(ids[k]!)).toBe(false);
      expect([...after]).toEqual([...rackInlets(groups, new Map(heats))]);
      // A group no edited rack is in keeps its inlets as objects.
      expect(after.get(ids[0]!)).toBe(inlets.get(ids[0]!));
      // The last inlets worked out from these heats again, as the next edit's are patched from them.
      rackInlets(groups, heats);
      last = next;
      inlets = after;
    }
  });
});
