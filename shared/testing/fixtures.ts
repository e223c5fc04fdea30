/**
 * Small documents for tests, with the figures of the worked cases (copied from the reference
 * folder into the project, as tests must not read it).
 */
import { defaultRackCircuit, newProject, newRack } from '../model/factory';
import type { Circuit, ProjectDocument, Rack } from '../model/schema';

/** Worked case 1 feed: 415 V L-L, three-phase, 63 A, PF 0.95. */
export const CASE1_CIRCUIT = { voltageV: 415, phases: 3 as const, breakerA: 63, powerFactor: 0.95 };

export interface RackOptions {
  devices: { catalogId: string; count: number }[];
  sides: ('A' | 'B')[];
  redundancy?: Rack['redundancy'];
  circuit?: Partial<Circuit>;
}

/** A document with one hall and one rack, fed by circuits per `sides`. */
export function oneRackDoc(opts: RackOptions): ProjectDocument {
  const doc = newProject('test');
  const circuits = opts.sides.map((side) => ({
    ...defaultRackCircuit(`ckt-${side}`, `Circuit ${side}`, side),
    ...CASE1_CIRCUIT,
    ...opts.circuit,
  }));
  let u = 1;
  const devices = opts.devices.flatMap(({ catalogId, count }) =>
    Array.from({ length: count }, (_, i) => {
      const placement = { id: `${catalogId}-${i}`, catalogId, uPosition: u };
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
