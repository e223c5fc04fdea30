/**
 * A rack's elevation: the front of the rack by rack unit (U), what occupies each U, what is left,
 * and the rack's totals (docs/layout.md, "Rack elevations").
 *
 * U positions are 1-based from the bottom: a device of height n placed at `uPosition` occupies
 * uPosition … uPosition + n − 1 (EIA-310: 1U = 44.45 mm).
 */
import type { CatalogView, DeviceCategory, Source } from '../catalog';
import { cfmToM3s, m3sToM3h } from '../checks/cooling/airflow';
import { rackMass } from '../checks/floor/mass';
import type { DevicePlacement, ProjectDocument, Rack } from '../model/schema';

/**
 * One 1U blanking panel per empty U: an open U lets exhaust air recirculate to the front and
 * cold air bypass the servers, raising inlet temperatures.
 */
export const BLANKING_PANEL_SOURCE: Source = {
  tag: 'U',
  ref: 'Practice: EU Code of Conduct on Data Centre Energy Efficiency, Best Practice Guidelines §5.1.4 (blanking plates where there is no equipment, against hot-air recirculation through gaps in the cabinet), as also urged by ASHRAE TC 9.9 and Upsite airflow-management guidance; counting one 1U panel per empty U is a convention (panels also come in 2U)',
};

/** What colours a device in the elevation: accelerators, miners, everything else. */
export type ElevationKind = 'gpu' | 'miner' | 'other';

const KIND_OF: Record<DeviceCategory, ElevationKind> = {
  'gpu-server': 'gpu',
  'gpu-rig': 'gpu',
  miner: 'miner',
  network: 'other',
  storage: 'other',
  other: 'other',
};

export const elevationKind = (category: DeviceCategory): ElevationKind => KIND_OF[category];

/** A run of rack units, both ends included. */
export interface URange {
  bottom: number;
  top: number;
}

export interface ElevationDevice {
  placementId: string;
  catalogId: string;
  name: string;
  kind: ElevationKind;
  uHeight: number;
  range: URange;
  feed: DevicePlacement['feed'];
  existing: boolean;
  /** Catalog figures for one device: W, W, kg, m³/h (null where the catalog has no airflow). */
  nameplateW: number;
  typicalW: number;
  weightKg: number;
  airflowM3h: number | null;
  gpus: number;
}

export interface ElevationTotals {
  /** Sums of the devices' catalog figures, W. */
  nameplateW: number;
  typicalW: number;
  /** Rack frame + devices + rack PDUs, kg, as checks/floor/mass.ts weighs a rack. */
  weightKg: number;
  rackWeightKg: number;
  devicesWeightKg: number;
  rackPduWeightKg: number;
  /** Sum of the devices' published airflow, m³/h, and how many devices have none in the catalog. */
  airflowM3h: number;
  devicesWithoutAirflow: number;
  gpus: number;
}

export interface RackElevation {
  rackId: string;
  rackName: string;
  rackTypeName: string;
  /** Rack units of the rack type (42, 48, 52…). */
  uHeight: number;
  /** Placed devices, lowest first. */
  devices: ElevationDevice[];
  /** Empty runs of U, lowest first. */
  free: URange[];
  usedU: number;
  freeU: number;
  /** 1U blanking panels that close the empty U (BLANKING_PANEL_SOURCE). */
  blankingPanels: number;
  /** Rack PDUs: one per connected rack circuit, 12 kg each (RACK_PDU_KG, checks/floor/load.ts; worked case 10a, tag U). */
  rackPdus: number;
  totals: ElevationTotals;
  /** Placements of the saved rack that clash (overlap, or reach past its top), in words. */
  problems: string[];
}

export type PlaceCheck = { ok: true; range: URange } | { ok: false; range: URange; reason: string };

/** "U17", or "U41–U50" for a run. */
export function uLabel(range: URange): string {
  return range.bottom === range.top ? `U${range.bottom}` : `U${range.bottom}–U${range.top}`;
}

const rangeAt = (atU: number, deviceU: number): URange => ({ bottom: atU, top: atU + deviceU - 1 });
const overlaps = (a: URange, b: URange) => a.bottom <= b.top && b.bottom <= a.top;

