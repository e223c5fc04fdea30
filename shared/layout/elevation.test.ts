import { describe, expect, it } from 'vitest';
import { catalogFor } from '../catalog';
import type { ProjectDocument, Rack } from '../model/schema';
import { buildSampleFacility } from '../sample/sampleFacility';
import { canPlace, firstFreeU, nextPlacementId, rackElevation, uLabel, type RackElevation } from './elevation';

const sample = buildSampleFacility();
const catalog = catalogFor(sample);

function elevationOf(doc: ProjectDocument, rackId: string): RackElevation {
  const e = rackElevation(doc, rackId, catalog);
  if (!e) throw new Error(`no elevation for ${rackId}`);
  return e;
}

/** The sample's GPU rack A-02-01 with its devices replaced. */
function gpuRackWith(devices: Rack['devices'], feeds: Rack['feeds'] = { a: 'ckt-a', b: 'ckt-b' }): ProjectDocument {
  const rack = sample.racks.find((r) => r.id === 'rack-A-02-01')!;
  return { ...sample, racks: [{ ...rack, devices, feeds }] };
}
const dgxAt = (uPosition: number, id = `d${uPosition}`) => ({
  id,
  catalogId: 'nvidia-dgx-h100',
  uPosition,
  feed: 'AB' as const,
  existing: false,
});

describe('rack elevation', () => {
  it('the sample GPU rack: 3 × DGX H100 at U3, U13, U23 in a 48U rack, with its totals', () => {
    const e = elevationOf(sample, 'rack-A-02-01');
    expect(e.uHeight).toBe(48);
    expect(e.devices.map((d) => [d.name, uLabel(d.range), d.kind])).toEqual([
      ['NVIDIA DGX H100', 'U3–U10', 'gpu'],
      ['NVIDIA DGX H100', 'U13–U20', 'gpu'],
      ['NVIDIA DGX H100', 'U23–U30', 'gpu'],
    ]);
    expect(e.free.map(uLabel)).toEqual(['U1–U2', 'U11–U12', 'U21–U22', 'U31–U48']);
    expect([e.usedU, e.freeU, e.blankingPanels]).toEqual([24, 24, 24]);
    // DGX H100 (catalog, NVIDIA DGX H100 user guide): 10.2 kW max, 7.5 kW typical, 130.45 kg, 1,105 CFM, 8 GPUs.
    expect(e.totals.nameplateW).toBe(30_600);
    expect(e.totals.typicalW).toBe(22_500);
    expect(e.totals.gpus).toBe(24);
    // 160 kg empty 48U rack + 3 × 130.45 kg + 2 rack PDUs (A and B circuits) × 12 kg.
    expect(e.rackPdus).toBe(2);
    expect(e.totals.weightKg).toBeCloseTo(160 + 391.35 + 24, 6);
    expect([e.totals.rackWeightKg, e.totals.rackPduWeightKg]).toEqual([160, 24]);
    // 3 × 1,105 CFM = 3,315 CFM; 1 CFM = 1.699 m³/h → 5,632 m³/h (±0.5 %, as the worked cases allow).
    expect(Math.abs(e.totals.airflowM3h - 5_632.2) / 5_632.2).toBeLessThan(0.005);
    expect(e.totals.devicesWithoutAirflow).toBe(0);
    expect(e.problems).toEqual([]);
  });

  it('a miner bay on one circuit: one rack PDU, and miners without a published airflow are counted', () => {
    const e = elevationOf(sample, 'rack-A-01-01');
    expect(e.devices).toHaveLength(9);
    expect(e.devices.every((d) => d.kind === 'miner')).toBe(true);
    expect(e.free.map(uLabel)).toEqual(['U46–U48']);
    expect(e.rackPdus).toBe(1);
    // 60 kg shelving + 9 × 14.2 kg Antminer S19 XP + 1 × 12 kg rack PDU.
    expect(e.totals.weightKg).toBeCloseTo(60 + 127.8 + 12, 6);
    expect(e.totals.nameplateW).toBe(9 * 3_010);
    expect([e.totals.airflowM3h, e.totals.devicesWithoutAirflow]).toEqual([0, 9]);
  });

  it('weight follows worked case 10a: 4 × DGX H100 (521.8 kg) + 160 kg rack + 12 kg per rack PDU', () => {
    // Case 10a counts 3 rack PDUs (717.8 kg); a rack here has at most its A and B circuits, so 2 PDUs.
    const e = elevationOf(gpuRackWith([dgxAt(1), dgxAt(9), dgxAt(17), dgxAt(25)]), 'rack-A-02-01');
    expect(e.totals.devicesWeightKg).toBeCloseTo(521.8, 6);
    expect(e.totals.weightKg).toBeCloseTo(717.8 - 12, 6);
    const unfed = elevationOf(gpuRackWith([dgxAt(1)], { a: null, b: null }), 'rack-A-02-01');
    expect([unfed.rackPdus, unfed.totals.weightKg]).toEqual([0, 160 + 130.45]);
  });

  it('an empty rack is all blanking panels; an unknown rack gives no elevation', () => {
    const e = elevationOf(gpuRackWith([]), 'rack-A-02-01');
    expect(e.free).toEqual([{ bottom: 1, top: 48 }]);
    expect(e.blankingPanels).toBe(48);
    expect(rackElevation(sample, 'no-such-rack', catalog)).toBeNull();
  });

  it('names the clashes a saved rack has: overlapping devices and devices past the top', () => {
    const e = elevationOf(gpuRackWith([dgxAt(1, 'x'), dgxAt(5, 'y'), dgxAt(45, 'z')]), 'rack-A-02-01');
    expect(e.problems).toEqual([
      'NVIDIA DGX H100 at U1–U8 overlaps NVIDIA DGX H100 at U5–U12: move one of them.',
      "NVIDIA DGX H100 at U45–U52 reaches past the rack's top U (U48): move it down.",
    ]);
    // Only the U inside the rack count as used.
    expect(e.free.map(uLabel)).toEqual(['U13–U44']);
  });
});

