/**
 * The checks of what racks draw and give off, site-wide: the power chain with its redundancy
 * proof, the cooling balance (rooms, loops, inlets, density) and the catalog's data quality. None
 * of them depends on where a rack stands in its hall, so moving racks leaves them as they were
 * (incremental.ts); anything else about a rack, or any other part of the document, re-runs them.
 */
import type { CatalogView } from '../catalog';
import type { ProjectDocument } from '../model/schema';
import { dataQualityAfter, type QualityMemo } from './catalog/dataQuality';
import {
  evaluateCooling,
  indexRacks,
  indexRacksAfter,
  runCoolingBalance,
  type CoolingMetrics,
  type KeptRackIndex,
  type HallRacks,
} from './cooling';
import { runPowerChecks, type PowerMemo, type PowerMetrics } from './power';
import { siteTotals } from './power/siteTotals';
import type { Finding } from './types';

export interface LoadResult {
  findings: Finding[];
  power: PowerMetrics;
  cooling: CoolingMetrics;
}

/**
 * The loads a source shows, marked pending, for a document whose loads it has never had (a large
 * project just opened, worked out elsewhere): nothing — no power or cooling figures or findings —
 * rather than another document's. The checker says so (`CheckResults.loadsNotYet`).
 */
export const NO_LOADS_YET: LoadResult = {
  findings: [],
  power: {
    rackLoadW: new Map(),
    rowLoadW: new Map(),
    hallLoadW: new Map(),
    components: new Map(),
    rackRedundancy: new Map(),
    levels: [],
    headroom: [],
    site: siteTotals({ itW: 0, lossesW: 0, coolingW: 0, auxiliaryW: 0, tariffPerKwh: 0 }),
    itLoadW: 0,
    facilityLoadW: 0,
    scenariosEvaluated: 0,
  },
  cooling: {
    racks: new Map(),
    inlets: new Map(),
    rooms: [],
    loops: new Map(),
    power: { fansW: 0, pumpsW: 0, rejectionW: 0, totalW: 0, byUnit: new Map() },
    designed: false,
  },
};

export function checkLoads(doc: ProjectDocument, catalog: CatalogView): LoadResult {
  return loadsOf(doc, catalog, null).loads;
}

/** What a load check keeps for the next version's: the power check's and the data-quality check's. */
interface LoadMemo {
  power: PowerMemo;
  quality: QualityMemo;
}

/**
 * Loads of successive versions of one project, each reusing what the edit since the last left
 * alone (the power graph's chain and racks, normal operation's findings and metrics of components
 * whose figures did not change: power/index.ts `PowerMemo`; which racks hold a device whose data
 * contradicts itself). The result is `checkLoads`'s. It relies on documents not being changed in
 * place between calls, as the editor's never are.
 */
export function createLoadChecker(): (doc: ProjectDocument, catalog: CatalogView) => LoadResult {
  let memo: LoadMemo | null = null;
  let racks: KeptRackIndex | null = null;
  return (doc, catalog) => {
    racks = indexRacksAfter(doc.racks, racks);
    const out = loadsOf(doc, catalog, memo, racks.index);
    memo = out.memo;
    return out.loads;
  };
}

function loadsOf(
  doc: ProjectDocument,
  catalog: CatalogView,
  previous: LoadMemo | null,
  racks: HallRacks = indexRacks(doc.racks),
): { loads: LoadResult; memo: LoadMemo } {
  // The cooling evaluation is shared: the power chain carries its plant power, the cooling checks reuse it.
  const base = evaluateCooling(doc, catalog, racks);
  const power = runPowerChecks(doc, catalog, base, previous?.power);
  const cooling = runCoolingBalance(doc, upsLossByHall(doc, power.metrics), base, racks);
  const quality = dataQualityAfter(doc, catalog, previous?.quality ?? null);
  return {
    loads: {
      findings: power.findings.concat(cooling.findings, quality.findings),
      power: power.metrics,
      cooling: cooling.metrics,
    },
    memo: { power: power.memo, quality: quality.memo },
  };
}

/** The UPSs that stand in a hall, as [UPS id, hall id], per list of power components: a campus has 22,000 components and a few dozen such UPSs. */
const upsInHallsOf = new WeakMap<ProjectDocument['power'], [string, string][]>();

/** Losses of the UPSs that stand in a hall, W, which that hall's cooling must carry: input − output. */
function upsLossByHall(doc: ProjectDocument, power: PowerMetrics): Map<string, number> {
  let upss = upsInHallsOf.get(doc.power);
  if (!upss) {
    upss = [];
    for (const p of doc.power) if (p.kind === 'ups' && p.hallId !== null) upss.push([p.id, p.hallId]);
    upsInHallsOf.set(doc.power, upss);
  }
  const out = new Map<string, number>();
  for (const [id, hallId] of upss) {
    const m = power.components.get(id);
    if (m?.live) out.set(hallId, (out.get(hallId) ?? 0) + m.inputW - m.loadW);
  }
  return out;
}
