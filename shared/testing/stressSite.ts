/**
 * The stress site of issue 10 (`npm run gen:stress -- --racks 10000`): a campus of several
 * buildings of four halls each, with the full power chain, cooling and zoning of `buildLargeSite`
 * (sized there to pass), and rows of mixed configurations as a converted campus holds them —
 * training racks (DGX H100, H200, B200, MI300X), inference (L40S), ex-mining RTX rigs and ASIC
 * miners still hashing. Deterministic: the same count gives the same file.
 */
import type { ProjectDocument, Rack } from '../model/schema';
import { buildLargeSite } from './largeSite';

const HALLS_PER_BUILDING = 4;

/** Devices per rack of each row's configuration, cycled row by row (kW at nameplate in the comment). */
const CONFIGURATIONS: readonly {
  catalogId: string;
  count: number;
  uHeight: number; /** One supply: interruptible load on side A (miners curtail on demand; ex-mining rigs sell spot capacity). */
  singleCorded?: true;
}[] = [
  { catalogId: 'nvidia-dgx-h100', count: 2, uHeight: 8 }, // 20.4 kW
  { catalogId: 'l40s-server-8gpu', count: 2, uHeight: 4 }, // 7.6 kW
  { catalogId: 'antminer-s19-xp', count: 3, uHeight: 5, singleCorded: true }, // 9.0 kW
  { catalogId: 'nvidia-dgx-h200', count: 2, uHeight: 8 }, // 20.4 kW
  { catalogId: 'rig-8x-rtx4090', count: 2, uHeight: 6, singleCorded: true }, // 8.2 kW
  { catalogId: 'antminer-s21', count: 3, uHeight: 5, singleCorded: true }, // 10.5 kW
  { catalogId: 'nvidia-dgx-b200', count: 1, uHeight: 10 }, // 14.3 kW
  { catalogId: 'dell-xe9680-mi300x', count: 1, uHeight: 6 }, // 9.6 kW
];

/**
 * Devices from U3 up with a 2 U gap between them (cable management, airflow). Single-corded
 * devices are interruptible load on side A, declared N, as the sample's miner row.
 */
function fill(rack: Rack, config: (typeof CONFIGURATIONS)[number]): Rack {
  return {
    ...rack,
    ...(config.singleCorded ? { redundancy: 'N' as const, interruptible: true } : {}),
    devices: Array.from({ length: config.count }, (_, d) => ({
      id: `${rack.id}-d${d + 1}`,
      catalogId: config.catalogId,
      uPosition: 3 + d * (config.uHeight + 2),
      feed: config.singleCorded ? ('A' as const) : ('AB' as const),
      existing: false,
    })),
  };
}

export function buildStressSite(rackCount: number): ProjectDocument {
  const base = buildLargeSite(rackCount);
  const buildingCount = Math.ceil(base.halls.length / HALLS_PER_BUILDING);
  const buildings = Array.from({ length: buildingCount }, (_, b) => ({
    id: `building-${b + 1}`,
    name: `Building ${b + 1}`,
  }));
  const halls = base.halls.map((h, i) => ({ ...h, buildingId: buildings[Math.floor(i / HALLS_PER_BUILDING)]!.id }));
  const rowIndex = new Map(base.rows.map((r, i) => [r.id, i]));
  const racks = base.racks.map((r) =>
    fill(r, CONFIGURATIONS[(rowIndex.get(r.rowId ?? '') ?? 0) % CONFIGURATIONS.length]!),
  );
  return {
    ...base,
    id: `stress-${rackCount}`,
    name: `Stress campus, ${rackCount.toLocaleString('en-US')} racks`,
    buildings,
    halls,
    racks,
  };
}
