/**
 * The project document: plain, serialisable data saved as a `.hallwright` file.
 *
 * Conventions (see docs/architecture.md):
 * - Lengths in metres, power in watts (W) or kVA as named, currents in amperes, voltages in volts.
 * - Plan coordinates are hall-local: x runs along the hall's length (0…width), y across it (0…depth).
 *   In 3D, plan x → world X, plan y → world Z, height → world Y.
 * - A rack's `position` is the centre of its footprint; `rotationDeg` turns it clockwise seen from
 *   above. At 0° the rack's front (air intake) faces −y.
 * - Ids are stable strings; nothing derived (totals, findings) is ever saved.
 */
import { z } from 'zod';
import { ENTITY_COLLECTIONS } from './entities';

export const FORMAT_VERSION = 2;

const id = z.string().min(1).max(128);
const name = z.string().max(200);
/** A finite number (JSON cannot hold NaN/Infinity, but a hand-edited or generated file can try). */
const finite = z.number().finite();
const nonNegative = finite.nonnegative();
const positive = finite.positive();

export const point2Schema = z.object({ x: finite.min(-10_000).max(10_000), y: finite.min(-10_000).max(10_000) });
export type Point2 = z.infer<typeof point2Schema>;

export const rotationSchema = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Rotation = z.infer<typeof rotationSchema>;

export const hallSchema = z.object({
  id,
  name,
  /** Inner dimensions in metres. */
  width: positive.max(10_000),
  depth: positive.max(10_000),
  height: positive.max(100),
});
export type Hall = z.infer<typeof hallSchema>;

export const wallSchema = z.object({
  id,
  hallId: id,
  a: point2Schema,
  b: point2Schema,
  thickness: positive.max(10),
  height: positive.max(100),
});
export type Wall = z.infer<typeof wallSchema>;

export const doorSchema = z.object({
  id,
  hallId: id,
  name,
  /** Centre of the opening in plan, on a wall line. */
  position: point2Schema,
  /** Opening width and height in metres. */
  width: positive.max(20),
  height: positive.max(20),
  /** Direction of the wall the door sits in: 0 = along x, 90 = along y. */
  rotationDeg: rotationSchema,
});
export type Door = z.infer<typeof doorSchema>;

export const rowSchema = z.object({ id, hallId: id, name });
export type Row = z.infer<typeof rowSchema>;

export const devicePlacementSchema = z.object({
  id,
  /** A catalog device id (built-in or the project's custom catalog). */
  catalogId: id,
  /** Lowest rack unit the device occupies, 1-based from the bottom. */
  uPosition: z.number().int().min(1).max(60),
  /**
   * Which of the rack's feed sides the device's power supplies plug into: 'AB' splits them as
   * evenly as they go (A takes the odd one), 'A' or 'B' puts them all on one side. On a rack with
   * one circuit every supply is on that circuit whatever this says.
   */
  feed: z.enum(['AB', 'A', 'B']),
});
export type DevicePlacement = z.infer<typeof devicePlacementSchema>;

export const rackSchema = z.object({
  id,
  name,
  hallId: id,
  rowId: id.nullable(),
  /** A catalog rack-type id. */
  rackTypeId: id,
  position: point2Schema,
  rotationDeg: rotationSchema,
  devices: z.array(devicePlacementSchema).max(200),
  /** Rack circuits by feed side. A rack on one circuit uses `a` only. */
  feeds: z.object({ a: id.nullable(), b: id.nullable() }),
  /** Declared feed redundancy: '2N' means either side alone must carry the whole rack. */
  redundancy: z.enum(['N', '2N']),
  /**
   * Interruptible load (typically Bitcoin miners, which curtail on demand): the owner accepts that
   * the rack goes dark when a component fails, so redundancy proofs do not count it as lost.
   */
  interruptible: z.boolean(),
});
export type Rack = z.infer<typeof rackSchema>;

/**
 * The electrical chain: sources, then distribution down to rack circuits, each component naming
 * its upstream `parentId`, so that the chain is a forest (one tree per source). A/B paths for 2N
 * are two trees, or two branches of one, with components labelled by `side`.
 */
