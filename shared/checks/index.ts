/** Every check over one document: findings, worst first, and the metrics behind them. */
import type { ProjectDocument } from '../model/schema';
import type { CoolingMetrics } from './cooling';
import type { FloorMetrics } from './floor';
import { createChecker } from './incremental';
import type { PowerMetrics } from './power';
import type { SecurityMetrics } from './security';
import type { Finding, Severity } from './types';

export interface CheckResults {
  findings: Finding[];
  /** Findings per severity, counted once for the panels that show them. */
  counts: Record<Severity, number>;
  /**
   * Whether the power and cooling results (metrics and findings) are an earlier document's, the
   * current one's still being worked out (a large site's loads run in a Worker in the editor).
   */
  loadsPending: boolean;
  /**
   * Whether, while pending, there are no loads at all yet (a large project just opened: its first
   * loads are being worked out): power and cooling hold nothing, not an earlier document's.
   */
  loadsNotYet: boolean;
  power: PowerMetrics;
  cooling: CoolingMetrics;
  security: SecurityMetrics;
  floor: FloorMetrics;
}

/** Every check over one document, from scratch. Editors keep a checker (`createChecker`) and re-check only what changed. */
export function runChecks(doc: ProjectDocument): CheckResults {
  return createChecker().check(doc);
}

export type { Finding, Severity } from './types';
export { createChecker, loadsHere, type Checker, type LoadSource } from './incremental';
export { compareFindings } from './findingOrder';
export type { PowerMetrics, ComponentMetrics, LevelSummary } from './power';
export type { SecurityMetrics, Route, RackPlacement, PlantPlacement, DoorCoverage } from './security';
export type { CoolingMetrics, RackThermal, RoomCooling, AirGroup, LoopLoad, RackInlet } from './cooling';
export type { FloorMetrics, HallFloorSummary, RackFloorLoad } from './floor';
