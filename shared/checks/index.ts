/** Every check over one document: findings, worst first, and the metrics behind them. */
import { catalogFor } from '../catalog';
import type { ProjectDocument } from '../model/schema';
import { dataQualityFindings } from './catalog/dataQuality';
import { rackAirflow, type RackAirflow } from './cooling/rackAirflow';
import { runPowerChecks, type PowerMetrics } from './power';
import { SEVERITY_ORDER, type Finding, type Severity } from './types';

export interface CheckResults {
  findings: Finding[];
  /** Findings per severity, counted once for the panels that show them. */
  counts: Record<Severity, number>;
  power: PowerMetrics;
  /** Airflow and temperature rise per rack (the cooling checks build on it). */
  airflow: Map<string, RackAirflow>;
}

export function runChecks(doc: ProjectDocument): CheckResults {
  const catalog = catalogFor(doc);
  const power = runPowerChecks(doc, catalog);
  const findings = [...power.findings, ...dataQualityFindings(doc, catalog)].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.key.localeCompare(b.key),
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, counts, power: power.metrics, airflow: rackAirflow(doc, catalog) };
}

export type { Finding, Severity } from './types';
export type { PowerMetrics, ComponentMetrics, LevelSummary } from './power';
export type { RackAirflow } from './cooling/rackAirflow';
