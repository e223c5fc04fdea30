import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { buildSampleFacility, catalogFor, type Rack } from '../../shared/index';
import type { RackInletResult } from '../../shared/thermal/types';
import { fresh } from './storeTesting';
import {
  aisleSlice,
  AUTO_MAX_CELLS,
  autoRunFor,
  COARSE_M,
  DEFAULT_HALF_AISLE_M,
  FINE_M,
  inletsWorstFirst,
  isFreshLoad,
  rciVerdict,
  rtiVerdict,
  mergeHallResults,
  runCells,
  staleHalls,
  thermalInputsChanged,
  type HallThermalEntry,
} from './thermalLogic';
import { buildLargeSite } from '../../shared/testing/largeSite';
import { thermalHallDocuments } from '../../shared/thermal/hallDocument';
import type { ThermalResult } from '../../shared/thermal/types';

describe('stale thermal results', () => {
  const doc = buildSampleFacility();

  it('are stale after edits the simulation reads', () => {
    expect(thermalInputsChanged(doc, doc)).toBe(false);
    expect(
      thermalInputsChanged(
        doc,
        produce(doc, (d) => void (d.racks[0]!.position.x += 0.6)),
      ),
    ).toBe(true);
    expect(
      thermalInputsChanged(
        doc,
        produce(doc, (d) => void d.containments.pop()),
      ),
    ).toBe(true);
    expect(
      thermalInputsChanged(
        doc,
        produce(doc, (d) => void (d.halls[0]!.height = 5)),
      ),
    ).toBe(true);
    expect(
      thermalInputsChanged(
        doc,
        produce(doc, (d) => void (d.settings.loadBasis = 'typical')),
      ),
    ).toBe(true);
    expect(
      thermalInputsChanged(
        doc,
        produce(doc, (d) => void (d.settings.cooling.openBypassFraction = 0.3)),
      ),
    ).toBe(true);
  });

  it('stay current after edits it does not read: name, units, tours, scenarios, quotes, security', () => {
    const edited = produce(doc, (d) => {
      d.name = 'Renamed';
      d.settings.units = 'imperial';
      d.settings.currency = 'EUR';
      d.settings.security.cctvRequired = !d.settings.security.cctvRequired;
      d.tours = [];
      d.scenarios = [];
      d.cameras = [];
    });
    expect(thermalInputsChanged(doc, edited)).toBe(false);
  });
});

describe('run size and the automatic coarse run', () => {
  it('counts ⌈W/d⌉·⌈D/d⌉·⌈H/d⌉ cells over halls with racks', () => {
    // The sample's one hall, 60 × 24 × 6 m: 120 · 48 · 12 coarse, 240 · 96 · 24 fine.
    const doc = buildSampleFacility();
    expect(runCells(doc, COARSE_M)).toBe(69_120);
    expect(runCells(doc, FINE_M)).toBe(552_960);
    expect(
      runCells(
        produce(doc, (d) => void (d.racks = [])),
        COARSE_M,
      ),
    ).toBe(0);
  });

  it('follows edits on sites up to the limit unless the user says otherwise', () => {
    const doc = buildSampleFacility();
    expect(autoRunFor(doc, null)).toBe(true);
    expect(autoRunFor(doc, false)).toBe(false);
    // A hall large enough to pass the limit: 200 × 120 × 6 m is 400 · 240 · 12 = 1,152,000 coarse cells.
    const big = produce(doc, (d) => {
      d.halls[0]!.width = 200;
      d.halls[0]!.depth = 120;
    });
    expect(runCells(big, COARSE_M)).toBeGreaterThan(AUTO_MAX_CELLS);
    expect(autoRunFor(big, null)).toBe(false);
    expect(autoRunFor(big, true)).toBe(true);
  });
});

describe('the inlet table', () => {
  const inlet = (rackId: string, inletMaxC: number, status: RackInletResult['status'], recommendedMaxC = 27) => ({
    rackId,
    hallId: 'h',
    inletMeanC: inletMaxC - 1,
    inletMaxC,
    outletC: inletMaxC + 12,
    airHeatW: 1_000,
    airflowM3s: 0.1,
    recommendedMaxC,
    allowableMaxC: 32,
    status,
  });

  it('lists racks over their allowable limit first, then by the least margin to the recommended limit, racks not air-cooled last', () => {
    const sorted = inletsWorstFirst([
      inlet('cool', 21, 'ok'),
      inlet('liquid', 0, 'not-air-cooled'),
      inlet('warm', 30.5, 'over-recommended', 27),
      // 26.5 °C against a 25 °C recommended limit is closer to trouble than 27.5 °C against 27 °C…
      inlet('strict', 26.5, 'over-recommended', 25),
      inlet('mild', 27.5, 'over-recommended', 27),
      // …and anything over its allowable limit comes before both, whatever its recommended margin.
      inlet('hot', 33, 'over-allowable', 30),
      inlet('hotter', 36, 'over-allowable', 27),
    ]);
    expect(sorted.map((r) => r.rackId)).toEqual(['hotter', 'hot', 'warm', 'strict', 'mild', 'cool', 'liquid']);
  });
});

