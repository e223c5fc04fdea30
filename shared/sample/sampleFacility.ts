/**
 * The built-in sample: a former Bitcoin-mining hall being converted to AI. One 60 × 24 × 6 m hall
 * on the site's existing 5 MVA substation; row 01 still holds 20 shelving bays of Antminer S19 XP
 * (interruptible load on the old mining busway), row 02 is the first twelve GPU racks of 3 × DGX
 * H100 on A/B 415 V 63 A circuits, declared 2N.
 *
 * The chain: utility → transformers T1 (A) and T2 (B), kept from the mining days → main
 * switchboards A and B → UPS A and UPS B → PDUs A1/A2 and B1/B2 → rack circuits; the miners hang
 * on a busway off switchboard A; a new 1 MW generator backs up switchboard B; cooling and
 * auxiliary boards sit on both switchboards. Declared: sources N+1, transformers, switchgear and
 * distribution 2N, UPS 2N+1.
 *
 * The deliberate problem for a user to find: UPS B has only four 100 kW modules where UPS A has
 * five. Either UPS alone carries the GPU rows (367 kW), so the design is 2N, but with side A lost
 * and one module of UPS B failed, 300 kW is left for 367 kW: the declared 2N+1 does not hold.
 *
 * Cooling: the mining days' evaporative fan walls, with the back-to-back rows 01 and 02 sharing one
 * contained hot aisle. The GPU racks (30.6 kW) sit just above the 30 kW review threshold for
 * air-cooled racks in containment: a warning that asks for a look at rear doors or liquid.
 *
 * `npm run gen:sample` writes this to assets/sample-facility.hallwright, the file the app opens.
 */
import { defaultRackCircuit, defaultSettings, newHall, newRack, perimeterWalls } from '../model/factory';
import { newCamera, newDoor, newZone } from '../model/securityFactory';
import { FORMAT_VERSION, type Circuit, type Hall, type ProjectDocument, type Rack } from '../model/schema';

const pad = (n: number) => String(n).padStart(2, '0');

const DGX_PER_RACK = 3;
const MINERS_PER_BAY = 9;

const base = { existing: false, side: null };

function chain(): ProjectDocument['power'] {
  const existing = { existing: true };
  return [
    {
      kind: 'utility',
      ...base,
      ...existing,
      id: 'utility-1',
      name: 'Utility substation (13.8 kV, 5 MVA)',
      parentId: null,
      capacityKva: 5_000,
      voltageV: 13_800,
      powerFactor: 0.95,
    },
    {
      kind: 'generator',
      ...base,
      side: 'B',
      id: 'gen-1',
      name: 'Generator G1 (1,000 kW)',
      parentId: null,
      ratingKw: 1_000,
      voltageV: 415,
      backsUpId: 'swbd-b',
    },
    ...(['A', 'B'] as const).flatMap((side): ProjectDocument['power'] => {
      const s = side.toLowerCase();
      const modules = side === 'A' ? 5 : 4;
      return [
        {
          kind: 'transformer',
          ...base,
          ...existing,
          side,
          id: `tx-${s}`,
          name: `Transformer T${side === 'A' ? 1 : 2} (2,500 kVA)`,
          parentId: 'utility-1',
          ratingKva: 2_500,
          primaryV: 13_800,
          voltageV: 415,
          efficiencyPct: 98.5,
          powerFactor: 0.95,
        },
        {
          kind: 'switchgear',
          ...base,
          ...existing,
          side,
          id: `swbd-${s}`,
          name: `Main switchboard ${side} (4,000 A)`,
          parentId: `tx-${s}`,
          ratingA: 4_000,
          voltageV: 415,
          powerFactor: 0.95,
          hundredPercentRated: false,
          zoneId: 'zone-electrical',
        },
        {
          kind: 'ups',
          ...base,
          side,
          id: `ups-${s}`,
          name: `UPS ${side} (${modules} × 100 kW)`,
          parentId: `swbd-${s}`,
          moduleKw: 100,
          moduleKva: 125,
          modules,
          efficiencyPct: 96,
          batteryMinutes: 10,
          hallId: null,
          zoneId: 'zone-electrical',
          powerFactor: 0.95,
        },
        ...[1, 2].map((k): ProjectDocument['power'][number] => ({
          kind: 'distribution',
          ...base,
          side,
          id: `pdu-${s}${k}`,
          name: `PDU ${side}${k} (400 A)`,
          parentId: `ups-${s}`,
          type: 'pdu',
          ratingA: 400,
          voltageV: 415,
          phases: 3,
          powerFactor: 0.95,
          hundredPercentRated: false,
        })),
        {
          kind: 'mechanical',
          ...base,
          side,
          id: `mech-${s}`,
          name: `Cooling and auxiliary board ${side}`,
          parentId: `swbd-${s}`,
          share: 0.5,
        },
      ];
    }),
    {
      kind: 'distribution',
      ...base,
      ...existing,
      side: 'A',
      id: 'busway-m1',
      name: 'Miner busway M1 (1,250 A)',
      parentId: 'swbd-a',
      type: 'busway',
      ratingA: 1_250,
      voltageV: 415,
      phases: 3,
      powerFactor: 0.95,
      hundredPercentRated: false,
    },
  ];
}

