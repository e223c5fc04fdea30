/**
 * The checks of what racks draw and give off, site-wide: the power chain with its redundancy
 * proof, the cooling balance (rooms, loops, inlets, density) and the catalog's data quality. None
 * of them depends on where a rack stands in its hall, so moving racks leaves them as they were
 * (incremental.ts); anything else about a rack, or any other part of the document, re-runs them.
 */
import type { CatalogView } from '../catalog';
import type { ProjectDocument } from '../model/schema';
import { dataQualityFindings } from './catalog/dataQuality';
import { evaluateCooling, indexRacks, runCoolingBalance, type CoolingMetrics } from './cooling';
import { runPowerChecks, type PowerMetrics } from './power';
import type { Finding } from './types';

export interface LoadResult {
  findings: Finding[];
  power: PowerMetrics;
  cooling: CoolingMetrics;
}

export function checkLoads(doc: ProjectDocument, catalog: CatalogView): LoadResult {
  // The cooling evaluation is shared: the power chain carries its plant power, the cooling checks reuse it.
  const racks = indexRacks(doc.racks);
  const base = evaluateCooling(doc, catalog, racks);
  const power = runPowerChecks(doc, catalog, base);
  const cooling = runCoolingBalance(doc, upsLossByHall(doc, power.metrics), base, racks);
  return {
    findings: [...power.findings, ...cooling.findings, ...dataQualityFindings(doc, catalog)],
    power: power.metrics,
    cooling: cooling.metrics,
  };
}

/** Losses of the UPSs that stand in a hall, W, which that hall's cooling must carry: input − output. */
function upsLossByHall(doc: ProjectDocument, power: PowerMetrics): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of doc.power) {
    if (p.kind !== 'ups' || p.hallId === null) continue;
    const m = power.components.get(p.id);
    if (m?.live) out.set(p.hallId, (out.get(p.hallId) ?? 0) + m.inputW - m.loadW);
  }
  return out;
}
