/**
 * New cooling equipment with typical ratings (figures.md §3.4, tags there), for the editor's
 * "add" actions; the user edits the figures after. Airflow defaults carry their rated heat at a
 * 12 K air rise (V̇ = P / (ρ · c_p · ΔT)), CDU flow at a 10 K water rise.
 */
import type { CoolingUnit, Point2 } from './schema';

export type PlaceableCooling = 'crah' | 'crac' | 'inrow' | 'fan-wall' | 'cdu' | 'immersion-tank';
export type CoolingTemplate = PlaceableCooling | 'rear-door' | 'chiller' | 'dry-cooler' | 'cooling-tower';

export const COOLING_TEMPLATE_NAMES: Record<CoolingTemplate, string> = {
  crah: 'CRAH',
  crac: 'CRAC',
  inrow: 'In-row cooler',
  'fan-wall': 'Fan wall',
  cdu: 'CDU',
  'immersion-tank': 'Immersion tank',
  'rear-door': 'Rear door',
  chiller: 'Chiller',
  'dry-cooler': 'Dry cooler',
  'cooling-tower': 'Cooling tower',
};

export interface CoolingPlacement {
  id: string;
  name: string;
  hallId: string;
  position: Point2;
  rackId: string;
  rejectionId: string | null;
  loopId: string | null;
}

export function newCoolingUnit(template: CoolingTemplate, f: CoolingPlacement): CoolingUnit {
  const base = { id: f.id, name: f.name, existing: false };
  const placed = { ...base, hallId: f.hallId, position: f.position, rotationDeg: 0 as const };
  switch (template) {
    case 'crah':
    case 'crac':
      // Perimeter units: ~100–250 kW sensible (figures.md §3.4, U); 150 kW at 12 K ≈ 37,000 m³/h.
      return {
        kind: 'air-handler',
        ...placed,
        type: template,
        widthM: 2.5,
        depthM: 0.9,
        heightM: 2,
        sensibleKw: 150,
        airflowM3h: 37_000,
        supplyC: 20,
        fanKw: 7.5,
        rejectionId: f.rejectionId,
        containmentId: null,
      };
    case 'inrow':
      // APC InRow chilled water: up to 70 kW (figures.md §3.4, V); 70 kW at 12 K ≈ 17,400 m³/h.
      return {
        kind: 'air-handler',
        ...placed,
        type: 'inrow',
        widthM: 0.3,
        depthM: 1.2,
        heightM: 2,
        sensibleKw: 70,
        airflowM3h: 17_400,
        supplyC: 20,
        fanKw: 2,
        rejectionId: f.rejectionId,
        containmentId: null,
      };
    case 'fan-wall':
      // Mining fan walls with wetted pads: design summer inlet ≤ 37 °C, ≤ 31 °C after the pad (§3.4, S).
      return {
        kind: 'fan-wall',
        ...placed,
        widthM: 6,
        heightM: 3,
        airflowM3h: 60_000,
        outdoorDryBulbC: 35,
        outdoorWetBulbC: 22,
        padEffectiveness: 0.85,
        fanKw: 7.5,
      };
    case 'cdu':
      // A 350 kW CDU is the example cited for a ≈500 kW AI pod (§3.4, S); 503 L/min carries it at 10 K.
      return {
        kind: 'cdu',
        ...placed,
        widthM: 0.8,
        depthM: 1.2,
        heightM: 2,
        capacityKw: 350,
        flowLpm: 520,
        deltaTK: 10,
        supplyC: 30,
        pumpKw: 5,
        rejectionId: f.rejectionId,
      };
    case 'immersion-tank':
      return {
        kind: 'immersion-tank',
        ...placed,
        widthM: 2.4,
        depthM: 1.2,
        heightM: 1.2,
        capacityKw: 200,
        slots: 48,
        pumpKw: 3,
        rejectionId: f.rejectionId,
      };
    case 'rear-door':
      // RDHx fits roughly 30–80 kW racks (§3.3, S).
      return {
        kind: 'rear-door',
        ...base,
        rackId: f.rackId,
        capacityKw: 35,
        waterSupplyC: 18,
        waterReturnC: 26,
        loopId: f.loopId,
      };
    case 'chiller':
      return {
        kind: 'heat-rejection',
        ...base,
        type: 'chiller',
        capacityKw: 1_000,
        designAmbientC: 35,
        cop: 5,
        powerKw: 0,
        zoneId: null,
      };
    case 'dry-cooler':
    case 'cooling-tower':
      return {
        kind: 'heat-rejection',
        ...base,
        type: template,
        capacityKw: 1_000,
        designAmbientC: 35,
        cop: null,
        powerKw: 20,
        zoneId: null,
      };
  }
}