export function buildSampleFacility(): ProjectDocument {
  const hall: Hall = newHall({
    id: 'hall-a',
    name: 'Hall A (ex-mining)',
    code: 'A',
    buildingId: 'building-main',
    width: 60,
    depth: 24,
    height: 6,
  });
  const power = chain();
  const racks: Rack[] = [];
  const circuit = (c: Circuit, parentId: string) => {
    power.push({ ...c, parentId });
    return c.id;
  };

  // Row 01: miner shelving bays, fronts (intakes) towards the fan-wall side at low y.
  for (let i = 1; i <= 20; i++) {
    const name = `A-01-${pad(i)}`;
    racks.push(
      newRack({
        id: `rack-${name}`,
        name,
        hallId: hall.id,
        rowId: 'row-a-01',
        rackTypeId: 'miner-shelf-2000',
        position: { x: 10.2 + 0.6 * (i - 1), y: 8 },
        rotationDeg: 0,
        devices: Array.from({ length: MINERS_PER_BAY }, (_, k) => ({
          id: `${name}-d${k + 1}`,
          catalogId: 'antminer-s19-xp',
          uPosition: 1 + 5 * k,
          feed: 'AB' as const,
          // The miners and their shelving are the site's own, kept from the mining days.
          existing: true,
        })),
        feeds: { a: circuit(defaultRackCircuit(`ckt-${name}-a`, `${name} A`, 'A'), 'busway-m1'), b: null },
        redundancy: 'N',
        interruptible: true,
        tenantId: 'tenant-mining',
        existing: true,
      }),
    );
  }

  // Row 02: GPU racks backing onto row 01 across a 1.2 m hot aisle, fronts facing +y.
  for (let i = 1; i <= 12; i++) {
    const name = `A-02-${pad(i)}`;
    const pdu = i <= 6 ? 1 : 2;
    racks.push(
      newRack({
        id: `rack-${name}`,
        name,
        hallId: hall.id,
        rowId: 'row-a-02',
        rackTypeId: 'rack-48u-600x1200',
        position: { x: 10.2 + 0.6 * (i - 1), y: 10.3 },
        rotationDeg: 180,
        devices: Array.from({ length: DGX_PER_RACK }, (_, k) => ({
          id: `${name}-d${k + 1}`,
          catalogId: 'nvidia-dgx-h100',
          uPosition: 3 + 10 * k,
          feed: 'AB' as const,
          existing: false,
        })),
        feeds: {
          a: circuit(defaultRackCircuit(`ckt-${name}-a`, `${name} A`, 'A'), `pdu-a${pdu}`),
          b: circuit(defaultRackCircuit(`ckt-${name}-b`, `${name} B`, 'B'), `pdu-b${pdu}`),
        },
        redundancy: '2N',
        tenantId: 'tenant-ai',
      }),
    );
  }

  return {
    formatVersion: FORMAT_VERSION,
    id: 'sample-ex-mining-hall',
    name: 'Sample: ex-mining hall conversion',
    settings: {
      ...defaultSettings(),
      redundancy: { source: 'N+1', transformer: '2N', switchgear: '2N', ups: '2N+1', distribution: '2N' },
      coolingPowerRatio: 0.15,
      auxiliaryLoadKw: 20,
    },
    buildings: [{ id: 'building-main', name: 'Main building' }],
    halls: [hall],
    walls: perimeterWalls(hall),
    doors: doors(hall.id),
    rows: [
      { id: 'row-a-01', hallId: hall.id, name: 'Row 01 (S19 XP miners)' },
      { id: 'row-a-02', hallId: hall.id, name: 'Row 02 (DGX H100)' },
    ],
    racks,
    power,
    cooling: fanWalls(hall.id),
    containments: [
      {
        id: 'hac-1',
        hallId: hall.id,
        name: 'Hot aisle 01/02 (contained)',
        type: 'hot',
        rowIds: ['row-a-01', 'row-a-02'],
        bypassFraction: 0.05,
        recirculationFraction: 0.03,
      },
    ],
    zones: zones(hall.id),
    tenants: [
      { id: 'tenant-ai', name: 'AI tenant (GPU cluster)', requiredClass: 4, separate: false },
      { id: 'tenant-mining', name: 'Self-mining', requiredClass: 2, separate: false },
    ],
    cameras: [
      newCamera({
        id: 'cam-1',
        name: 'CAM-1 main entrance',
        hallId: hall.id,
        position: { x: 8, y: 4 },
        directionDeg: -135,
      }),
      newCamera({
        id: 'cam-2',
        name: 'CAM-2 loading door',
        hallId: hall.id,
        position: { x: 50, y: 20 },
        directionDeg: 45,
      }),
      newCamera({ id: 'cam-3', name: 'CAM-3 fire exit', hallId: hall.id, position: { x: 56, y: 9 }, directionDeg: 37 }),
    ],
    customDevices: [],
    quotes: [],
    scenarios: SCENARIOS,
    tours: [],
  };
}

