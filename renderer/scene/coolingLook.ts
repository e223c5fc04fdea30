/**
 * How cooling units and containment look in 3D, shared by the hall view (CoolingUnits.tsx) and the site view
 * (site/siteUnits.ts) so a unit looks the same in both.
 */
import type { Containment, CoolingUnit } from '../../shared/index';

export const UNIT_COLOUR: Readonly<Record<CoolingUnit['kind'], string>> = {
  'air-handler': '#a9c1d6',
  'fan-wall': '#8fa9bf',
  cdu: '#3f9c95',
  'immersion-tank': '#2f4f86',
  'rear-door': '#27406e',
  'heat-rejection': '#999999',
};
export const UNIT_SELECTED = '#f2c14e';
/** Fan walls stand on a 0.3 m sill above the floor, as their openings sit in the wall. */
export const FAN_WALL_SILL_M = 0.3;
/** A rear-door heat exchanger is 0.15 m deep, on the rack's back. */
export const DOOR_DEPTH_M = 0.15;
/** Containment panels: hot aisles orange, cold aisles blue. */
export const AISLE_TINT: Readonly<Record<Containment['type'], string>> = { hot: '#e8833a', cold: '#4f93d8' };
