/** The engine's one public entry: everything the renderer, main process, workers and CLI use. */
export * from './model/schema';
export * from './model/factory';
export { allEntityIds } from './model/entities';
export { parseProject, serializeProject, formatPath, type ParseResult } from './model/parse';
export { migrate } from './model/migrate';
export * from './catalog';
export { runChecks, type CheckResults, type Finding, type Severity, type PowerMetrics } from './checks';
export * from './checks/power/electrical';
export * from './ipc';
export { CONTENT_SECURITY_POLICY } from './csp';
export { buildSampleFacility } from './sample/sampleFacility';
