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
import { BUILTIN_DEVICES } from '../catalog/devices';
import { ENTITY_COLLECTIONS } from './entities';

const BUILTIN_DEVICE_IDS = new Set(BUILTIN_DEVICES.map((d) => d.id));

export const FORMAT_VERSION = 7;

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

/** A building of the site: halls name the one they stand in (the outliner's site → building → hall). */
export const buildingSchema = z.object({ id, name });
export type Building = z.infer<typeof buildingSchema>;

/**
 * A hall's floor and what it may carry (checks/floor, docs/engine/floor.md). Ratings are the
 * structure's superimposed live load: a uniform load in kPa and a concentrated (point) load in kN,
 * as TIA-942 and TIA-569 state them (12 kPa and 4.5 kN for a Rated-3 computer room). A raised floor
 * lifts the racks by `raisedHeightM`; a slab has height 0.
 */
export const floorSchema = z.object({
  kind: z.enum(['slab', 'raised']),
  raisedHeightM: nonNegative.max(3),
  uniformLoadKpa: positive.max(1_000),
  pointLoadKn: positive.max(1_000),
  /** The ratings come from the building's structural record; false while they are the TIA-942 defaults. */
  ratingDeclared: z.boolean(),
});
export type Floor = z.infer<typeof floorSchema>;

