/**
 * Format migrations. Each step lifts a raw document from version n to n + 1; `migrate` applies
 * them in order so that a file from any earlier release opens in this one. A file from a newer
 * release is refused rather than guessed at.
 */
import { DEFAULT_FLOOR, hallCodeFromName } from './hallDefaults';
import { FORMAT_VERSION } from './schema';

type Raw = Record<string, unknown>;
type Migration = (doc: Raw) => Raw;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter(isObject) : []);

/**
 * 1 → 2: the full power chain (issue 3).
 * - A hall's `feedId` (utility) becomes the parent of the unparented circuits of its racks, so the
 *   loads still reach the same service.
 * - Components gain `side` (circuits keep theirs) and `existing`; device placements gain `feed`
 *   ('AB': supplies split over both sides, as v1 assumed); racks gain `interruptible` (false).
 * - `designPue` becomes `coolingPowerRatio` = PUE − 1 (v1 put all non-IT load on the service);
 *   the new settings take their defaults.
 * - Custom devices gain two power supplies in 1+1, the common server arrangement.
 * Malformed parts are left for the schema to report.
 */
function v1ToV2(doc: Raw): Raw {
  const hallFeed = new Map<unknown, unknown>();
  for (const hall of objects(doc.halls)) {
    if (typeof hall.feedId === 'string') hallFeed.set(hall.id, hall.feedId);
    delete hall.feedId;
  }
  const circuitFeed = new Map<unknown, unknown>();
  for (const rack of objects(doc.racks)) {
    rack.interruptible ??= false;
    for (const d of objects(rack.devices)) d.feed ??= 'AB';
    const feed = hallFeed.get(rack.hallId);
    if (feed !== undefined && isObject(rack.feeds)) {
      for (const c of [rack.feeds.a, rack.feeds.b]) if (typeof c === 'string') circuitFeed.set(c, feed);
    }
  }
  for (const p of objects(doc.power)) {
    p.existing ??= false;
    if (p.kind !== 'circuit') p.side ??= null;
    else if (p.parentId === null && circuitFeed.has(p.id)) p.parentId = circuitFeed.get(p.id);
  }
  for (const c of objects(doc.customDevices)) {
    c.psuCount ??= 2;
    c.psuRedundant ??= 1;
  }
  if (isObject(doc.settings)) {
    const { designPue, ...rest } = doc.settings;
    doc.settings = {
      ...rest,
      electricalCode: 'NEC',
      transformerMaxLoading: 0.8,
      phaseImbalanceLimitPct: 10,
      redundancy: { source: 'N', transformer: 'N', switchgear: 'N', ups: 'N', distribution: 'N' },
      coolingPowerRatio: typeof designPue === 'number' ? Math.max(0, designPue - 1) : 0.3,
      auxiliaryLoadKw: 0,
      tariffPerKwh: 0.08,
      currency: 'USD',
    };
  }
  return doc;
}

/**
 * 2 → 3: the cooling design (issue 4). Documents gain empty `cooling` and `containments` (so the
 * facility's cooling power stays the `coolingPowerRatio` estimate until equipment is added);
 * racks gain `liquidLoopId` (none), UPSs `hallId` (a separate electrical room), custom devices
 * air cooling at class A2 with no published airflow, and settings the cooling rules' defaults.
 */
function v2ToV3(doc: Raw): Raw {
  doc.cooling ??= [];
  doc.containments ??= [];
  for (const rack of objects(doc.racks)) rack.liquidLoopId ??= null;
  for (const p of objects(doc.power)) if (p.kind === 'ups') p.hallId ??= null;
  for (const c of objects(doc.customDevices)) {
    c.cooling ??= 'air';
    c.liquidFraction ??= 0;
    c.airflowCfm ??= null;
    c.ashraeClass ??= 'A2';
  }
  if (isObject(doc.settings))
    doc.settings.cooling ??= {
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
    };
  return doc;
}

/**
 * 3 → 4: security zoning (issue 5). Documents gain empty `zones`, `tenants` and `cameras`; doors
 * join no zones yet (null, null) with no control, so the security checks ask for zones rather than
 * guess them; racks gain no tenant and no class of their own (the settings' class by content
 * applies); UPSs, switchgear and heat rejection gain `zoneId` (none); settings the security rules'
 * defaults.
 */
