/**
 * Cooling test documents: one 30 × 15 m hall with rows of racks and whatever cooling units a test
 * adds. Racks are not on the power chain (the cooling checks do not need it).
 */
import { newProject, newRack } from '../model/factory';
import type { CoolingUnit, ProjectDocument, Rotation } from '../model/schema';

export interface RowSpec {
  id: string;
  /** Plan y of the rack centres, m. */
  y: number;
  rotationDeg: Rotation;
  count: number;
  devices: { catalogId: string; count: number }[];
  rackTypeId?: string;
  liquidLoopId?: string | null;
}

/** Racks 0.6 m wide from x = 5.3, side by side. */
export function coolingHallDoc(rows: RowSpec[]): ProjectDocument {
  const doc = newProject('cooling-test');
  for (const row of rows) {
    doc.rows.push({ id: row.id, hallId: 'hall-1', name: row.id });
    for (let i = 0; i < row.count; i++) {
      let u = 1;
      doc.racks.push(
        newRack({
          id: `${row.id}-${i + 1}`,
          name: `${row.id}-${i + 1}`,
          hallId: 'hall-1',
          rowId: row.id,
          rackTypeId: row.rackTypeId ?? 'rack-48u-600x1200',
          position: { x: 5.3 + 0.6 * i, y: row.y },
          rotationDeg: row.rotationDeg,
          liquidLoopId: row.liquidLoopId ?? null,
          devices: row.devices.flatMap(({ catalogId, count }) =>
            Array.from({ length: count }, (_, k) => {
              const placement = {
                id: `${catalogId}-${k}`,
                catalogId,
                uPosition: u,
                feed: 'AB' as const,
                existing: false,
              };
              u += 10;
              return placement;
            }),
          ),
        }),
      );
    }
  }
  return doc;
}

const inHall = { existing: false, hallId: 'hall-1', rotationDeg: 0 as const };

/** A chilled-water CRAH on the hall's edge. */
export function crah(
  id: string,
  sensibleKw: number,
  airflowM3h: number,
  rejectionId: string | null = 'chiller',
): CoolingUnit {
  return {
    kind: 'air-handler',
    ...inHall,
    id,
    name: `CRAH ${id}`,
    type: 'crah',
    position: { x: 2, y: 7.5 },
    widthM: 2.5,
    depthM: 0.9,
    heightM: 2,
    sensibleKw,
    airflowM3h,
    supplyC: 20,
    fanKw: 5,
    rejectionId,
    containmentId: null,
  };
}

export function chiller(capacityKw: number, cop = 5): CoolingUnit {
  return {
    kind: 'heat-rejection',
    id: 'chiller',
    name: 'Chiller',
    existing: false,
    type: 'chiller',
    capacityKw,
    designAmbientC: 35,
    cop,
    powerKw: 0,
    zoneId: null,
  };
}