export const hallSchema = z.object({
  id,
  name,
  /** Short code that starts the automatic rack names Hall-Row-Position (A-03-12). */
  code: z
    .string()
    .min(1)
    .max(8)
    .regex(/^[A-Za-z0-9]+$/, 'letters and digits only'),
  buildingId: id.nullable(),
  /** Inner dimensions in metres; `height` is the clear ceiling height above the slab. */
  width: positive.max(10_000),
  depth: positive.max(10_000),
  height: positive.max(100),
  floor: floorSchema,
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

/**
 * Security (docs/engine/security.md). Protection classes 1–4 follow EN 50600-1: 1 public or
 * semi-public, 2 all authorised persons, 3 specified staff and visitors (plant rooms), 4 specified
 * staff with an identified need (computer rooms). Outside the site is class 0 and is never a zone.
 */
export const protectionClassSchema = z.number().int().min(1).max(4);
export type ProtectionClass = z.infer<typeof protectionClassSchema>;

export const zoneKindSchema = z.enum([
  'site',
  'building',
  'lobby',
  'corridor',
  'office',
  'loading-dock',
  'vestibule',
  'data-hall',
  'cage',
  'meet-me-room',
  'electrical-room',
  'plant-room',
  'other',
]);
export type ZoneKind = z.infer<typeof zoneKindSchema>;

/**
 * A protection zone. Drawn zones lie in a hall's plan: the whole hall (`polygon` null) or a polygon
 * in hall coordinates (a cage, a vestibule). Zones with no hall are rooms of the building that the
 * model does not draw (lobby, corridors, the electrical room): they still take part in the graph
 * of zones and doors. `parentId` names the zone it nests in.
 */
export const zoneSchema = z.object({
  id,
  name,
  kind: zoneKindSchema,
  protectionClass: protectionClassSchema,
  parentId: id.nullable(),
  hallId: id.nullable(),
  polygon: z.array(point2Schema).min(3).max(1_000).nullable(),
});
export type Zone = z.infer<typeof zoneSchema>;

/**
 * What a door's lock asks of whoever enters: 'mantrap' is an anti-tailgating portal or airlock in
 * one unit; two doors interlocked through `interlockId` form a mantrap vestibule too.
 */
export const doorControlSchema = z.enum(['none', 'key', 'card', 'card-pin', 'biometric', 'guard', 'mantrap']);
export type DoorControl = z.infer<typeof doorControlSchema>;

export const doorSchema = z.object({
  id,
  /** The hall whose plan the door is drawn in; null for a door between rooms the model does not draw. */
  hallId: id.nullable(),
  name,
  /** Centre of the opening in plan, on a wall line (ignored when `hallId` is null). */
  position: point2Schema,
  /** Opening width and height in metres. */
  width: positive.max(20),
  height: positive.max(20),
  /** Direction of the wall the door sits in: 0 = along x, 90 = along y. */
  rotationDeg: rotationSchema,
  /** The zones on its two sides; null is outside the site. */
  zoneA: id.nullable(),
  zoneB: id.nullable(),
  control: doorControlSchema,
  /** The other door of an interlocked pair (a mantrap vestibule): only one opens at a time. */
  interlockId: id.nullable(),
  /** Exit hardware only: passage from the higher-class side to the lower one, never back. */
  egressOnly: z.boolean(),
  /** An emergency (fire) exit, which life-safety codes require to open outward. */
  emergencyExit: z.boolean(),
  /** A door contact reports the door held or forced open. */
  alarmed: z.boolean(),
  /** Covered by a camera that is not drawn in the plan (the user vouches for it; the checks say so). */
  cctvDeclared: z.boolean(),
});
export type Door = z.infer<typeof doorSchema>;

/** A tenant: whose racks they are, the protection class their racks need, and whether they must be caged apart. */
export const tenantSchema = z.object({
  id,
  name,
  requiredClass: protectionClassSchema,
  /** Racks of this tenant may not share a zone with racks of anyone else (a cage boundary between them). */
  separate: z.boolean(),
});
export type Tenant = z.infer<typeof tenantSchema>;

/** A CCTV camera in a hall's plan: where it hangs, where it looks, how wide and how far it sees. */
export const cameraSchema = z.object({
  id,
  name,
  hallId: id,
  position: point2Schema,
  /** Mounting height, metres. */
  heightM: positive.max(100),
  /** Plan direction of the view's axis, degrees from +x towards +y. */
  directionDeg: finite.min(-360).max(360),
  /** Horizontal field of view, degrees (360 for a dome). */
  fovDeg: finite.gt(0).max(360),
  /** Range at which it still identifies a person, metres. */
  rangeM: positive.max(1_000),
});
export type Camera = z.infer<typeof cameraSchema>;

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
  /** Already owned (the miners a site replaces, a customer's servers): listed in the BOM, not bought. */
  existing: z.boolean(),
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
  /**
   * The liquid loop serving the rack: a coolant distribution unit for direct-to-chip devices, or
   * the immersion tank the rack's devices are submerged in (then all their heat goes to the tank).
   */
  liquidLoopId: id.nullable(),
  /** The tenant whose rack it is, or null (the site's own). */
  tenantId: id.nullable(),
  /** Protection class this rack needs; null takes its tenant's, else the settings' class for its content. */
  requiredClass: protectionClassSchema.nullable(),
  /** The rack frame is already on site: listed in the BOM, not bought. */
  existing: z.boolean(),
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
  /** The protection zone it stands in (a switch room, a plant room), for the security checks. */
  zoneId: id.nullable(),
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
  /** The hall the UPS stands in, whose cooling carries its losses; null for a separate electrical room. */
  hallId: id.nullable(),
  /** Power factor of the load it serves. */
  powerFactor,
  /** The protection zone it stands in (a switch room, a plant room), for the security checks. */
  zoneId: id.nullable(),
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

/**
 * Cooling equipment (docs/engine/cooling.md). Units that stand in a hall have a plan `position`
 * (centre) and `rotationDeg`: at 0° their supply face discharges towards −y, like a rack's front.
 * Rear doors hang on a rack; heat rejection stands outside and has no position.
 */
const coolingBase = { id, name, existing: z.boolean() };
const inHall = { hallId: id, position: point2Schema, rotationDeg: rotationSchema };
/** Footprint and height, metres. */
const size = { widthM: positive.max(50), depthM: positive.max(50), heightM: positive.max(50) };
/** Supply or water temperature, °C. */
const celsius = finite.min(-50).max(100);
const fraction = finite.min(0).max(0.95);

export const airHandlerSchema = z.object({
  kind: z.literal('air-handler'),
  ...coolingBase,
  ...inHall,
  ...size,
  /** Perimeter CRAH (chilled water), CRAC (direct expansion) or in-row cooler. */
  type: z.enum(['crah', 'crac', 'inrow']),
  /** Net sensible cooling capacity at its design conditions, kW. */
  sensibleKw: positive.max(100_000),
  /** Supply airflow, m³/h. */
  airflowM3h: positive.max(10_000_000),
  supplyC: celsius,
  /** Fan power at design airflow, kW. */
  fanKw: nonNegative.max(10_000),
  /** The chiller / dry cooler that takes its heat (chilled-water units); null for self-contained DX. */
  rejectionId: id.nullable(),
  /** The contained aisle it discharges into (in-row coolers); null when it supplies the room. */
  containmentId: id.nullable(),
});
export type AirHandler = z.infer<typeof airHandlerSchema>;

export const fanWallSchema = z.object({
  kind: z.literal('fan-wall'),
  ...coolingBase,
  ...inHall,
  /** Span along its wall and height, metres. */
  widthM: positive.max(500),
  heightM: positive.max(50),
  airflowM3h: positive.max(100_000_000),
  /** Outdoor design condition the fan wall draws from: dry-bulb and coincident wet-bulb, °C. */
  outdoorDryBulbC: celsius,
  outdoorWetBulbC: celsius,
  /** Saturation effectiveness of its evaporative pad (0 = no pad; wetted media 0.7–0.95). */
  padEffectiveness: finite.min(0).max(1),
  fanKw: nonNegative.max(100_000),
});
export type FanWall = z.infer<typeof fanWallSchema>;

export const cduSchema = z.object({
  kind: z.literal('cdu'),
  ...coolingBase,
  ...inHall,
  ...size,
  capacityKw: positive.max(100_000),
  /** Secondary (technology cooling system) flow, L/min, and its design rise, K. */
  flowLpm: positive.max(1_000_000),
  deltaTK: positive.max(50),
  supplyC: celsius,
  pumpKw: nonNegative.max(10_000),
  rejectionId: id.nullable(),
});
export type Cdu = z.infer<typeof cduSchema>;

export const immersionTankSchema = z.object({
  kind: z.literal('immersion-tank'),
  ...coolingBase,
  ...inHall,
  ...size,
  capacityKw: positive.max(100_000),
  /** Device slots: how many devices it holds. */
  slots: z.number().int().min(1).max(10_000),
  /** Pumps and fans of the tank or container, kW. */
  pumpKw: nonNegative.max(10_000),
  rejectionId: id.nullable(),
});
export type ImmersionTank = z.infer<typeof immersionTankSchema>;

export const rearDoorSchema = z.object({
  kind: z.literal('rear-door'),
  ...coolingBase,
  /** The rack whose exhaust it cools. */
  rackId: id,
  capacityKw: positive.max(10_000),
  waterSupplyC: celsius,
  waterReturnC: celsius,
  /** The CDU or heat rejection that supplies its water. */
  loopId: id.nullable(),
});
export type RearDoor = z.infer<typeof rearDoorSchema>;

export const heatRejectionSchema = z.object({
  kind: z.literal('heat-rejection'),
  ...coolingBase,
  type: z.enum(['chiller', 'dry-cooler', 'cooling-tower']),
  /** Heat it rejects at the design ambient, kW. */
  capacityKw: positive.max(1_000_000),
  designAmbientC: celsius,
  /** Chillers: coefficient of performance at design (electrical kW = heat / COP). */
  cop: finite.min(0.5).max(50).nullable(),
  /** Fans and pumps at full load, kW (dry coolers, towers; chillers' auxiliaries). */
  powerKw: nonNegative.max(100_000),
  /** The protection zone it stands in (a fenced plant yard), for the security checks. */
  zoneId: id.nullable(),
});
export type HeatRejection = z.infer<typeof heatRejectionSchema>;

export const coolingUnitSchema = z.discriminatedUnion('kind', [
  airHandlerSchema,
  fanWallSchema,
  cduSchema,
  immersionTankSchema,
  rearDoorSchema,
  heatRejectionSchema,
]);
export type CoolingUnit = z.infer<typeof coolingUnitSchema>;
export type CoolingKind = CoolingUnit['kind'];

/**
 * Aisle containment on a row pair (or one row against a wall): hot-aisle containment closes the
 * aisle the rows exhaust into, cold-aisle containment the one they draw from. The fractions are
 * the design assumptions the airflow check uses (figures.md §3.5).
 */
export const containmentSchema = z.object({
  id,
  hallId: id,
  name,
  type: z.enum(['hot', 'cold']),
  rowIds: z.array(id).min(1).max(2),
  /** Share of the supplied air that returns without passing through IT. */
  bypassFraction: fraction,
  /** Share of the IT intake air that is its own exhaust. */
  recirculationFraction: fraction,
});
export type Containment = z.infer<typeof containmentSchema>;

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
   * Cooling power per unit of IT power (kW/kW), used only while the document has no cooling
   * equipment (then the cooling design supplies the figure); mining fan walls run ≈0.025,
   * chilled-water halls 0.15–0.3.
   */
  coolingPowerRatio: finite.min(0).max(3),
  /** Cooling design rules (docs/engine/cooling.md). */
  cooling: z.object({
    /** Declared redundancy of each room's air cooling: N+k survives losing its k largest units, 2N half of them. */
    redundancy: z.enum(['N', 'N+1', 'N+2', '2N']),
    /** Bypass and recirculation fractions of air outside any containment. */
    openBypassFraction: fraction,
    openRecirculationFraction: fraction,
    /** Minimum clear aisle widths, metres. */
    minColdAisleM: nonNegative.max(20),
    minHotAisleM: nonNegative.max(20),
    /** Lighting and other in-room heat, W per m² of floor. */
    lightingWPerM2: nonNegative.max(1_000),
    /** Air-cooled rack density bands, kW: review above, error above (open room and contained aisle). */
    openReviewKw: positive.max(1_000),
    openMaxKw: positive.max(1_000),
    containedReviewKw: positive.max(1_000),
    containedMaxKw: positive.max(1_000),
  }),
  /** Security rules (docs/engine/security.md). */
  security: z.object({
    /** SEC-3: what entry into a class-4 zone must pass: a mantrap only, a mantrap or two-factor control, or any reader. */
    class4Entry: z.enum(['mantrap', 'mantrap-or-two-factor', 'reader']),
    /** SEC-4 and SEC-6: access-controlled, exterior and emergency doors must be in a camera's view. */
    cctvRequired: z.boolean(),
    /** SEC-9: fewest authenticated boundaries on any way from outside into a class-4 zone. */
    minBoundariesClass4: z.number().int().min(0).max(10),
    /** Protection class a rack needs when neither it nor its tenant says: by what it holds. */
    gpuRackClass: protectionClassSchema,
    minerRackClass: protectionClassSchema,
    otherRackClass: protectionClassSchema,
  }),
  /** Constant facility load: lighting, offices, security, kW. */
  auxiliaryLoadKw: nonNegative.max(10_000_000),
  /** Energy price per kWh, in `currency`. */
  tariffPerKwh: nonNegative.max(100),
  currency: z.string().min(1).max(8),
  /** Plan snapping grid, metres. */
  gridM: positive.max(10),
  /** How the editor shows and takes figures; the document always stores SI units. */
  units: z.enum(['metric', 'imperial']),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A user-defined device, validated exactly like a built-in catalog entry. */
export const customDeviceSchema = z
  .object({
    id,
    name,
    category: z.enum(['gpu-server', 'gpu-rig', 'miner', 'network', 'storage', 'other']),
    uHeight: z.number().int().min(1).max(60),
    nameplateW: nonNegative.max(500_000),
    typicalW: nonNegative.max(500_000),
    weightKg: nonNegative.max(5_000),
    psuCount: z.number().int().min(1).max(32),
    psuRedundant: z.number().int().min(0).max(31),
    /** Air, direct liquid (with `liquidFraction` of its heat to the loop) or immersion-only. */
    cooling: z.enum(['air', 'liquid', 'immersion']),
    liquidFraction: finite.min(0).max(1),
    /** Published front-to-back airflow, CFM; null derives it from power at the design rise. */
    airflowCfm: positive.max(100_000).nullable(),
    /** ASHRAE TC 9.9 environmental class, which sets its inlet limits. */
    ashraeClass: z.enum(['A1', 'A2', 'A3', 'A4', 'H1']),
    /** Accelerators it holds and their dense (never sparse) tensor throughput per GPU, TFLOPS; null for none. */
    gpus: z
      .object({
        count: z.number().int().min(1).max(1_000),
        model: z.string().min(1).max(200),
        bf16DenseTflops: nonNegative.max(1_000_000),
        fp8DenseTflops: nonNegative.max(1_000_000).nullable(),
      })
      .nullable(),
    /** Bitcoin hashrate, TH/s, for miners; null otherwise. */
    hashrateThs: nonNegative.max(1_000_000).nullable(),
    source: z.string().max(2_000),
  })
  .superRefine((c, ctx) => {
    // Checked on the device itself so that a project and the user catalog refuse the same entries.
    if (c.cooling === 'liquid' && c.liquidFraction <= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['liquidFraction'],
        message: 'a liquid-cooled device sends some of its heat to the liquid (fraction above 0)',
      });
    if (c.psuRedundant >= c.psuCount)
      ctx.addIssue({
        code: 'custom',
        path: ['psuRedundant'],
        message: 'spare power supplies must be fewer than installed ones',
      });
  });
export type CustomDevice = z.infer<typeof customDeviceSchema>;

/** A calendar date, YYYY-MM-DD. */
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD');

/**
 * A price the user was quoted, in the project's currency, for one line of the bill of materials
 * (its `itemKey`: a catalog device or rack-type id, or an equipment key such as `ups` or
 * `circuit:415V-3ph-32A`, docs/bom.md). A quote overrides the catalog's indicative price.
 */
export const quoteSchema = z.object({
  itemKey: z.string().min(1).max(300),
  /** Per the line's unit (each, kVA, kW, m). */
  unitPrice: nonNegative.max(10_000_000_000),
  /** Supplier and reference, or "owned". */
  source: z.string().min(1).max(2_000),
  date: isoDate,
});
export type Quote = z.infer<typeof quoteSchema>;

/** What a scenario fills a rack with: devices stacked from U1 up, and optionally a new rack type. */
export const rackConfigSchema = z.object({
  /** The rack type the racks change to; null keeps each rack's own frame. */
  rackTypeId: id.nullable(),
  devices: z
    .array(z.object({ catalogId: id, count: z.number().int().min(1).max(200) }))
    .min(1)
    .max(20),
});
export type RackConfig = z.infer<typeof rackConfigSchema>;

export const scenarioScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('halls'), ids: z.array(id).min(1).max(1_000) }),
  z.object({ kind: z.literal('rows'), ids: z.array(id).min(1).max(100_000) }),
  z.object({ kind: z.literal('racks'), ids: z.array(id).min(1).max(200_000) }),
]);
export type ScenarioScope = z.infer<typeof scenarioScopeSchema>;

