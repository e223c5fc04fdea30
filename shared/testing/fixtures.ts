/**
 * Small documents for tests, with the figures of the worked cases (copied from the reference
 * folder into the project, as tests must not read it).
 */
import { defaultRackCircuit, newProject, newRack } from '../model/factory';
import type { Circuit, ProjectDocument, Rack, RedundancyModel, Ups, Utility } from '../model/schema';

/** Worked case 1 feed: 415 V L-L, three-phase, 63 A, PF 0.95. */
export const CASE1_CIRCUIT = { voltageV: 415, phases: 3 as const, breakerA: 63, powerFactor: 0.95 };

export interface RackOptions {
  devices: { catalogId: string; count: number }[];
  sides: ('A' | 'B')[];
  redundancy?: Rack['redundancy'];
  circuit?: Partial<Circuit>;
}

/** A utility large enough never to limit a test about what hangs below it. */
export const BIG_UTILITY: Utility = {
  kind: 'utility',
  id: 'utility',
  name: 'Utility',
  side: null,
  existing: true,
  parentId: null,
  capacityKva: 100_000,
  voltageV: 13_800,
  powerFactor: 1,
};

/** A document with one hall and one rack, fed by circuits per `sides` straight off a large utility. */
export function oneRackDoc(opts: RackOptions): ProjectDocument {
  const doc = newProject('test');
  const circuits = opts.sides.map((side) => ({
    ...defaultRackCircuit(`ckt-${side}`, `Circuit ${side}`, side),
    parentId: BIG_UTILITY.id,
    ...CASE1_CIRCUIT,
    ...opts.circuit,
  }));
  doc.power.push(BIG_UTILITY);
  let u = 1;
  const devices = opts.devices.flatMap(({ catalogId, count }) =>
    Array.from({ length: count }, (_, i) => {
      const placement = { id: `${catalogId}-${i}`, catalogId, uPosition: u, feed: 'AB' as const, existing: false };
      u += 10;
      return placement;
    }),
  );
  doc.power.push(...circuits);
  doc.racks.push(
    newRack({
      id: 'rack-1',
      name: 'R1',
      hallId: 'hall-1',
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 5, y: 5 },
      devices,
      feeds: { a: opts.sides.includes('A') ? 'ckt-A' : null, b: opts.sides.includes('B') ? 'ckt-B' : null },
      redundancy: opts.redundancy ?? 'N',
    }),
  );
  return doc;
}

/** A load bank for chain tests: 100 kW, 1U, two supplies in 1+1. */
export const LOAD_BANK_ID = 'load-bank-100kw';

export interface UpsChainOptions {
  /** Critical load, W (a multiple of 100 kW). */
  loadW: number;
  moduleKw: number;
  /** Modules of UPS A, and of UPS B when the chain is two-sided (2N models). */
  modulesA: number;
  modulesB?: number;
  declared: RedundancyModel;
}

/**
 * Utility → UPS A (→ and UPS B) → one rack circuit per side → one rack of 100 kW load banks.
 * Circuits are 100 %-rated and large, so only the UPS level can fail (worked case 8).
 */
export function upsChainDoc(opts: UpsChainOptions): ProjectDocument {
  const doc = newProject('ups-chain');
  doc.settings.redundancy.ups = opts.declared;
  doc.customDevices.push({
    id: LOAD_BANK_ID,
    name: 'Load bank 100 kW',
    category: 'other',
    uHeight: 1,
    nameplateW: 100_000,
    typicalW: 100_000,
    weightKg: 20,
    psuCount: 2,
    psuRedundant: 1,
    cooling: 'air',
    liquidFraction: 0,
    airflowCfm: null,
    ashraeClass: 'A2',
    gpus: null,
    hashrateThs: null,
    source: 'test fixture',
  });
  const twoSided = opts.modulesB !== undefined;
  const sides = twoSided ? (['A', 'B'] as const) : (['A'] as const);
  doc.power.push(BIG_UTILITY);
  for (const side of sides) {
    const ups: Ups = {
      kind: 'ups',
      id: `ups-${side}`,
      name: `UPS ${side}`,
      side,
      existing: false,
      parentId: 'utility',
      moduleKw: opts.moduleKw,
      moduleKva: opts.moduleKw,
      modules: side === 'A' ? opts.modulesA : opts.modulesB!,
      efficiencyPct: 96,
      batteryMinutes: 10,
      powerFactor: 1,
      hallId: null,
      zoneId: null,
    };
    doc.power.push(ups, {
      ...defaultRackCircuit(`ckt-${side}`, `Circuit ${side}`, side),
      parentId: ups.id,
      breakerA: 10_000,
      hundredPercentRated: true,
    });
  }
  const count = Math.round(opts.loadW / 100_000);
  doc.racks.push(
    newRack({
      id: 'rack-1',
      name: 'R1',
      hallId: 'hall-1',
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 5, y: 5 },
      devices: Array.from({ length: count }, (_, i) => ({
        id: `bank-${i}`,
        catalogId: LOAD_BANK_ID,
        uPosition: 1 + i,
        feed: 'AB' as const,
        existing: false,
      })),
      feeds: { a: 'ckt-A', b: twoSided ? 'ckt-B' : null },
      redundancy: twoSided ? '2N' : 'N',
    }),
  );
  return doc;
}
