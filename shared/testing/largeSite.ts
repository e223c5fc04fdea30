/**
 * A synthetic large site for benchmarks: GPU racks of 3 × DGX H100 on A/B 63 A circuits, 12
 * racks per 800 A PDU pair, 6 PDU pairs per UPS pair (6 × 500 kW modules), one transformer pair
 * (5 MVA) per UPS pair, all under one utility, declared 2N. Sized to pass: the checks do their
 * full work without a flood of findings. Halls of 240 racks in 12 rows of 20, back to back in
 * pairs around contained hot aisles (1.2 m aisles; a last row without a partner in open air),
 * cooled by 28 CRAHs of 300 kW / 60,000 m³/h (N+1) on a chiller per hall. Zoned to pass the
 * security rules (`siteSecurity`).
 */
import { defaultRackCircuit, defaultSettings, newHall, newRack, perimeterWalls } from '../model/factory';
import { newCamera, newDoor, newZone } from '../model/securityFactory';
import {
  FORMAT_VERSION,
  type Containment,
  type CoolingUnit,
  type Hall,
  type PowerComponent,
  type ProjectDocument,
  type Rack,
  type Row,
} from '../model/schema';

const RACKS_PER_PDU = 12;
const PDUS_PER_UPS = 6;
const UPS_PER_TX = 1;
const RACKS_PER_HALL = 240;
const RACKS_PER_ROW = 20;
const CRAHS_PER_HALL = 28;

/** Per hall: 28 CRAHs along the far wall and a chiller. */
function hallCooling(h: number): CoolingUnit[] {
  const units: CoolingUnit[] = Array.from({ length: CRAHS_PER_HALL }, (_, c) => ({
    kind: 'air-handler',
    id: `crah-${h}-${c}`,
    name: `CRAH ${h}.${c}`,
    existing: false,
    hallId: `hall-${h}`,
    position: { x: 2 + 2.7 * c, y: 57 },
    rotationDeg: 0,
    type: 'crah',
    widthM: 2.5,
    depthM: 0.9,
    heightM: 2,
    sensibleKw: 300,
    airflowM3h: 60_000,
    supplyC: 20,
    fanKw: 7.5,
    rejectionId: `chiller-${h}`,
    containmentId: null,
  }));
  units.push({
    kind: 'heat-rejection',
    id: `chiller-${h}`,
    name: `Chiller ${h}`,
    existing: false,
    type: 'chiller',
    capacityKw: 8_000,
    designAmbientC: 35,
    cop: 5,
    powerKw: 0,
    zoneId: 'zone-yard',
  });
  return units;
}

export function buildLargeSite(rackCount: number): ProjectDocument {
  const power: PowerComponent[] = [
    {
      kind: 'utility',
      id: 'utility',
      name: 'Utility',
      side: null,
      existing: true,
      parentId: null,
      capacityKva: 10_000_000,
      voltageV: 138_000,
      powerFactor: 0.95,
    },
  ];
  const halls: Hall[] = [];
  const racks: Rack[] = [];
  const rows: Row[] = [];
  const cooling: CoolingUnit[] = [];
  const containments: Containment[] = [];
  const base = { existing: false };
  let pdus = 0;
  for (let i = 0; i < rackCount; i++) {
    const h = Math.floor(i / RACKS_PER_HALL);
    if (i % RACKS_PER_HALL === 0) {
      halls.push(newHall({ id: `hall-${h}`, name: `Hall ${h}`, code: `H${h}`, width: 80, depth: 60, height: 6 }));
      cooling.push(...hallCooling(h));
    }
    const k = i % RACKS_PER_HALL;
    const row = Math.floor(k / RACKS_PER_ROW);
    if (k % RACKS_PER_ROW === 0) rows.push({ id: `row-${h}-${row}`, hallId: `hall-${h}`, name: `Row ${h}.${row}` });
    // A pair of rows around a hot aisle, contained once its second row stands: a last row left
    // without a partner stays in open air (a containment naming a row that does not exist is a
    // document the app refuses to open).
    if (k % (2 * RACKS_PER_ROW) === RACKS_PER_ROW)
      containments.push({
        id: `hac-${h}-${(row - 1) / 2}`,
        hallId: `hall-${h}`,
        name: `Hot aisle ${h}.${(row - 1) / 2}`,
        type: 'hot',
        rowIds: [`row-${h}-${row - 1}`, `row-${h}-${row}`],
        bypassFraction: 0.05,
        recirculationFraction: 0.03,
      });
    if (i % RACKS_PER_PDU === 0) {
      const p = pdus++;
      const u = Math.floor(p / PDUS_PER_UPS);
      const t = Math.floor(u / UPS_PER_TX);
      for (const side of ['A', 'B'] as const) {
        const s = side.toLowerCase();
        if (u % UPS_PER_TX === 0 && p % PDUS_PER_UPS === 0)
          power.push({
            kind: 'transformer',
            ...base,
            side,
            id: `tx-${t}${s}`,
            name: `T${t}${side}`,
            parentId: 'utility',
            ratingKva: 5_000,
            primaryV: 13_800,
            voltageV: 415,
            efficiencyPct: 98.5,
            powerFactor: 0.95,
          });
        if (p % PDUS_PER_UPS === 0)
          power.push({
            kind: 'ups',
            ...base,
            side,
            id: `ups-${u}${s}`,
            name: `UPS ${u}${side}`,
            parentId: `tx-${t}${s}`,
            moduleKw: 500,
            moduleKva: 500,
            modules: 6,
            efficiencyPct: 96,
            batteryMinutes: 10,
            hallId: null,
            zoneId: 'zone-electrical',
            powerFactor: 1,
          });
        power.push({
          kind: 'distribution',
          ...base,
          side,
          id: `pdu-${p}${s}`,
          name: `PDU ${p}${side}`,
          parentId: `ups-${u}${s}`,
          type: 'pdu',
          ratingA: 800,
          voltageV: 415,
          phases: 3,
          powerFactor: 0.95,
          hundredPercentRated: false,
        });
      }
    }
    const p = pdus - 1;
    const a = { ...defaultRackCircuit(`ckt-${i}-a`, `R${i} A`, 'A'), parentId: `pdu-${p}a` };
    const b = { ...defaultRackCircuit(`ckt-${i}-b`, `R${i} B`, 'B'), parentId: `pdu-${p}b` };
    power.push(a, b);
    racks.push(
      newRack({
        id: `rack-${i}`,
        name: `R${i}`,
        hallId: `hall-${h}`,
        rackTypeId: 'rack-48u-600x1200',
        rowId: `row-${h}-${row}`,
        // Pairs of rows back to back: the even row faces −y, the odd one +y, 1.2 m aisles.
        position: { x: 2 + 0.6 * (k % RACKS_PER_ROW), y: 2 + 4.8 * Math.floor(row / 2) + 2.4 * (row % 2) },
        rotationDeg: row % 2 === 0 ? 0 : 180,
        devices: [1, 2, 3].map((d) => ({
          id: `rack-${i}-d${d}`,
          catalogId: 'nvidia-dgx-h100',
          uPosition: 10 * d - 7,
          feed: 'AB' as const,
          existing: false,
        })),
        feeds: { a: a.id, b: b.id },
        redundancy: '2N',
      }),
    );
  }
  return {
    formatVersion: FORMAT_VERSION,
    id: `large-${rackCount}`,
    name: `Synthetic site, ${rackCount} racks`,
    settings: {
      ...defaultSettings(),
      redundancy: { source: 'N', transformer: '2N', switchgear: 'N', ups: '2N', distribution: '2N' },
    },
    buildings: [],
    halls,
    walls: halls.flatMap((h) => perimeterWalls(h)),
    ...siteSecurity(halls),
    tenants: [],
    rows,
    racks,
    power,
    cooling,
    containments,
    customDevices: [],
    quotes: [],
    scenarios: [],
    tours: [],
  };
}