/**
 * One rule of a scenario: the racks in `scope` whose content `match`es take `action`. A rack takes
 * the first rule that fits it, so "keep miners in hall B" before "all racks → GB200" keeps hall B.
 */
export const scenarioRuleSchema = z.object({
  id,
  scope: scenarioScopeSchema,
  /** By what the rack holds now: any rack, racks with GPU devices, racks with miners, empty racks. */
  match: z.enum(['any', 'gpu', 'miner', 'empty']),
  action: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('keep') }),
    z.object({ kind: z.literal('empty') }),
    z.object({ kind: z.literal('replace'), config: rackConfigSchema }),
  ]),
});
export type ScenarioRule = z.infer<typeof scenarioRuleSchema>;

/** A named variant of the design that swaps rack configurations, applied on the fly (shared/scenarios/apply.ts). */
export const scenarioSchema = z.object({ id, name, rules: z.array(scenarioRuleSchema).max(100) });
export type Scenario = z.infer<typeof scenarioSchema>;

/** A point in the 3D scene, metres: x along the hall, y up, z across it (docs/architecture.md). */
export const vec3Schema = z.object({
  x: finite.min(-100_000).max(100_000),
  y: finite.min(-100_000).max(100_000),
  z: finite.min(-100_000).max(100_000),
});
export type Vec3 = z.infer<typeof vec3Schema>;