const side = z.enum(['A', 'B']).nullable();
const componentBase = {
  id,
  name,
  /** Feed side for 2N designs: losing side A fails every component labelled A. */
  side,
  /** Already on site (inherited from the mining days): kept out of the new-build bill of materials. */
  existing: z.boolean(),
};
/** Upstream component, or null where the chain above is not modelled (yet). */
const parentId = id.nullable();
const powerFactor = finite.gt(0).max(1);
/** Efficiency at the design load, % (output / input). */
const efficiencyPct = finite.min(50).max(100);

export const utilitySchema = z.object({
  kind: z.literal('utility'),
  ...componentBase,
  parentId: z.null(),
  /** Service / substation capacity, kVA. */
  capacityKva: positive.max(10_000_000),
  /** Line-to-line voltage, V. */
  voltageV: positive.max(1_000_000),
  powerFactor,
});
export type Utility = z.infer<typeof utilitySchema>;

export const generatorSchema = z.object({
  kind: z.literal('generator'),
  ...componentBase,
  parentId: z.null(),
  /** Standby rating, kW. */
  ratingKw: positive.max(1_000_000),
  voltageV: positive.max(1_000_000),
  /** The component this generator feeds (through its transfer switch) when that component's own supply is lost. */
  backsUpId: id,
});
export type Generator = z.infer<typeof generatorSchema>;

export const transformerSchema = z.object({
  kind: z.literal('transformer'),
  ...componentBase,
  parentId,
  ratingKva: positive.max(1_000_000),
  primaryV: positive.max(1_000_000),
  /** Secondary line-to-line voltage, V. */
  voltageV: positive.max(100_000),
  efficiencyPct,
  /** Power factor of the load it serves, to turn kVA into kW. */
  powerFactor,
});
export type Transformer = z.infer<typeof transformerSchema>;

export const switchgearSchema = z.object({
  kind: z.literal('switchgear'),
  ...componentBase,
  parentId,
  /** Main bus / incomer rating, A. */
  ratingA: positive.max(100_000),
  voltageV: positive.max(100_000),
  powerFactor,
  hundredPercentRated: z.boolean(),
});
export type Switchgear = z.infer<typeof switchgearSchema>;

export const upsSchema = z.object({
  kind: z.literal('ups'),
  ...componentBase,
  parentId,
  /** Rating of one power module, kW and kVA: the UPS is sized on both (figures.md §2.4). */
  moduleKw: positive.max(100_000),
  moduleKva: positive.max(100_000),
  /** Installed modules. */
  modules: z.number().int().min(1).max(64),
  efficiencyPct,
  /** Battery autonomy at full rated load, minutes. */
  batteryMinutes: nonNegative.max(10_000),
  /** Power factor of the load it serves. */
  powerFactor,
});
export type Ups = z.infer<typeof upsSchema>;

