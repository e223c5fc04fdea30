/**
 * Catalog entry types. Every engineering figure carries its source, with the confidence tags of
 * the reference data: V verified in the vendor/standard text, S secondary, D derived (working
 * shown), U unverified convention. See docs/catalog.md.
 */
export type Confidence = 'V' | 'S' | 'D' | 'U';

export interface Source {
  tag: Confidence;
  /** Where the figure comes from: a document title and address, or the derivation. */
  ref: string;
}

/**
 * An indicative price from a public source (figures.md §5): order of magnitude only, in US dollars,
 * never a quote. `asOf` says when the figure was read and, where known, when it was published.
 */
export interface CatalogPrice {
  usd: number;
  source: Source;
  asOf: string;
}

export type DeviceCategory = 'gpu-server' | 'gpu-rig' | 'miner' | 'network' | 'storage' | 'other';
export type CoolingType = 'air' | 'liquid' | 'immersion';
/** ASHRAE TC 9.9 (2021) environmental classes: air-cooled A1–A4 and high-density H1. */
export type AshraeClass = 'A1' | 'A2' | 'A3' | 'A4' | 'H1';

export interface DeviceSpec {
  id: string;
  name: string;
  vendor: string;
  category: DeviceCategory;
  /** Rack units occupied (1U = 44.45 mm). */
  uHeight: number;
  /** Maximum input power, W: what electrical checks use by default (figures.md §6.2). */
  nameplateW: number;
  /** Typical draw under load, W. */
  typicalW: number;
  weightKg: number;
  /** Front-to-back airflow at full load, CFM, where published. */
  airflowCfm: number | null;
  /** Published heat output, BTU/h, where the vendor states one (checked against the power: catalog.data-quality). */
  heatOutputBtuH: number | null;
  cooling: CoolingType;
  /**
   * Share of its heat that goes to liquid when cooled as designed: 0 for air, a cold-plate
   * system's capture ratio for 'liquid' (the rest heats the room's air), 1 for immersion-only.
   */
  liquidFraction: number;
  /** ASHRAE class, which sets its inlet limits (docs/engine/cooling.md). */
  ashraeClass: AshraeClass;
  /** The vendor's own maximum operating inlet, °C, where it is narrower than the class (DGX H100: 30 °C). */
  inletMaxC: number | null;
  gpus: { count: number; model: string; bf16DenseTflops: number; fp8DenseTflops: number | null } | null;
  /**
   * Power supplies: how many, and how many of them are spare (DGX H100: 6 with 4+2 → redundant 2).
   * The device needs `count − redundant` working PSUs for full power; the electrical checks split
   * its draw evenly over the PSUs that are powered.
   */
  psu: { count: number; redundant: number };
  /** Bitcoin hashrate, TH/s, for miners. */
  hashrateThs: number | null;
  /** Indicative unit price, or null where no public figure was found (the BOM then asks for a quote). */
  price: CatalogPrice | null;
  /** Source of each figure, keyed by the field it supports. */
  sources: Partial<
    Record<
      'power' | 'psu' | 'heat' | 'thermal' | 'typical' | 'weight' | 'size' | 'airflow' | 'gpus' | 'hashrate',
      Source
    >
  >;
  notes?: string;
}

export interface RackTypeSpec {
  id: string;
  name: string;
  uHeight: number;
  /** Footprint and height, metres. */
  widthM: number;
  depthM: number;
  heightM: number;
  emptyWeightKg: number;
  /** Levelling feet or casters it stands on, for the floor's concentrated load; absent means 4 (worked case 10b). */
  loadPoints?: number;
  price: CatalogPrice | null;
  sources: Partial<Record<'size' | 'weight', Source>>;
}