/**
 * The questions a miner asks first (issue 6): newer GPUs in the GPU row, the miner row turned over
 * to rack-scale GB200, and a cautious step that keeps the miners.
 */
const SCENARIOS: ProjectDocument['scenarios'] = [
  {
    id: 'scenario-b200',
    name: 'GPU racks → 4 × DGX B200',
    rules: [
      {
        id: 'rule-b200',
        scope: { kind: 'all' },
        match: 'gpu',
        action: {
          kind: 'replace',
          config: { rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'nvidia-dgx-b200', count: 4 }] },
        },
      },
    ],
  },
  {
    id: 'scenario-gb200',
    name: 'Miner row → GB200 NVL72',
    rules: [
      {
        id: 'rule-gb200',
        scope: { kind: 'rows', ids: ['row-a-01'] },
        match: 'miner',
        action: {
          kind: 'replace',
          config: { rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'nvidia-gb200-nvl72', count: 1 }] },
        },
      },
    ],
  },
  {
    id: 'scenario-h200',
    name: 'Keep miners, GPU racks → 3 × DGX H200',
    rules: [
      { id: 'rule-keep-miners', scope: { kind: 'all' }, match: 'miner', action: { kind: 'keep' } },
      {
        id: 'rule-h200',
        scope: { kind: 'all' },
        match: 'gpu',
        action: {
          kind: 'replace',
          config: { rackTypeId: null, devices: [{ catalogId: 'nvidia-dgx-h200', count: 3 }] },
        },
      },
    ],
  },
];

/**
 * The shells, EN 50600 style: site compound (1) → building corridor (2) → the electrical room and
 * the hall's vestibule (3) → Hall A (4). Only the hall is drawn; the rest are rooms of the graph.
 */
