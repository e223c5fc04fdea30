/** Constructors for new documents and entities, so every caller builds them the same way. */
import {
  FORMAT_VERSION,
  type Circuit,
  type Hall,
  type PowerComponent,
  type ProjectDocument,
  type Rack,
  type Wall,
} from './schema';
import { DEFAULT_FLOOR } from './hallDefaults';

export const DEFAULT_SETTINGS: ProjectDocument['settings'] = {
  deratingFactor: 0.8,
  electricalCode: 'NEC',
  loadBasis: 'nameplate',
  transformerMaxLoading: 0.8,
  phaseImbalanceLimitPct: 10,
  redundancy: { source: 'N', transformer: 'N', switchgear: 'N', ups: 'N', distribution: 'N' },
  coolingPowerRatio: 0.3,
  cooling: {
    redundancy: 'N+1',
    openBypassFraction: 0.35,
    openRecirculationFraction: 0.15,
    minColdAisleM: 1.2,
    minHotAisleM: 0.9,
    lightingWPerM2: 10,
    openReviewKw: 15,
    openMaxKw: 30,
    containedReviewKw: 30,
    containedMaxKw: 60,
  },
  security: {
    class4Entry: 'mantrap-or-two-factor',
    cctvRequired: true,
    minBoundariesClass4: 3,
    gpuRackClass: 4,
    minerRackClass: 2,
    otherRackClass: 3,
  },
  auxiliaryLoadKw: 0,
  tariffPerKwh: 0.08,
  currency: 'USD',
  gridM: 0.3,
  units: 'metric',
};

/** A fresh copy of the defaults: documents must never share (and so never mutate) nested settings. */
export function defaultSettings(): ProjectDocument['settings'] {
  return {
    ...DEFAULT_SETTINGS,
    redundancy: { ...DEFAULT_SETTINGS.redundancy },
    cooling: { ...DEFAULT_SETTINGS.cooling },
    security: { ...DEFAULT_SETTINGS.security },
  };
}

/** A hall with the default floor (DEFAULT_FLOOR) in no building, unless `fields` say otherwise. */
export function newHall(
  fields: Pick<Hall, 'id' | 'name' | 'code' | 'width' | 'depth' | 'height'> & Partial<Hall>,
): Hall {
  return { buildingId: null, floor: { ...DEFAULT_FLOOR }, ...fields };
}

/** Four walls on the inside faces of a rectangular hall. */
export function perimeterWalls(hall: Hall, thickness = 0.3): Wall[] {
  const { width: w, depth: d, height } = hall;
  const corners = [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: d },
    { x: 0, y: d },
  ];
  return corners.map((a, i) => ({
    id: `${hall.id}-wall-${i + 1}`,
    hallId: hall.id,
    a,
    b: corners[(i + 1) % 4]!,
    thickness,
    height,
  }));
}

/** A new, empty project: one hall, no equipment. What File → New opens. */
export function newProject(id: string): ProjectDocument {
  const hall = newHall({ id: 'hall-1', name: 'Hall 1', code: 'A', width: 30, depth: 15, height: 5 });
  return {
    formatVersion: FORMAT_VERSION,
    id,
    name: 'Untitled project',
    settings: defaultSettings(),
    buildings: [],
    halls: [hall],
    walls: perimeterWalls(hall),
    doors: [],
    rows: [],
    racks: [],
    power: [],
    cooling: [],
    containments: [],
    zones: [],
    tenants: [],
    cameras: [],
    customDevices: [],
    quotes: [],
    scenarios: [],
    tours: [],
  };
}

/** A 415 V three-phase 63 A rack circuit (worked case 1), a common AI-rack whip in IEC markets. */
export function defaultRackCircuit(id: string, name: string, side: 'A' | 'B'): Circuit {
  return {
    kind: 'circuit',
    id,
    name,
    parentId: null,
    voltageV: 415,
    phases: 3,
    breakerA: 63,
    powerFactor: 0.95,
    hundredPercentRated: false,
    side,
    existing: false,
  };
}

export function newRack(
  fields: Pick<Rack, 'id' | 'name' | 'hallId' | 'rackTypeId' | 'position'> & Partial<Rack>,
): Rack {
  return {
    rowId: null,
    rotationDeg: 0,
    devices: [],
    feeds: { a: null, b: null },
    redundancy: 'N',
    interruptible: false,
    liquidLoopId: null,
    tenantId: null,
    requiredClass: null,
    existing: false,
    ...fields,
  };
}

/**
 * A new chain component of `kind` with typical ratings for a 415 V site, for the editor's "add"
 * actions; the user edits the figures after. Sources take no parent.
 */
export function newComponent(
  kind: PowerComponent['kind'],
  fields: { id: string; name: string; parentId: string | null; side: 'A' | 'B' | null },
): PowerComponent {
  const base = { id: fields.id, name: fields.name, side: fields.side, existing: false };
  const parentId = fields.parentId;
  switch (kind) {
    case 'utility':
      return { kind, ...base, parentId: null, capacityKva: 5_000, voltageV: 13_800, powerFactor: 0.95 };
    case 'generator':
      return { kind, ...base, parentId: null, ratingKw: 1_000, voltageV: 415, backsUpId: parentId ?? '' };
    case 'transformer':
      return {
        kind,
        ...base,
        parentId,
        ratingKva: 2_500,
        primaryV: 13_800,
        voltageV: 415,
        efficiencyPct: 98.5,
        powerFactor: 0.95,
      };
    case 'switchgear':
      return {
        kind,
        ...base,
        parentId,
        ratingA: 4_000,
        voltageV: 415,
        powerFactor: 0.95,
        hundredPercentRated: false,
        zoneId: null,
      };
    case 'ups':
      return {
        kind,
        ...base,
        parentId,
        moduleKw: 100,
        moduleKva: 125,
        modules: 4,
        efficiencyPct: 96,
        batteryMinutes: 10,
        powerFactor: 0.95,
        hallId: null,
        zoneId: null,
      };
    case 'distribution':
      return {
        kind,
        ...base,
        parentId,
        type: 'pdu',
        ratingA: 400,
        voltageV: 415,
        phases: 3,
        powerFactor: 0.95,
        hundredPercentRated: false,
      };
    case 'circuit':
      return { ...defaultRackCircuit(fields.id, fields.name, fields.side ?? 'A'), parentId };
    case 'mechanical':
      return { kind, ...base, parentId, share: 0.5 };
  }
}
