/** The engine's one public entry: everything the renderer, main process, workers and CLI use. */
export * from './model/schema';
export * from './model/factory';
export * from './model/hallDefaults';
export * from './model/coolingFactory';
export * from './model/securityFactory';
export { allEntityIds, idAllocator } from './model/entities';
export { parseProject, serializeProject, formatPath, type ParseResult } from './model/parse';
export { createProjectSerializer } from './model/projectSerializer';
export { migrate } from './model/migrate';
export * from './catalog';
export {
  runChecks,
  createChecker,
  loadsHere,
  compareFindings,
  type Checker,
  type LoadSource,
  type CheckResults,
  type Finding,
  type Severity,
  type PowerMetrics,
  type ComponentMetrics,
  type LevelSummary,
  type CoolingMetrics,
  type RackThermal,
  type RoomCooling,
  type AirGroup,
  type LoopLoad,
  type RackInlet,
  type SecurityMetrics,
  type Route,
  type RackPlacement,
  type PlantPlacement,
  type DoorCoverage,
} from './checks';
export { checkLoads, createLoadChecker, NO_LOADS_YET, type LoadResult } from './checks/loadChecks';
export { RULES as SECURITY_RULES, describeRoute, OUTSIDE, AUTHENTICATED, TWO_FACTOR } from './checks/security';
export { ASHRAE_CLASSES, type InletEnvelope } from './checks/cooling/ashrae';
export * from './checks/power/electrical';
export * from './checks/power/sizing';
export * from './checks/cooling/airflow';
export { celsius } from './checks/cooling/format';
export { rackBox } from './checks/cooling/layout';
export { floorLoad, type FloorMetrics, type HallFloorSummary, type RackFloorLoad } from './checks/floor';
export { simulateFailure, type FailureSimulation } from './checks/power/simulate';
export { siteTotals, type SiteTotals } from './checks/power/siteTotals';
export { LEVEL_OF, type PowerLevel } from './checks/power/topology';
export { LEVEL_NAMES } from './checks/power/redundancy';
export type { ConfigurationHeadroom } from './checks/power/headroom';
export * from './ipc';
export { plural } from './text';
export { CONTENT_SECURITY_POLICY } from './csp';
export { buildSampleFacility } from './sample/sampleFacility';
export { designCompute, deviceCompute, type ComputeTotals } from './scenarios/compute';
export { indicativeBuildCost, racksWithin, BUILD_COST_SOURCE, type BuildCost } from './scenarios/buildCost';
export { buildBom, BOM_CATEGORIES } from './bom';
export type { Bom, BomLine, BomCategory, BomCategoryTotal, BomUnit, PriceOrigin } from './bom';
export { applyScenario, type AppliedScenario } from './scenarios/apply';
export { compareScenarios } from './scenarios/compare';
export { fillToCapacity, type FillResult, type FillLimit } from './scenarios/fill';
export { coolingNeeded, COOLING_TECHNOLOGY_NAMES } from './scenarios/coolingNeeded';
export type { ScenarioSummary, CoolingTechnology, CheckVerdict } from './scenarios/types';
export { tourTimeline, frameAt, moveDuration, travelled, type Timeline, type TourFrame } from './tours/timeline';
export { walk, walkObstacles, walkStart, blocked, EYE_HEIGHT_M, BODY_RADIUS_M, type Obstacles } from './walk/collision';
export * from './units/units';
export * from './layout/footprint';
export * from './layout/naming';
export * from './layout/rows';
export * from './layout/obstacles';
export * from './layout/snapping';
export * from './layout/transforms';
export * from './layout/elevation';
export * from './layout/clipboard';
export * from './import/dxf';
export { pointInPolygon } from './checks/security/plan';
export * from './thermal/index';
export { seededRandom } from './random';
