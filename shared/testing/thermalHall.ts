/**
 * One data hall for the thermal simulation's tests and benchmarks (docs/engine/thermal.md):
 * `pairs` pairs of rows of `perRow` racks, back to back around 1.2 m hot aisles with 1.2 m cold
 * aisles between pairs, rows along x; perimeter CRAHs on the two end walls (x = 0 and x = width)
 * blowing along the aisles. Racks hold `devices` × DGX H100 (10.2 kW, 1,105 CFM each). The hall
 * is sized around the rows: `margin` metres of floor each side of them along x and 3 m along y.
 * `buildThermalHall(1000)` is the benchmark's 1,000-rack hall: 10 pairs of 50-rack rows, 20.4 MW
 * of air-cooled IT in 44 × 52.8 × 6 m, 44 CRAHs of 90,000 m³/h (0.9 M cells at 0.25 m).
 */
import { newHall, newProject, newRack, perimeterWalls } from '../model/factory';
import type { CoolingUnit, ProjectDocument, Rotation } from '../model/schema';
import { seededRandom } from '../random';

export interface ThermalHallOptions {
  pairs: number;
  perRow: number;
  /** DGX H100 servers per rack. */
  devices: number;
  /** Contain the hot aisles (ducted to the CRAHs' returns). */
  contained: boolean;
  /** CRAHs on each end wall, and the airflow of each, m³/h. */
  unitsPerWall: number;
  unitAirflowM3h: number;
  supplyC: number;
  heightM: number;
  /** Floor between the rows' ends and the end walls, m. */
  margin: number;
}

const RACK_W = 0.6;
const PAIR_PITCH = 4.8;
const CRAH = { widthM: 2.4, depthM: 0.9, heightM: 2.2 };

export function thermalHallDoc(o: ThermalHallOptions): ProjectDocument {
  const doc = newProject(`thermal-hall-${o.pairs}x${o.perRow}`);
  const width = 2 * o.margin + RACK_W * o.perRow;
  const depth = PAIR_PITCH * o.pairs + 4.8;
  const hall = newHall({ id: 'hall-1', name: 'Hall 1', code: 'A', width, depth, height: o.heightM });
  doc.halls = [hall];
  doc.walls = perimeterWalls(hall);
  for (let pair = 0; pair < o.pairs; pair++)
    for (const side of [0, 1] as const) {
      const row = 2 * pair + side;
      const rowId = `row-${row + 1}`;
      doc.rows.push({ id: rowId, hallId: hall.id, name: `Row ${row + 1}` });
      // The even row faces −y and the odd row +y: their backs meet across the hot aisle.
      const y = 3 + 0.6 + PAIR_PITCH * pair + 2.4 * side;
      const rotationDeg: Rotation = side === 0 ? 0 : 180;
      for (let i = 0; i < o.perRow; i++)
        doc.racks.push(
          newRack({
            id: `r${row + 1}-${i + 1}`,
            name: `R${row + 1}-${i + 1}`,
            hallId: hall.id,
            rowId,
            rackTypeId: 'rack-48u-600x1200',
            position: { x: o.margin + RACK_W * (i + 0.5), y },
            rotationDeg,
            devices: Array.from({ length: o.devices }, (_, d) => ({
              id: `r${row + 1}-${i + 1}-d${d + 1}`,
              catalogId: 'nvidia-dgx-h100',
              uPosition: 3 + 10 * d,
              feed: 'AB' as const,
              existing: false,
            })),
          }),
        );
      if (o.contained && side === 1)
        doc.containments.push({
          id: `hac-${pair + 1}`,
          hallId: hall.id,
          name: `Hot aisle ${pair + 1}`,
          type: 'hot',
          rowIds: [`row-${row}`, rowId],
          bypassFraction: 0.05,
          recirculationFraction: 0.03,
        });
    }
  const pitch = depth / o.unitsPerWall;
  for (const [wall, x, rotationDeg] of [
    ['w', CRAH.depthM / 2, 90],
    ['e', width - CRAH.depthM / 2, 270],
  ] as const)
    for (let u = 0; u < o.unitsPerWall; u++)
      doc.cooling.push(crah(`crah-${wall}${u + 1}`, { x, y: pitch * (u + 0.5) }, rotationDeg, o));
  return doc;
}

function crah(
  id: string,
  position: { x: number; y: number },
  rotationDeg: Rotation,
  o: Pick<ThermalHallOptions, 'unitAirflowM3h' | 'supplyC'>,
): Extract<CoolingUnit, { kind: 'air-handler' }> {
  return {
    kind: 'air-handler',
    id,
    name: id.toUpperCase(),
    existing: false,
    hallId: 'hall-1',
    position,
    rotationDeg,
    type: 'crah',
    ...CRAH,
    sensibleKw: 500,
    airflowM3h: o.unitAirflowM3h,
    supplyC: o.supplyC,
    fanKw: 10,
    rejectionId: null,
    containmentId: null,
  };
}