describe('verdict bands (figures.md §3.6)', () => {
  it('rates RCI ≥ 96 % good, 91–95 % acceptable, ≤ 90 % poor', () => {
    expect([100, 96, 95.5, 91, 90.5, 90, 40].map(rciVerdict)).toEqual([
      'good',
      'good',
      'acceptable',
      'acceptable',
      'acceptable',
      'poor',
      'poor',
    ]);
  });

  it('calls RTI within 100 ± 5 % balanced', () => {
    expect([80, 95, 100, 105, 120].map(rtiVerdict)).toEqual([
      'net bypass',
      'balanced',
      'balanced',
      'balanced',
      'net recirculation',
    ]);
  });
});

describe('a vertical slice along a rack’s aisle', () => {
  const doc = buildSampleFacility();
  const catalog = catalogFor(doc);
  const rack = (id: string) => doc.racks.find((r) => r.id === id)!;

  it('goes through the middle of the shared hot aisle from either row', () => {
    // Row 01 (1.0 m deep, at y = 8, fronts to −y) backs onto row 02 (1.2 m deep, at y = 10.3,
    // fronts to +y): their backs at 8.5 and 9.7 m, so the hot aisle's middle is at 9.1 m.
    const fromRow1 = aisleSlice(rack('rack-A-01-01'), doc.racks, catalog, 'back');
    expect(fromRow1.axis).toBe('x');
    expect(fromRow1.positionM).toBeCloseTo(9.1, 9);
    const fromRow2 = aisleSlice(rack('rack-A-02-01'), doc.racks, catalog, 'back');
    expect(fromRow2.axis).toBe('x');
    expect(fromRow2.positionM).toBeCloseTo(9.1, 9);
  });

  it('takes half a default aisle off an open front', () => {
    // Row 01's fronts at y = 7.5 face open floor; row 02's at 10.9.
    expect(aisleSlice(rack('rack-A-01-01'), doc.racks, catalog, 'front').positionM).toBeCloseTo(
      7.5 - DEFAULT_HALF_AISLE_M,
      9,
    );
    expect(aisleSlice(rack('rack-A-02-01'), doc.racks, catalog, 'front').positionM).toBeCloseTo(
      10.9 + DEFAULT_HALF_AISLE_M,
      9,
    );
  });

  it('runs along y for racks turned 90°', () => {
    const turned: Rack = { ...rack('rack-A-01-01'), id: 'turned', rotationDeg: 90, position: { x: 40, y: 15 } };
    // At 90° the front faces +x: the face at x = 40.5, the aisle's middle 0.6 m on.
    const slice = aisleSlice(turned, [...doc.racks, turned], catalog, 'front');
    expect(slice.axis).toBe('y');
    expect(slice.positionM).toBeCloseTo(41.1, 9);
  });
});

describe('a fresh load', () => {
  it('is a document opened or started, not an edit or an undo', () => {
    const store = fresh();
    const opened = buildSampleFacility();
    store.getState().load(opened, { name: 'other.hallwright', handle: null });
    expect(isFreshLoad(store.getState())).toBe(true);
    store.getState().run({ label: 'Rename', recipe: (d) => void (d.name = 'x') });
    expect(isFreshLoad(store.getState())).toBe(false);
    store.getState().undo();
    expect(isFreshLoad(store.getState())).toBe(false);
  });
});

describe('a campus, hall by hall', () => {
  // buildLargeSite(1500): seven halls of 80 × 60 × 6 m (230,400 coarse cells each), 1,612,800 in all.
  const campus = buildLargeSite(1500);
  const entry = (hallId: string, resolutionM: number): HallThermalEntry => ({
    result: {
      resolutionM,
      halls: [{ hallId }],
      fields: [],
      racks: [],
      returns: [],
      findings: [],
      seconds: 2,
    } as unknown as ThermalResult,
    sub: thermalHallDocuments(campus).get(hallId)!,
    doc: campus,
    finishedAt: '2026-12-05T12:00:00.000Z',
  });

  it('runs by itself when the hall in view is within AUTO_MAX_CELLS, whatever the whole site holds', () => {
    expect(runCells(campus, COARSE_M)).toBeGreaterThan(AUTO_MAX_CELLS);
    expect(autoRunFor(campus, null, 'hall-3')).toBe(true);
    expect(autoRunFor(campus, false, 'hall-3')).toBe(false);
  });

  it('merges the halls in document order, at the coarser grid, and tells which are stale', () => {
    const entries = { 'hall-2': entry('hall-2', 0.25), 'hall-0': entry('hall-0', 0.5) };
    const merged = mergeHallResults(entries, campus);
    expect(merged.halls.map((h) => h.hallId)).toEqual(['hall-0', 'hall-2']);
    expect(merged.resolutionM).toBe(0.5);
    expect(merged.seconds).toBe(4);
    const edited = produce(campus, (d) => void (d.racks.find((r) => r.hallId === 'hall-2')!.position.x += 0.6));
    expect([...staleHalls(entries, edited)]).toEqual(['hall-2']);
    expect(staleHalls(entries, campus).size).toBe(0);
    // A hall that lost its racks has nothing left to show: stale.
    const emptied = produce(campus, (d) => void (d.racks = d.racks.filter((r) => r.hallId !== 'hall-0')));
    expect([...staleHalls(entries, emptied)]).toEqual(['hall-0']);
  });
});
