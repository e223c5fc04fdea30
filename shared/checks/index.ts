/** Every check over one document: findings, worst first, and the metrics behind them. */
import { catalogFor } from '../catalog';
import type { ProjectDocument } from '../model/schema';
import { dataQualityFindings } from './catalog/dataQuality';
import { evaluateCooling, indexRacks, runCoolingChecks, type CoolingMetrics } from './cooling';
import { runFloorChecks, type FloorMetrics } from './floor';
import { runPowerChecks, type PowerMetrics } from './power';
import { runSecurityChecks, type SecurityMetrics } from './security';
import { SEVERITY_ORDER, type Finding, type Severity } from './types';

export interface CheckResults {
  findings: Finding[];
  /** Findings per severity, counted once for the panels that show them. */
  counts: Record<Severity, number>;
  power: PowerMetrics;
  cooling: CoolingMetrics;
  security: SecurityMetrics;
  floor: FloorMetrics;
}

export function runChecks(doc: ProjectDocument): CheckResults {
  const catalog = catalogFor(doc);
  // The cooling evaluation is shared: the power chain carries its plant power, the cooling checks reuse it.
  const racks = indexRacks(doc.racks);
  const base = evaluateCooling(doc, catalog, racks);
  const power = runPowerChecks(doc, catalog, base);
  const cooling = runCoolingChecks(doc, catalog, upsLossByHall(doc, power.metrics), base, racks);
  const security = runSecurityChecks(doc, catalog);
  const floor = runFloorChecks(doc, catalog, racks.byHall);
  const findings = [
    ...power.findings,
    ...cooling.findings,
    ...security.findings,
    ...floor.findings,
    ...dataQualityFindings(doc, catalog),
  ].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.key.localeCompare(b.key));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    findings,
    counts,
    power: power.metrics,
    cooling: cooling.metrics,
    security: security.metrics,
    floor: floor.metrics,
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

export type { Finding, Severity } from './types';
export type { PowerMetrics, ComponentMetrics, LevelSummary } from './power';
export type { SecurityMetrics, Route, RackPlacement, PlantPlacement, DoorCoverage } from './security';
export type { CoolingMetrics, RackThermal, RoomCooling, AirGroup, LoopLoad, RackInlet } from './cooling';
export type { FloorMetrics, HallFloorSummary, RackFloorLoad } from './floor';