describe('where a device can go', () => {
  const e = elevationOf(sample, 'rack-A-02-01');

  it('accepts a free run and names the range it takes', () => {
    expect(canPlace(e, 10, 31)).toEqual({ ok: true, range: { bottom: 31, top: 40 } });
    expect(canPlace(e, 2, 1)).toEqual({ ok: true, range: { bottom: 1, top: 2 } });
  });

  it('refuses an overlap, naming what is in the way and the nearest place that fits', () => {
    expect(canPlace(e, 10, 25)).toEqual({
      ok: false,
      range: { bottom: 25, top: 34 },
      reason: 'U25–U34 overlaps NVIDIA DGX H100 at U23–U30; the nearest 10U that are free start at U31',
    });
    const across = canPlace(e, 8, 8);
    expect(!across.ok && across.reason).toBe(
      'U8–U15 overlaps NVIDIA DGX H100 at U3–U10 and NVIDIA DGX H100 at U13–U20; the nearest 8U that are free start at U31',
    );
  });

  it('refuses a device past the top of the rack or below U1', () => {
    const top = canPlace(e, 10, 45);
    expect(!top.ok && top.reason).toBe(
      'needs 10U from U45 but the rack has 48U; the nearest 10U that are free start at U39',
    );
    const below = canPlace(e, 1, 0);
    expect(!below.ok && below.reason).toBe('U0 is below the first U (U1); the nearest 1U that are free start at U1');
    const tall = canPlace(e, 50, 1);
    expect(!tall.ok && tall.reason).toBe('needs 50U but the rack has 48U; use a taller rack');
    expect(canPlace(e, 0, 5).ok).toBe(false);
    expect(canPlace(e, 2, 1.5).ok).toBe(false);
  });

  it('leaves the moved device out of its own way', () => {
    expect(canPlace(e, 8, 25).ok).toBe(false);
    expect(canPlace(e, 8, 25, 'A-02-01-d3')).toEqual({ ok: true, range: { bottom: 25, top: 32 } });
  });

  it('says when no run is long enough, with the largest free run', () => {
    const bay = elevationOf(sample, 'rack-A-01-01');
    const check = canPlace(bay, 10, 46);
    expect(!check.ok && check.reason).toBe(
      'needs 10U from U46 but the rack has 48U; no 10 free U follow one another in this rack (the largest free run is 3U at U46–U48): move or remove devices, or use another rack',
    );
  });

  it('finds the lowest free start for a height', () => {
    expect(firstFreeU(e, 2)).toEqual({ ok: true, atU: 1 });
    expect(firstFreeU(e, 3)).toEqual({ ok: true, atU: 31 });
    expect(firstFreeU(e, 18)).toEqual({ ok: true, atU: 31 });
    expect(firstFreeU(e, 19)).toEqual({
      ok: false,
      reason:
        'no 19 free U follow one another in this rack (the largest free run is 18U at U31–U48): move or remove devices, or use another rack',
    });
    expect(firstFreeU(e, 8, 'A-02-01-d1')).toEqual({ ok: true, atU: 1 });
    expect(firstFreeU(e, 50)).toEqual({ ok: false, reason: 'it needs 50U and the rack has 48U: use a taller rack' });
    const full = elevationOf(gpuRackWith([1, 9, 17, 25, 33, 41].map((u) => dgxAt(u))), 'rack-A-02-01');
    expect(firstFreeU(full, 1)).toEqual({ ok: false, reason: 'the rack is full: remove a device or use another rack' });
  });
});

describe('placement ids', () => {
  it('are the rack id with the next unused device number', () => {
    expect(nextPlacementId({ id: 'rack-9', devices: [] })).toBe('rack-9-d1');
    expect(nextPlacementId({ id: 'rack-9', devices: [dgxAt(1, 'rack-9-d2')] })).toBe('rack-9-d3');
  });
});