/** A placed device with its catalog figures; parsing guarantees the catalog knows it, else it shows as 1U with none. */
function placedDevice(placement: DevicePlacement, catalog: CatalogView): ElevationDevice {
  const spec = catalog.device(placement.catalogId);
  const uHeight = spec?.uHeight ?? 1;
  return {
    placementId: placement.id,
    catalogId: placement.catalogId,
    name: spec?.name ?? placement.catalogId,
    kind: spec ? elevationKind(spec.category) : 'other',
    uHeight,
    range: rangeAt(placement.uPosition, uHeight),
    feed: placement.feed,
    existing: placement.existing,
    nameplateW: spec?.nameplateW ?? 0,
    typicalW: spec?.typicalW ?? 0,
    weightKg: spec?.weightKg ?? 0,
    airflowM3h: spec?.airflowCfm != null ? m3sToM3h(cfmToM3s(spec.airflowCfm)) : null,
    gpus: spec?.gpus?.count ?? 0,
  };
}

/** Which U of 1…uHeight are taken (index = U), leaving out one placement. */
function occupancy(elevation: Pick<RackElevation, 'uHeight' | 'devices'>, ignoring?: string): boolean[] {
  const taken = new Array<boolean>(elevation.uHeight + 1).fill(false);
  for (const d of elevation.devices) {
    if (d.placementId === ignoring) continue;
    for (let u = Math.max(1, d.range.bottom); u <= Math.min(d.range.top, elevation.uHeight); u++) taken[u] = true;
  }
  return taken;
}

/** Empty runs of U, lowest first. */
function freeRuns(taken: readonly boolean[], uHeight: number): URange[] {
  const runs: URange[] = [];
  for (let u = 1; u <= uHeight; u++) {
    if (taken[u]) continue;
    const last = runs.at(-1);
    if (last && last.top === u - 1) last.top = u;
    else runs.push({ bottom: u, top: u });
  }
  return runs;
}

function clashes(devices: readonly ElevationDevice[], uHeight: number): string[] {
  const problems: string[] = [];
  devices.forEach((d, i) => {
    if (d.range.top > uHeight)
      problems.push(`${d.name} at ${uLabel(d.range)} reaches past the rack's top U (U${uHeight}): move it down.`);
    for (const other of devices.slice(i + 1))
      if (overlaps(d.range, other.range))
        problems.push(
          `${d.name} at ${uLabel(d.range)} overlaps ${other.name} at ${uLabel(other.range)}: move one of them.`,
        );
  });
  return problems;
}

/** The elevation of rack `rackId`, or null when the rack or its rack type is unknown. */
export function rackElevation(
  doc: Pick<ProjectDocument, 'racks'>,
  rackId: string,
  catalog: CatalogView,
): RackElevation | null {
  const rack = doc.racks.find((r) => r.id === rackId);
  const rackType = rack ? catalog.rackType(rack.rackTypeId) : undefined;
  if (!rack || !rackType) return null;
  const { uHeight } = rackType;
  const devices = rack.devices
    .map((p) => placedDevice(p, catalog))
    .sort((a, b) => a.range.bottom - b.range.bottom || a.placementId.localeCompare(b.placementId));
  const free = freeRuns(occupancy({ uHeight, devices }), uHeight);
  const freeU = free.reduce((n, r) => n + r.top - r.bottom + 1, 0);
  // Weighed as the floor-loading check weighs it (checks/floor/mass.ts): frame + devices + rack PDUs.
  const mass = rackMass(rack, catalog)!;
  const sum = (f: (d: ElevationDevice) => number) => devices.reduce((s, d) => s + f(d), 0);
  return {
    rackId: rack.id,
    rackName: rack.name,
    rackTypeName: rackType.name,
    uHeight,
    devices,
    free,
    usedU: uHeight - freeU,
    freeU,
    blankingPanels: freeU,
    rackPdus: mass.pdus,
    totals: {
      nameplateW: sum((d) => d.nameplateW),
      typicalW: sum((d) => d.typicalW),
      weightKg: mass.massKg,
      rackWeightKg: mass.emptyKg,
      devicesWeightKg: mass.devicesKg,
      rackPduWeightKg: mass.pdusKg,
      airflowM3h: sum((d) => d.airflowM3h ?? 0),
      devicesWithoutAirflow: devices.filter((d) => d.airflowM3h === null).length,
      gpus: sum((d) => d.gpus),
    },
    problems: clashes(devices, uHeight),
  };
}