/** The benchmark hall: about `racks` racks (whole pairs of 50-rack rows). */
export function buildThermalHall(racks: number): ProjectDocument {
  const perRow = 50;
  const pairs = Math.max(1, Math.round(racks / (2 * perRow)));
  return thermalHallDoc({
    pairs,
    perRow,
    devices: 2,
    contained: true,
    unitsPerWall: Math.max(1, Math.round((pairs * 44) / 20)),
    unitAirflowM3h: 90_000,
    supplyC: 20,
    heightM: 6,
    margin: 7,
  });
}

/**
 * One rack in a duct (the analytic check): a 1.2 m wide, 6 m long, 2.2 m high channel closed by
 * the rack (3 × DGX H100, 30.6 kW, 3 × 1,105 CFM) and an in-row cooler beside it, both filling
 * its cross-section and facing −y. The cooler moves exactly the rack's airflow: it supplies the
 * upstream half, which the rack draws from, and takes back the downstream half, which only the
 * rack's exhaust fills. So the rack's intake is the supply temperature, its exhaust and the
 * cooler's return are T_supply + P / (ρ · c_p · V̇), and the cooler removes P. No lighting.
 */
export function ductDoc(supplyC = 20): ProjectDocument {
  const doc = newProject('thermal-duct');
  const hall = newHall({ id: 'hall-1', name: 'Duct', code: 'D', width: 1.2, depth: 6, height: 2.2 });
  doc.halls = [hall];
  doc.walls = perimeterWalls(hall);
  doc.settings.cooling.lightingWPerM2 = 0;
  doc.racks.push(
    newRack({
      id: 'rack',
      name: 'Rack',
      hallId: hall.id,
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 0.3, y: 3 },
      rotationDeg: 0,
      devices: [1, 2, 3].map((d) => ({
        id: `d${d}`,
        catalogId: 'nvidia-dgx-h100',
        uPosition: 10 * d - 7,
        feed: 'AB' as const,
        existing: false,
      })),
    }),
  );
  // 3 × 1,105 CFM in m³/h (1 m³/s = 2,118.88 CFM).
  const airflowM3h = ((3 * 1105) / 2118.88) * 3600;
  doc.cooling.push({
    ...crah('inrow', { x: 0.9, y: 3 }, 0, { unitAirflowM3h: airflowM3h, supplyC }),
    type: 'inrow',
    widthM: 0.6,
    depthM: 1.2,
    heightM: 2.2,
  });
  return doc;
}

/**
 * A random layout: racks on random slots of a 2.4 m lattice in a 20 × 14 × 4 m hall, each
 * turned a random quarter, holding 1–4 DGX H100 or 9 Antminer S19 XP, with four CRAHs on random
 * walls. Nothing is contained; some racks blow into each other: the energy balance must close
 * whatever the layout.
 */
export function randomLayoutDoc(seed: number, racks = 24): ProjectDocument {
  const rnd = seededRandom(seed);
  const doc = newProject(`thermal-random-${seed}`);
  const hall = newHall({ id: 'hall-1', name: 'Random hall', code: 'R', width: 20, depth: 14, height: 4 });
  doc.halls = [hall];
  doc.walls = perimeterWalls(hall);
  const slots: { x: number; y: number }[] = [];
  for (let x = 3.6; x <= 16.4; x += 2.4) for (let y = 3.6; y <= 10.4; y += 2.4) slots.push({ x, y });
  for (let i = 0; i < racks && slots.length > 0; i++) {
    const slot = slots.splice(Math.floor(rnd() * slots.length), 1)[0]!;
    const miner = rnd() < 0.3;
    const count = miner ? 9 : 1 + Math.floor(rnd() * 4);
    doc.racks.push(
      newRack({
        id: `r${i + 1}`,
        name: `R${i + 1}`,
        hallId: hall.id,
        rackTypeId: miner ? 'miner-shelf-2000' : 'rack-48u-600x1200',
        position: slot,
        rotationDeg: ([0, 90, 180, 270] as const)[Math.floor(rnd() * 4)]!,
        devices: Array.from({ length: count }, (_, d) => ({
          id: `r${i + 1}-d${d + 1}`,
          catalogId: miner ? 'antminer-s19-xp' : 'nvidia-dgx-h100',
          uPosition: 1 + (miner ? 5 : 10) * d,
          feed: 'AB' as const,
          existing: false,
        })),
      }),
    );
  }
  const walls: { x: number; y: number; rotationDeg: Rotation }[] = [
    { x: 0.45, y: 2 + rnd() * 10, rotationDeg: 90 },
    { x: 19.55, y: 2 + rnd() * 10, rotationDeg: 270 },
    { x: 2 + rnd() * 16, y: 0.45, rotationDeg: 180 },
    { x: 2 + rnd() * 16, y: 13.55, rotationDeg: 0 },
  ];
  const o = { unitAirflowM3h: 40_000 + rnd() * 20_000, supplyC: 18 + rnd() * 6 };
  walls.forEach((w, u) => doc.cooling.push(crah(`crah-${u + 1}`, w, w.rotationDeg, o)));
  return doc;
}