/**
 * Zoning that passes: site (1) → corridor (2) → per hall a vestibule (3, a mantrap) → the hall
 * (4, drawn), and a class-3 plant yard for the chillers. Each hall door is watched by a camera.
 */
function siteSecurity(halls: Hall[]): Pick<ProjectDocument, 'zones' | 'doors' | 'cameras'> {
  const watched = { cctvDeclared: true };
  const zones = [
    newZone({ id: 'zone-site', name: 'Site', kind: 'site', protectionClass: 1 }),
    newZone({ id: 'zone-corridor', name: 'Corridor', kind: 'corridor', protectionClass: 2, parentId: 'zone-site' }),
    newZone({ id: 'zone-yard', name: 'Plant yard', kind: 'plant-room', protectionClass: 3, parentId: 'zone-site' }),
    newZone({
      id: 'zone-electrical',
      name: 'Electrical rooms',
      kind: 'electrical-room',
      protectionClass: 3,
      parentId: 'zone-corridor',
    }),
  ];
  const doors = [
    newDoor({ id: 'door-gate', name: 'Gate', zoneB: 'zone-site', control: 'guard', ...watched }),
    newDoor({
      id: 'door-entry',
      name: 'Entry',
      zoneA: 'zone-site',
      zoneB: 'zone-corridor',
      control: 'card',
      ...watched,
    }),
    newDoor({ id: 'door-yard', name: 'Yard', zoneA: 'zone-corridor', zoneB: 'zone-yard', control: 'card', ...watched }),
    newDoor({
      id: 'door-electrical',
      name: 'Electrical',
      zoneA: 'zone-corridor',
      zoneB: 'zone-electrical',
      control: 'card',
      ...watched,
    }),
  ];
  const cameras = [];
  for (const hall of halls) {
    const h = hall.id;
    zones.push(
      newZone({
        id: `zone-vest-${h}`,
        name: `Vestibule ${hall.name}`,
        kind: 'vestibule',
        protectionClass: 3,
        parentId: 'zone-corridor',
      }),
      newZone({
        id: `zone-${h}`,
        name: hall.name,
        kind: 'data-hall',
        protectionClass: 4,
        parentId: 'zone-corridor',
        hallId: h,
      }),
    );
    doors.push(
      newDoor({
        id: `door-vest-${h}`,
        name: `Vestibule ${hall.name}`,
        zoneA: 'zone-corridor',
        zoneB: `zone-vest-${h}`,
        control: 'card',
        interlockId: `door-${h}`,
        ...watched,
      }),
      newDoor({
        id: `door-${h}`,
        name: `Door ${hall.name}`,
        hallId: h,
        position: { x: 1, y: 0 },
        zoneA: `zone-vest-${h}`,
        zoneB: `zone-${h}`,
        control: 'card-pin',
      }),
    );
    cameras.push(
      newCamera({
        id: `cam-${h}`,
        name: `Camera ${hall.name}`,
        hallId: h,
        position: { x: 3, y: 3 },
        directionDeg: -135,
      }),
    );
  }
  return { zones, doors, cameras };
}