/**
 * What a stop shows while the tour is there: rows of racks glowing, the security zones, or the
 * racks coloured by circuit loading (power) or by inlet margin (thermal).
 */
export const stopHighlightSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('rows'), ids: z.array(id).min(1).max(10_000) }),
  z.object({ kind: z.literal('zones') }),
  z.object({ kind: z.literal('power') }),
  z.object({ kind: z.literal('thermal') }),
]);
export type StopHighlight = z.infer<typeof stopHighlightSchema>;

/** One viewpoint of a tour: where the camera stands, what it looks at, and what the presenter says there. */
export const tourStopSchema = z.object({
  id,
  caption: z.string().max(500),
  position: vec3Schema,
  target: vec3Schema,
  /** Seconds the tour rests here before moving on. */
  holdS: finite.min(0).max(600),
  highlight: stopHighlightSchema,
});
export type TourStop = z.infer<typeof tourStopSchema>;

/** A walkthrough for a presentation: stops played in order with eased camera moves (shared/tours). */
export const tourSchema = z.object({ id, name, stops: z.array(tourStopSchema).max(500) });
export type Tour = z.infer<typeof tourSchema>;

/** The document's fields without the cross-references between them (checkProjectReferences). */
export const projectObjectSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  id,
  name,
  settings: settingsSchema,
  buildings: z.array(buildingSchema).max(1_000),
  halls: z.array(hallSchema).max(1_000),
  walls: z.array(wallSchema).max(100_000),
  doors: z.array(doorSchema).max(100_000),
  rows: z.array(rowSchema).max(100_000),
  racks: z.array(rackSchema).max(200_000),
  power: z.array(powerComponentSchema).max(500_000),
  cooling: z.array(coolingUnitSchema).max(500_000),
  containments: z.array(containmentSchema).max(100_000),
  zones: z.array(zoneSchema).max(100_000),
  tenants: z.array(tenantSchema).max(10_000),
  cameras: z.array(cameraSchema).max(100_000),
  customDevices: z.array(customDeviceSchema).max(10_000),
  quotes: z.array(quoteSchema).max(100_000),
  scenarios: z.array(scenarioSchema).max(1_000),
  tours: z.array(tourSchema).max(1_000),
});