/** Every U a device of `deviceU` may start at, lowest first. */
function fittingStarts(elevation: RackElevation, deviceU: number, ignoring?: string): number[] {
  const taken = occupancy(elevation, ignoring);
  const starts: number[] = [];
  for (const run of freeRuns(taken, elevation.uHeight))
    for (let u = run.bottom; u + deviceU - 1 <= run.top; u++) starts.push(u);
  return starts;
}

/** Why a device `deviceU` tall fits nowhere in the rack, and what to do about it. */
function noRoom(elevation: RackElevation, deviceU: number, ignoring?: string): string {
  if (deviceU > elevation.uHeight)
    return `it needs ${deviceU}U and the rack has ${elevation.uHeight}U: use a taller rack`;
  const runs = freeRuns(occupancy(elevation, ignoring), elevation.uHeight);
  if (runs.length === 0) return 'the rack is full: remove a device or use another rack';
  const largest = runs.reduce((a, b) => (b.top - b.bottom > a.top - a.bottom ? b : a));
  return `no ${deviceU} free U follow one another in this rack (the largest free run is ${largest.top - largest.bottom + 1}U at ${uLabel(largest)}): move or remove devices, or use another rack`;
}

export type FreeStart = { ok: true; atU: number } | { ok: false; reason: string };

/** The lowest U where a device `deviceU` tall fits, leaving out placement `ignoring`, or why there is none. */
export function firstFreeU(elevation: RackElevation, deviceU: number, ignoring?: string): FreeStart {
  const atU = fittingStarts(elevation, deviceU, ignoring)[0];
  return atU !== undefined ? { ok: true, atU } : { ok: false, reason: noRoom(elevation, deviceU, ignoring) };
}

/** How to fix a refused placement: the nearest start that fits, else why nothing fits. */
function remedy(elevation: RackElevation, deviceU: number, atU: number, ignoring?: string): string {
  const starts = fittingStarts(elevation, deviceU, ignoring);
  if (starts.length === 0) return noRoom(elevation, deviceU, ignoring);
  const nearest = starts.reduce((best, u) => (Math.abs(u - atU) < Math.abs(best - atU) ? u : best));
  return `the nearest ${deviceU}U that are free start at U${nearest}`;
}

/**
 * Whether a device `deviceU` tall can start at `atU`, leaving out placement `ignoringPlacementId`
 * (the device being moved). A refusal says what is in the way and where the device would fit.
 */
export function canPlace(
  elevation: RackElevation,
  deviceU: number,
  atU: number,
  ignoringPlacementId?: string,
): PlaceCheck {
  const range = rangeAt(atU, deviceU);
  const refuse = (problem: string, fix = remedy(elevation, deviceU, atU, ignoringPlacementId)): PlaceCheck => ({
    ok: false,
    range,
    reason: `${problem}; ${fix}`,
  });
  if (!Number.isInteger(deviceU) || deviceU < 1)
    return { ok: false, range, reason: `a device is a whole number of U tall, at least 1U (not ${deviceU})` };
  if (!Number.isInteger(atU)) return refuse(`U${atU} is not a whole rack unit`);
  if (atU < 1) return refuse(`U${atU} is below the first U (U1)`);
  const { uHeight } = elevation;
  if (range.top > uHeight)
    return deviceU > uHeight
      ? refuse(`needs ${deviceU}U but the rack has ${uHeight}U`, 'use a taller rack')
      : refuse(`needs ${deviceU}U from U${atU} but the rack has ${uHeight}U`);
  const inTheWay = elevation.devices.filter((d) => d.placementId !== ignoringPlacementId && overlaps(range, d.range));
  if (inTheWay.length > 0)
    return refuse(`${uLabel(range)} overlaps ${inTheWay.map((d) => `${d.name} at ${uLabel(d.range)}`).join(' and ')}`);
  return { ok: true, range };
}

/** An id for a new device placement in `rack`, unused among its devices (`<rack id>-d<n>`). */
export function nextPlacementId(rack: Pick<Rack, 'id' | 'devices'>): string {
  const ids = new Set(rack.devices.map((d) => d.id));
  let n = rack.devices.length + 1;
  while (ids.has(`${rack.id}-d${n}`)) n++;
  return `${rack.id}-d${n}`;
}