export const distributionSchema = z.object({
  kind: z.literal('distribution'),
  ...componentBase,
  parentId,
  /** PDU (floor power distribution unit), RPP (remote power panel) or overhead busway. */
  type: z.enum(['pdu', 'rpp', 'busway']),
  ratingA: positive.max(100_000),
  voltageV: positive.max(100_000),
  phases: z.union([z.literal(1), z.literal(3)]),
  powerFactor,
  hundredPercentRated: z.boolean(),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const circuitSchema = z.object({
  kind: z.literal('circuit'),
  ...componentBase,
  side: z.enum(['A', 'B']),
  parentId,
  /** Line-to-line voltage for three-phase, line voltage for single-phase, V. */
  voltageV: positive.max(1_000),
  phases: z.union([z.literal(1), z.literal(3)]),
  /** Breaker (overcurrent protective device) rating, A. */
  breakerA: positive.max(10_000),
  powerFactor,
  /** A breaker assembly listed for 100 % continuous operation (NEC 210.20(A) exception). */
  hundredPercentRated: z.boolean(),
});
export type Circuit = z.infer<typeof circuitSchema>;

/**
 * Facility (mechanical and auxiliary) load hung on the chain: cooling plant, lighting. It carries
 * `share` of the site's cooling + auxiliary power (settings), so A and B boards can split it.
 */
export const mechanicalSchema = z.object({
  kind: z.literal('mechanical'),
  ...componentBase,
  parentId,
  share: finite.min(0).max(1),
});
export type Mechanical = z.infer<typeof mechanicalSchema>;

export const powerComponentSchema = z.discriminatedUnion('kind', [
  utilitySchema,
  generatorSchema,
  transformerSchema,
  switchgearSchema,
  upsSchema,
  distributionSchema,
  circuitSchema,
  mechanicalSchema,
]);
export type PowerComponent = z.infer<typeof powerComponentSchema>;
export type PowerKind = PowerComponent['kind'];

/** Levels of the chain at which a redundancy model is declared and proven. */
export const REDUNDANCY_LEVELS = ['source', 'transformer', 'switchgear', 'ups', 'distribution'] as const;
export type RedundancyLevel = (typeof REDUNDANCY_LEVELS)[number];
export const redundancyModelSchema = z.enum(['N', 'N+1', '2N', '2N+1']);
export type RedundancyModel = z.infer<typeof redundancyModelSchema>;

export const settingsSchema = z.object({
  /**
   * Continuous-load derating applied to breakers, switchgear and services: 0.8 under NEC
   * 210.20(A) / 215.3 / 230.42 (a continuous load may use 1/1.25 of the rating); 1.0 for IEC
   * practice or 100 %-rated assemblies. Site parameter, as figures.md §2.2 advises.
   */
  deratingFactor: finite.gt(0).max(1),
  /** Which standard breaker sizes sizing suggestions use: NEC 240.6(A) or IEC preferred values. */
  electricalCode: z.enum(['NEC', 'IEC']),
  /** Which device power figure the power checks use. Nameplate (max) is the safe default. */
  loadBasis: z.enum(['nameplate', 'typical']),
  /** Highest continuous loading of a transformer, fraction of its kVA (worked case 8: 0.8). */
  transformerMaxLoading: finite.gt(0).max(1),
  /** Three-phase current unbalance above which a warning is raised, % (max deviation from the mean / mean). */
  phaseImbalanceLimitPct: finite.min(0).max(100),
  /** Declared redundancy per level of the chain, proven by failing components (docs/engine/power.md). */
  redundancy: z.object({
    source: redundancyModelSchema,
    transformer: redundancyModelSchema,
    switchgear: redundancyModelSchema,
    ups: redundancyModelSchema,
    distribution: redundancyModelSchema,
  }),
  /**
   * Cooling power per unit of IT power (kW/kW). A placeholder estimate until the cooling design
   * (issue 4) supplies the real figure; mining fan walls run ≈0.025, chilled-water halls 0.15–0.3.
   */
  coolingPowerRatio: finite.min(0).max(3),
  /** Constant facility load: lighting, offices, security, kW. */
  auxiliaryLoadKw: nonNegative.max(10_000_000),
  /** Energy price per kWh, in `currency`. */
  tariffPerKwh: nonNegative.max(100),
  currency: z.string().min(1).max(8),
  /** Plan snapping grid, metres. */
  gridM: positive.max(10),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A user-defined device, validated exactly like a built-in catalog entry. */
export const customDeviceSchema = z.object({
  id,
  name,
  category: z.enum(['gpu-server', 'miner', 'network', 'storage', 'other']),
  uHeight: z.number().int().min(1).max(60),
  nameplateW: nonNegative.max(500_000),
  typicalW: nonNegative.max(500_000),
  weightKg: nonNegative.max(5_000),
  psuCount: z.number().int().min(1).max(32),
  psuRedundant: z.number().int().min(0).max(31),
  source: z.string().max(2_000),
});
export type CustomDevice = z.infer<typeof customDeviceSchema>;

const projectObjectSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  id,
  name,
  settings: settingsSchema,
  halls: z.array(hallSchema).max(1_000),
  walls: z.array(wallSchema).max(100_000),
  doors: z.array(doorSchema).max(100_000),
  rows: z.array(rowSchema).max(100_000),
  racks: z.array(rackSchema).max(200_000),
  power: z.array(powerComponentSchema).max(500_000),
  customDevices: z.array(customDeviceSchema).max(10_000),
});

export const projectSchema = projectObjectSchema.superRefine(checkReferences);
export type ProjectDocument = z.infer<typeof projectSchema>;

/** Ids must be unique within the document, and every reference must resolve. */
function checkReferences(doc: z.infer<typeof projectObjectSchema>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const key of ENTITY_COLLECTIONS) {
    doc[key].forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
  }
  const halls = new Set(doc.halls.map((h) => h.id));
  const rows = new Map(doc.rows.map((r) => [r.id, r]));
  const power = new Map(doc.power.map((p) => [p.id, p]));
  const missing = (path: (string | number)[], what: string, ref: string) =>
    ctx.addIssue({ code: 'custom', path, message: `refers to ${what} "${ref}", which does not exist` });

  for (const key of ['walls', 'doors', 'rows', 'racks'] as const) {
    doc[key].forEach((item, i) => {
      if (!halls.has(item.hallId)) missing([key, i, 'hallId'], 'hall', item.hallId);
    });
  }
  doc.racks.forEach((r, i) => {
    if (r.rowId !== null) {
      const row = rows.get(r.rowId);
      if (!row) missing(['racks', i, 'rowId'], 'row', r.rowId);
      else if (row.hallId !== r.hallId)
        ctx.addIssue({ code: 'custom', path: ['racks', i, 'rowId'], message: `row "${r.rowId}" is in another hall` });
    }
    for (const side of ['a', 'b'] as const) {
      const ref = r.feeds[side];
      if (ref !== null && power.get(ref)?.kind !== 'circuit') missing(['racks', i, 'feeds', side], 'circuit', ref);
    }
    const deviceIds = new Set<string>();
    r.devices.forEach((d, j) => {
      if (deviceIds.has(d.id))
        ctx.addIssue({
          code: 'custom',
          path: ['racks', i, 'devices', j, 'id'],
          message: `duplicate device id "${d.id}"`,
        });
      deviceIds.add(d.id);
    });
  });
  doc.power.forEach((p, i) => {
    if (p.parentId !== null) {
      const parent = power.get(p.parentId);
      if (!parent) missing(['power', i, 'parentId'], 'power component', p.parentId);
      else if (!CAN_FEED[parent.kind])
        ctx.addIssue({
          code: 'custom',
          path: ['power', i, 'parentId'],
          message: `a ${parent.kind} ("${parent.id}") cannot feed other components`,
        });
    }
    if (p.kind === 'generator') {
      const backed = power.get(p.backsUpId);
      if (!backed) missing(['power', i, 'backsUpId'], 'power component', p.backsUpId);
      else if (backed.parentId === null || !CAN_FEED[backed.kind])
        ctx.addIssue({
          code: 'custom',
          path: ['power', i, 'backsUpId'],
          message: `a generator backs up a fed distribution component, not a ${backed.kind} ("${backed.id}")`,
        });
    }
  });
  const cycle = findParentCycle(doc.power);
  if (cycle !== null)
    ctx.addIssue({
      code: 'custom',
      path: ['power', cycle, 'parentId'],
      message: `the chain loops back on itself through "${doc.power[cycle]!.id}"`,
    });
  doc.customDevices.forEach((c, i) => {
    if (c.psuRedundant >= c.psuCount)
      ctx.addIssue({
        code: 'custom',
        path: ['customDevices', i, 'psuRedundant'],
        message: 'spare power supplies must be fewer than installed ones',
      });
  });
}

/** Which kinds may have children: loads (circuits, mechanical) and stand-by sources may not. */
const CAN_FEED: Record<PowerKind, boolean> = {
  utility: true,
  generator: false,
  transformer: true,
  switchgear: true,
  ups: true,
  distribution: true,
  circuit: false,
  mechanical: false,
};

/** Index of a component whose parent chain never reaches a root, or null when the chain is a forest. */
function findParentCycle(power: readonly { id: string; parentId: string | null }[]): number | null {
  const index = new Map(power.map((p, i) => [p.id, i]));
  // 0 = unvisited, 1 = on the current walk, 2 = known to reach a root.
  const state = new Uint8Array(power.length);
  for (let start = 0; start < power.length; start++) {
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      const parent: string | null = power[i]!.parentId;
      i = parent === null ? undefined : index.get(parent);
    }
    if (i !== undefined && state[i] === 1) return i;
    for (const w of walk) state[w] = 2;
  }
  return null;
}