export const projectSchema = projectObjectSchema.superRefine(checkProjectReferences);
export type ProjectDocument = z.infer<typeof projectSchema>;

/**
 * Where the reference checks report: zod's refinement context, or a collector that stops after
 * a number of problems (schemaIssues.ts) so that a file with 200,000 dangling references is
 * refused without listing them all.
 */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

/** Ids must be unique within the document, and every reference must resolve. */
export function checkProjectReferences(doc: z.infer<typeof projectObjectSchema>, ctx: IssueSink): void {
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

  const buildings = new Set(doc.buildings.map((b) => b.id));
  const hallCodes = new Set<string>();
  doc.halls.forEach((h, i) => {
    if (h.buildingId !== null && !buildings.has(h.buildingId))
      missing(['halls', i, 'buildingId'], 'building', h.buildingId);
    const code = h.code.toUpperCase();
    if (hallCodes.has(code))
      ctx.addIssue({ code: 'custom', path: ['halls', i, 'code'], message: `hall code "${h.code}" is used twice` });
    hallCodes.add(code);
  });

  for (const key of ['walls', 'rows', 'racks', 'cameras'] as const) {
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
  checkCoolingReferences(doc, ctx, halls, rows);
  checkSecurityReferences(doc, ctx, halls);
  checkPlanReferences(doc, ctx, halls, rows);
  doc.customDevices.forEach((c, i) => {
    // The built-in catalog answers first, so a custom device under a built-in id would be silently ignored.
    if (BUILTIN_DEVICE_IDS.has(c.id))
      ctx.addIssue({
        code: 'custom',
        path: ['customDevices', i, 'id'],
        message: `"${c.id}" is a built-in device's id`,
      });
  });
  doc.power.forEach((p, i) => {
    if (p.kind === 'ups' && p.hallId !== null && !halls.has(p.hallId))
      missing(['power', i, 'hallId'], 'hall', p.hallId);
  });
  const cycle = findParentCycle(doc.power);
  if (cycle !== null)
    ctx.addIssue({
      code: 'custom',
      path: ['power', cycle, 'parentId'],
      message: `the chain loops back on itself through "${doc.power[cycle]!.id}"`,
    });
}

/** Cooling references: halls, racks, loops and rejection of the right kinds; containments on their hall's rows. */
function checkCoolingReferences(
  doc: z.infer<typeof projectObjectSchema>,
  ctx: IssueSink,
  halls: Set<string>,
  rows: Map<string, Row>,
): void {
  const units = new Map(doc.cooling.map((u) => [u.id, u]));
  const containments = new Map(doc.containments.map((c) => [c.id, c]));
  const racks = new Map(doc.racks.map((r) => [r.id, r]));
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const expectKind = (path: (string | number)[], ref: string, kinds: readonly CoolingKind[], what: string) => {
    const kind = units.get(ref)?.kind;
    if (kind === undefined || !kinds.includes(kind)) issue(path, `refers to ${what} "${ref}", which does not exist`);
  };
  const doors = new Set<string>();
  doc.cooling.forEach((u, i) => {
    if ('hallId' in u && !halls.has(u.hallId))
      issue(['cooling', i, 'hallId'], `refers to hall "${u.hallId}", which does not exist`);
    if ('rejectionId' in u && u.rejectionId !== null)
      expectKind(['cooling', i, 'rejectionId'], u.rejectionId, ['heat-rejection'], 'heat rejection');
    if (u.kind === 'air-handler' && u.containmentId !== null) {
      const c = containments.get(u.containmentId);
      if (!c)
        issue(['cooling', i, 'containmentId'], `refers to containment "${u.containmentId}", which does not exist`);
      else if (c.hallId !== u.hallId)
        issue(['cooling', i, 'containmentId'], `containment "${c.id}" is in another hall`);
    }
    if (u.kind === 'rear-door') {
      if (!racks.has(u.rackId)) issue(['cooling', i, 'rackId'], `refers to rack "${u.rackId}", which does not exist`);
      else if (doors.has(u.rackId)) issue(['cooling', i, 'rackId'], `rack "${u.rackId}" already has a rear door`);
      doors.add(u.rackId);
      if (u.loopId !== null)
        expectKind(['cooling', i, 'loopId'], u.loopId, ['cdu', 'heat-rejection'], 'CDU or heat rejection');
    }
  });
  doc.racks.forEach((r, i) => {
    if (r.liquidLoopId !== null)
      expectKind(['racks', i, 'liquidLoopId'], r.liquidLoopId, ['cdu', 'immersion-tank'], 'CDU or immersion tank');
  });
  doc.containments.forEach((c, i) => {
    if (!halls.has(c.hallId))
      issue(['containments', i, 'hallId'], `refers to hall "${c.hallId}", which does not exist`);
    if (new Set(c.rowIds).size !== c.rowIds.length) issue(['containments', i, 'rowIds'], 'names the same row twice');
    c.rowIds.forEach((rowId, j) => {
      const row = rows.get(rowId);
      if (!row) issue(['containments', i, 'rowIds', j], `refers to row "${rowId}", which does not exist`);
      else if (row.hallId !== c.hallId) issue(['containments', i, 'rowIds', j], `row "${rowId}" is in another hall`);
    });
  });
}

/** Security references: zones nest in zones without a loop, doors join two different zones, plant names real zones. */
function checkSecurityReferences(doc: z.infer<typeof projectObjectSchema>, ctx: IssueSink, halls: Set<string>): void {
  const zones = new Map(doc.zones.map((z) => [z.id, z]));
  const doors = new Set(doc.doors.map((d) => d.id));
  const tenants = new Set(doc.tenants.map((t) => t.id));
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const zoneRef = (path: (string | number)[], ref: string | null) => {
    if (ref !== null && !zones.has(ref)) issue(path, `refers to zone "${ref}", which does not exist`);
  };
  doc.zones.forEach((z, i) => {
    zoneRef(['zones', i, 'parentId'], z.parentId);
    if (z.hallId !== null && !halls.has(z.hallId))
      issue(['zones', i, 'hallId'], `refers to hall "${z.hallId}", which does not exist`);
    if (z.polygon !== null && z.hallId === null)
      issue(['zones', i, 'polygon'], 'a zone drawn as a polygon lies in a hall (hallId)');
  });
  const loop = findParentCycle(doc.zones);
  if (loop !== null) issue(['zones', loop, 'parentId'], `zones nest in a loop through "${doc.zones[loop]!.id}"`);
  doc.doors.forEach((d, i) => {
    if (d.hallId !== null && !halls.has(d.hallId))
      issue(['doors', i, 'hallId'], `refers to hall "${d.hallId}", which does not exist`);
    zoneRef(['doors', i, 'zoneA'], d.zoneA);
    zoneRef(['doors', i, 'zoneB'], d.zoneB);
    if (d.zoneA !== null && d.zoneA === d.zoneB) issue(['doors', i, 'zoneB'], 'a door joins two different zones');
    if (d.interlockId !== null && (d.interlockId === d.id || !doors.has(d.interlockId)))
      issue(['doors', i, 'interlockId'], `refers to door "${d.interlockId}", which is not another door`);
  });
  doc.racks.forEach((r, i) => {
    if (r.tenantId !== null && !tenants.has(r.tenantId))
      issue(['racks', i, 'tenantId'], `refers to tenant "${r.tenantId}", which does not exist`);
  });
  doc.power.forEach((p, i) => {
    if (p.kind === 'ups' || p.kind === 'switchgear') zoneRef(['power', i, 'zoneId'], p.zoneId);
  });
  doc.cooling.forEach((u, i) => {
    if (u.kind === 'heat-rejection') zoneRef(['cooling', i, 'zoneId'], u.zoneId);
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

/** Index of an item whose parent chain never reaches a root, or null when the items form a forest. */
function findParentCycle(items: readonly { id: string; parentId: string | null }[]): number | null {
  const index = new Map(items.map((p, i) => [p.id, i]));
  // 0 = unvisited, 1 = on the current walk, 2 = known to reach a root.
  const state = new Uint8Array(items.length);
  for (let start = 0; start < items.length; start++) {
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      const parent: string | null = items[i]!.parentId;
      i = parent === null ? undefined : index.get(parent);
    }
    if (i !== undefined && state[i] === 1) return i;
    for (const w of walk) state[w] = 2;
  }
  return null;
}

/** Quotes price each line once; scenario rules and tour stops are named once each; rules scope real halls, rows and racks. */
function checkPlanReferences(
  doc: z.infer<typeof projectObjectSchema>,
  ctx: IssueSink,
  halls: Set<string>,
  rows: Map<string, Row>,
): void {
  const keys = new Set<string>();
  doc.quotes.forEach((q, i) => {
    if (keys.has(q.itemKey))
      ctx.addIssue({ code: 'custom', path: ['quotes', i, 'itemKey'], message: `"${q.itemKey}" is quoted twice` });
    keys.add(q.itemKey);
  });
  doc.tours.forEach((t, i) => {
    const stops = new Set<string>();
    t.stops.forEach((stop, j) => {
      if (stops.has(stop.id))
        ctx.addIssue({
          code: 'custom',
          path: ['tours', i, 'stops', j, 'id'],
          message: `duplicate stop id "${stop.id}"`,
        });
      stops.add(stop.id);
    });
  });
  const racks = new Set(doc.racks.map((r) => r.id));
  const known = { halls, rows: new Set(rows.keys()), racks };
  doc.scenarios.forEach((s, i) => {
    const ruleIds = new Set<string>();
    s.rules.forEach((rule, j) => {
      if (ruleIds.has(rule.id))
        ctx.addIssue({
          code: 'custom',
          path: ['scenarios', i, 'rules', j, 'id'],
          message: `duplicate rule id "${rule.id}"`,
        });
      ruleIds.add(rule.id);
      const { scope } = rule;
      if (scope.kind === 'all') return;
      scope.ids.forEach((ref, k) => {
        if (!known[scope.kind].has(ref))
          ctx.addIssue({
            code: 'custom',
            path: ['scenarios', i, 'rules', j, 'scope', 'ids', k],
            message: `refers to ${scope.kind.slice(0, -1)} "${ref}", which does not exist`,
          });
      });
    });
  });
}
