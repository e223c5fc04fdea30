/**
 * The 3D thermal simulation (docs/engine/thermal.md): `simulateThermal` and its contract types,
 * Herrlin's indices, and the solver's defaults.
 */
export * from './types';
export { simulateThermal } from './simulate';
export {
  rciHi as thermalRciHi,
  rciLo as thermalRciLo,
  rti as thermalRti,
  rciVerdict as thermalRciVerdict,
  recirculationAndBypass as thermalRecirculationAndBypass,
  type Intake as ThermalIntake,
  type RciVerdict as ThermalRciVerdict,
} from './indices';
export {
  DEFAULT_TOLERANCE as THERMAL_DEFAULT_TOLERANCE,
  MIN_RESOLUTION_M as THERMAL_MIN_RESOLUTION_M,
  MAX_RESOLUTION_M as THERMAL_MAX_RESOLUTION_M,
  MAX_CELLS as THERMAL_MAX_CELLS,
} from './solver';
