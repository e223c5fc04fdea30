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

export const FORMAT_VERSION = 1;

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
  /** The power source (utility service) that feeds this hall, if modelled. */
  feedId: id.nullable(),
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
});
export type Rack = z.infer<typeof rackSchema>;

/**
 * Power sources and distribution. The skeleton models utility services and rack circuits; the
 * full chain (transformers, switchgear, UPS, PDUs) joins this list as more `kind`s, each with an
 * upstream `parentId`.
 */
export const utilitySchema = z.object({
  kind: z.literal('utility'),
  id,
  name,
  parentId: z.null(),
  /** Service capacity, kVA. */
  capacityKva: positive.max(10_000_000),
  /** Line-to-line voltage, V. */
  voltageV: positive.max(1_000_000),
  powerFactor: finite.gt(0).max(1),
});
export type Utility = z.infer<typeof utilitySchema>;

export const circuitSchema = z.object({
  kind: z.literal('circuit'),
  id,
  name,
  /** Upstream component, or null where the chain is not modelled yet. */
  parentId: id.nullable(),
  /** Line-to-line voltage for three-phase, line voltage for single-phase, V. */
  voltageV: positive.max(1_000),
  phases: z.union([z.literal(1), z.literal(3)]),
  /** Breaker (overcurrent protective device) rating, A. */
  breakerA: positive.max(10_000),
  powerFactor: finite.gt(0).max(1),
  /** A breaker assembly listed for 100 % continuous operation (NEC 210.20(A) exception). */
  hundredPercentRated: z.boolean(),
  side: z.enum(['A', 'B']),
});
export type Circuit = z.infer<typeof circuitSchema>;

export const powerComponentSchema = z.discriminatedUnion('kind', [utilitySchema, circuitSchema]);
export type PowerComponent = z.infer<typeof powerComponentSchema>;

export const settingsSchema = z.object({
  /**
   * Continuous-load derating applied to breakers and services: 0.8 under NEC 210.20(A) /
   * 215.3 / 230.42 (a continuous load may use 1/1.25 of the rating); 1.0 for IEC practice or
   * 100 %-rated assemblies. Site parameter, as figures.md §2.2 advises.
   */
  deratingFactor: finite.gt(0).max(1),
  /** Which device power figure the power checks use. Nameplate (max) is the safe default. */
  loadBasis: z.enum(['nameplate', 'typical']),
  /**
   * Design PUE used to turn IT load into facility load on the utility feed until the cooling
   * design supplies its own figure (PUE = facility / IT, The Green Grid).
   */
  designPue: finite.min(1).max(5),
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

  doc.halls.forEach((h, i) => {
    if (h.feedId !== null && power.get(h.feedId)?.kind !== 'utility')
      missing(['halls', i, 'feedId'], 'utility feed', h.feedId);
  });
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
    if (p.parentId !== null && !power.has(p.parentId)) missing(['power', i, 'parentId'], 'power component', p.parentId);
  });
}
