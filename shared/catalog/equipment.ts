/**
 * Infrastructure the bill of materials counts besides IT devices and racks: distribution, cooling,
 * containment and security hardware. No authoritative public price exists for any of them
 * (figures.md §5: "treat as user-supplied quote fields"), so none carries one: the BOM lists them
 * with their quantities and asks for a quote. `unit` says what the quantity counts, `basis` how the
 * design yields it (docs/bom.md).
 */
import type { BomCategory, BomUnit } from '../bom/types';

export interface EquipmentSpec {
  /** The item key quotes use (`quoteSchema.itemKey`); lines of one kind with different ratings append them (`circuit:415V-3ph-63A`). */
  id: string;
  name: string;
  category: BomCategory;
  unit: BomUnit;
  basis: string;
}

export const EQUIPMENT: readonly EquipmentSpec[] = [
  { id: 'transformer', name: 'Transformer', category: 'power', unit: 'kVA', basis: 'Σ nameplate kVA' },
  {
    id: 'switchgear',
    name: 'Switchgear',
    category: 'power',
    unit: 'each',
    basis: 'one line per bus rating and voltage',
  },
  { id: 'generator', name: 'Standby generator', category: 'power', unit: 'kW', basis: 'Σ standby kW' },
  { id: 'ups', name: 'UPS', category: 'power', unit: 'kVA', basis: 'Σ installed modules × module kVA' },
  { id: 'floor-pdu', name: 'Floor PDU', category: 'power', unit: 'kVA', basis: 'Σ kVA = √3·V·A (3φ) or V·A (1φ)' },
  { id: 'rpp', name: 'Remote power panel', category: 'power', unit: 'each', basis: 'one line per rating' },
  {
    id: 'busway',
    name: 'Overhead busway run',
    category: 'power',
    unit: 'each',
    basis: 'one per run and rating (the model holds no run length: quote per run)',
  },
  {
    id: 'circuit',
    name: 'Rack circuit (breaker, whip, receptacle)',
    category: 'power',
    unit: 'each',
    basis: 'one line per voltage, phases and breaker',
  },
  { id: 'rack-pdu', name: 'Rack PDU', category: 'power', unit: 'each', basis: 'one per rack circuit' },
  {
    id: 'air-handler',
    name: 'Air handler',
    category: 'cooling',
    unit: 'each',
    basis: 'one line per type and sensible kW',
  },
  { id: 'fan-wall', name: 'Fan wall', category: 'cooling', unit: 'each', basis: 'one line per airflow' },
  { id: 'cdu', name: 'Coolant distribution unit', category: 'cooling', unit: 'kW', basis: 'Σ rated kW' },
  { id: 'immersion-tank', name: 'Immersion tank', category: 'cooling', unit: 'kW', basis: 'Σ rated kW' },
  { id: 'rear-door', name: 'Rear-door heat exchanger', category: 'cooling', unit: 'each', basis: 'one per door' },
  { id: 'heat-rejection', name: 'Heat rejection', category: 'cooling', unit: 'kW', basis: 'Σ rejection kW, per type' },
  {
    id: 'containment',
    name: 'Aisle containment',
    category: 'containment',
    unit: 'm',
    basis: 'aisle length: the longest of its rows, Σ rack widths',
  },
  {
    id: 'card-reader',
    name: 'Access reader',
    category: 'security',
    unit: 'each',
    basis: 'one per controlled entry (card, card + PIN, biometric)',
  },
  { id: 'mantrap', name: 'Mantrap portal', category: 'security', unit: 'each', basis: 'one per mantrap door' },
  { id: 'guard-post', name: 'Guard post', category: 'security', unit: 'each', basis: 'one per guarded door' },
  { id: 'door-contact', name: 'Door alarm contact', category: 'security', unit: 'each', basis: 'one per alarmed door' },
  { id: 'camera', name: 'CCTV camera', category: 'security', unit: 'each', basis: 'one per drawn camera' },
];

const byId = new Map(EQUIPMENT.map((e) => [e.id, e]));

export function equipment(id: string): EquipmentSpec {
  const spec = byId.get(id);
  if (!spec) throw new Error(`unknown equipment "${id}"`);
  return spec;
}