function zones(hallId: string): ProjectDocument['zones'] {
  return [
    newZone({ id: 'zone-site', name: 'Site compound', kind: 'site', protectionClass: 1 }),
    newZone({
      id: 'zone-corridor',
      name: 'Building corridor',
      kind: 'corridor',
      protectionClass: 2,
      parentId: 'zone-site',
    }),
    newZone({
      id: 'zone-electrical',
      name: 'Electrical room',
      kind: 'electrical-room',
      protectionClass: 3,
      parentId: 'zone-corridor',
    }),
    newZone({
      id: 'zone-vestibule',
      name: 'Hall A vestibule',
      kind: 'vestibule',
      protectionClass: 3,
      parentId: 'zone-corridor',
    }),
    newZone({
      id: 'zone-hall-a',
      name: 'Hall A',
      kind: 'data-hall',
      protectionClass: 4,
      parentId: 'zone-corridor',
      hallId,
    }),
  ];
}

/**
 * The way in is a mantrap: the vestibule's outer card door interlocked with the hall's card + PIN
 * door. The deliberate weakness: the mining days' roller door still opens from the yard straight
 * into the hall on a card alone, so the hall is two badge swipes from the street.
 */
function doors(hallId: string): ProjectDocument['doors'] {
  const declared = { cctvDeclared: true };
  return [
    newDoor({ id: 'door-gate', name: 'Site gate', zoneA: null, zoneB: 'zone-site', control: 'guard', ...declared }),
    newDoor({
      id: 'door-building',
      name: 'Staff entrance',
      zoneA: 'zone-site',
      zoneB: 'zone-corridor',
      control: 'card',
      ...declared,
    }),
    newDoor({
      id: 'door-electrical',
      name: 'Electrical room door',
      zoneA: 'zone-corridor',
      zoneB: 'zone-electrical',
      control: 'card',
      ...declared,
    }),
    newDoor({
      id: 'door-vestibule',
      name: 'Vestibule outer door',
      zoneA: 'zone-corridor',
      zoneB: 'zone-vestibule',
      control: 'card',
      interlockId: 'door-main',
      ...declared,
    }),
    newDoor({
      id: 'door-main',
      hallId,
      name: 'Main entrance',
      position: { x: 4, y: 0 },
      zoneA: 'zone-vestibule',
      zoneB: 'zone-hall-a',
      control: 'card-pin',
      interlockId: 'door-vestibule',
    }),
    newDoor({
      id: 'door-dock',
      hallId,
      name: 'Loading door',
      position: { x: 54, y: 24 },
      width: 3,
      height: 4,
      zoneA: 'zone-site',
      zoneB: 'zone-hall-a',
      control: 'card',
    }),
    newDoor({
      id: 'door-fire',
      hallId,
      name: 'Fire exit',
      position: { x: 60, y: 12 },
      rotationDeg: 90,
      zoneA: 'zone-hall-a',
      zoneB: null,
      emergencyExit: true,
      egressOnly: true,
      alarmed: true,
    }),
  ];
}

/**
 * The mining days' fan walls, kept: wetted-pad evaporative coolers drawing outdoor air at a 35 °C
 * dry-bulb / 22 °C wet-bulb summer design day; three on the south wall face the miners' intakes,
 * two on the north wall the GPU racks'. Five × 60,000 m³/h carry the hall with one lost (N+1).
 */
function fanWalls(hallId: string): ProjectDocument['cooling'] {
  const at = (i: number, x: number, y: number, rotationDeg: 0 | 180) => ({
    kind: 'fan-wall' as const,
    id: `fw-${i}`,
    name: `Fan wall FW${i} (pad)`,
    existing: true,
    hallId,
    position: { x, y },
    rotationDeg,
    widthM: 6,
    heightM: 3,
    airflowM3h: 60_000,
    outdoorDryBulbC: 35,
    outdoorWetBulbC: 22,
    padEffectiveness: 0.85,
    fanKw: 7.5,
  });
  return [at(1, 8, 0.4, 180), at(2, 16, 0.4, 180), at(3, 24, 0.4, 180), at(4, 10, 23.6, 0), at(5, 18, 23.6, 0)];
}