function v3ToV4(doc: Raw): Raw {
  doc.zones ??= [];
  doc.tenants ??= [];
  doc.cameras ??= [];
  for (const d of objects(doc.doors)) {
    d.zoneA ??= null;
    d.zoneB ??= null;
    d.control ??= 'none';
    d.interlockId ??= null;
    d.egressOnly ??= false;
    d.emergencyExit ??= false;
    d.alarmed ??= false;
    d.cctvDeclared ??= false;
  }
  for (const rack of objects(doc.racks)) {
    rack.tenantId ??= null;
    rack.requiredClass ??= null;
  }
  for (const p of objects(doc.power)) if (p.kind === 'ups' || p.kind === 'switchgear') p.zoneId ??= null;
  for (const u of objects(doc.cooling)) if (u.kind === 'heat-rejection') u.zoneId ??= null;
  if (isObject(doc.settings))
    doc.settings.security ??= {
      class4Entry: 'mantrap-or-two-factor',
      cctvRequired: true,
      minBoundariesClass4: 3,
      gpuRackClass: 4,
      minerRackClass: 2,
      otherRackClass: 3,
    };
  return doc;
}

/**
 * 4 → 5: configurations, scenarios and the bill of materials (issue 6). Documents gain no quotes and
 * no scenarios; racks and device placements are new-build (`existing` false: an older file never
 * said what was already on site, so nothing is left out of the bill unasked); custom devices gain
 * no GPUs and no hashrate (they were not recorded before).
 */
function v4ToV5(doc: Raw): Raw {
  doc.quotes ??= [];
  doc.scenarios ??= [];
  for (const rack of objects(doc.racks)) {
    rack.existing ??= false;
    for (const d of objects(rack.devices)) d.existing ??= false;
  }
  for (const c of objects(doc.customDevices)) {
    c.gpus ??= null;
    c.hashrateThs ??= null;
  }
  return doc;
}

/** 5 → 6: presentation tours (issue 7). Documents gain no tours. */
function v5ToV6(doc: Raw): Raw {
  doc.tours ??= [];
  return doc;
}

/**
 * 6 → 7: the layout editor (issue 8).
 * - Documents gain no buildings; halls stand in none.
 * - Halls gain a code for rack names: the word after "Hall" in the name (Hall A → A), else H1, H2…
 *   in order, made unique.
 * - Halls gain a floor: a slab rated at the TIA-942 Rated-3 defaults (12 kPa, 4.5 kN), marked
 *   undeclared, because older files never recorded the building's real rating.
 * - Settings gain metric units.
 */
function v6ToV7(doc: Raw): Raw {
  doc.buildings ??= [];
  const used = new Set<string>();
  objects(doc.halls).forEach((hall, i) => {
    hall.buildingId ??= null;
    hall.floor ??= { ...DEFAULT_FLOOR };
    if (typeof hall.code !== 'string') hall.code = uniqueCode(hallCodeFromName(hall.name, i), used);
    used.add(String(hall.code).toUpperCase());
  });
  if (isObject(doc.settings)) doc.settings.units ??= 'metric';
  return doc;
}

function uniqueCode(code: string, used: Set<string>): string {
  let candidate = code;
  for (let n = 2; used.has(candidate.toUpperCase()); n++) candidate = `${code.slice(0, 6)}${n}`;
  return candidate;
}

/** MIGRATIONS[n] lifts version n + 1 to n + 2. */
const MIGRATIONS: readonly Migration[] = [v1ToV2, v2ToV3, v3ToV4, v4ToV5, v5ToV6, v6ToV7];

export type MigrationResult = { ok: true; doc: Raw } | { ok: false; error: string };

export function migrate(raw: unknown, options: { inPlace?: boolean } = {}): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'the file does not hold a Hallwright project (expected a JSON object)' };
  }
  const doc = raw as Raw;
  const version = doc.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'formatVersion: missing or not a positive whole number' };
  }
  if (version > FORMAT_VERSION) {
    return {
      ok: false,
      error: `formatVersion ${version} was written by a newer Hallwright (this one reads up to ${FORMAT_VERSION})`,
    };
  }
  // Steps mutate their argument: give them a copy so the caller's object is never touched, unless
  // the caller owns it (parseProject's fresh JSON.parse), where the copy would only double the work.
  let current = version < FORMAT_VERSION && !options.inPlace ? (JSON.parse(JSON.stringify(doc)) as Raw) : doc;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v - 1];
    if (!step) return { ok: false, error: `no migration from formatVersion ${v}` };
    current = { ...step(current), formatVersion: v + 1 };
  }
  return { ok: true, doc: current };
}
