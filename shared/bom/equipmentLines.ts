/**
 * Counts the infrastructure of a design into bill-of-materials tallies: the power chain below the
 * utility service, cooling units, aisle containment and security hardware. Keys and units come
 * from the equipment catalog (shared/catalog/equipment.ts); items of one kind with different
 * ratings get their own line (`circuit:415V-3ph-63A`), since they are priced apart.
 */
import { equipment, type CatalogView } from '../catalog';
import type { ProjectDocument } from '../model/schema';
import type { Tallies } from './index';

/** Apparent power of a distribution board, kVA: √3·V_LL·I for three-phase, V·I for single-phase (figures.md §2.1). */
export function boardKva(voltageV: number, ratingA: number, phases: 1 | 3): number {
  return ((phases === 3 ? Math.sqrt(3) : 1) * voltageV * ratingA) / 1_000;
}

// One formatter for every rating: toLocaleString would build a new one per call, seconds on a large site.
const RATING = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const fmt = (n: number) => RATING.format(n);

export function countEquipment(doc: ProjectDocument, catalog: CatalogView, tallies: Tallies): void {
  const add = (
    id: string,
    quantity: number,
    entity: string,
    existing: boolean,
    rating?: { key: string; text: string },
  ) => {
    const spec = equipment(id);
    tallies.add(
      {
        itemKey: rating ? `${id}:${rating.key}` : id,
        category: spec.category,
        description: rating ? `${spec.name}, ${rating.text}` : spec.name,
        unit: spec.unit,
        existing,
      },
      quantity,
      entity,
    );
  };
  countPower(doc, add);
  countCooling(doc, add);
  countContainment(doc, catalog, add);
  countSecurity(doc, add);
}

type Add = (
  id: string,
  quantity: number,
  entity: string,
  existing: boolean,
  rating?: { key: string; text: string },
) => void;

/** Switchboards, panels and busway are priced per bus rating and voltage: `4000A-415V`, "4,000 A, 415 V". */
const busRating = (p: { ratingA: number; voltageV: number }) => ({
  key: `${p.ratingA}A-${p.voltageV}V`,
  text: `${fmt(p.ratingA)} A, ${fmt(p.voltageV)} V`,
});

function countPower(doc: ProjectDocument, add: Add): void {
  const rackCircuits = new Set(doc.racks.flatMap((r) => [r.feeds.a, r.feeds.b]).filter((c) => c !== null));
  for (const p of doc.power) {
    switch (p.kind) {
      // The utility service is the site's connection, not equipment bought; mechanical loads are loads.
      case 'utility':
      case 'mechanical':
        break;
      case 'transformer':
        add('transformer', p.ratingKva, p.id, p.existing);
        break;
      case 'generator':
        add('generator', p.ratingKw, p.id, p.existing);
        break;
      case 'switchgear':
        add('switchgear', 1, p.id, p.existing, busRating(p));
        break;
      case 'ups':
        add('ups', p.modules * p.moduleKva, p.id, p.existing);
        break;
      case 'distribution':
        if (p.type === 'pdu') add('floor-pdu', boardKva(p.voltageV, p.ratingA, p.phases), p.id, p.existing);
        else add(p.type, 1, p.id, p.existing, busRating(p));
        break;
      case 'circuit':
        add('circuit', 1, p.id, p.existing, {
          key: `${p.voltageV}V-${p.phases}ph-${p.breakerA}A`,
          text: `${fmt(p.voltageV)} V ${p.phases === 3 ? 'three' : 'single'}-phase, ${fmt(p.breakerA)} A`,
        });
        // A rack circuit ends in a rack PDU (one per circuit, as in NVIDIA's reference racks).
        if (rackCircuits.has(p.id)) add('rack-pdu', 1, p.id, p.existing);
        break;
    }
  }
}

const AIR_HANDLER_NAMES = { crah: 'CRAH', crac: 'CRAC', inrow: 'in-row cooler' } as const;
const REJECTION_NAMES = { chiller: 'chiller', 'dry-cooler': 'dry cooler', 'cooling-tower': 'cooling tower' } as const;

function countCooling(doc: ProjectDocument, add: Add): void {
  for (const u of doc.cooling) {
    switch (u.kind) {
      case 'air-handler':
        add('air-handler', 1, u.id, u.existing, {
          key: `${u.type}-${u.sensibleKw}kW`,
          text: `${AIR_HANDLER_NAMES[u.type]} ${fmt(u.sensibleKw)} kW sensible`,
        });
        break;
      case 'fan-wall':
        add('fan-wall', 1, u.id, u.existing, { key: `${u.airflowM3h}m3h`, text: `${fmt(u.airflowM3h)} m³/h` });
        break;
      case 'cdu':
        add('cdu', u.capacityKw, u.id, u.existing);
        break;
      case 'immersion-tank':
        add('immersion-tank', u.capacityKw, u.id, u.existing);
        break;
      case 'rear-door':
        add('rear-door', 1, u.id, u.existing);
        break;
      case 'heat-rejection':
        add('heat-rejection', u.capacityKw, u.id, u.existing, { key: u.type, text: REJECTION_NAMES[u.type] });
        break;
    }
  }
}

/** Aisle length of a containment: the longest of its rows, each the sum of its racks' widths along the row. */
function countContainment(doc: ProjectDocument, catalog: CatalogView, add: Add): void {
  const rowLength = new Map<string, number>();
  for (const r of doc.racks) {
    if (r.rowId === null) continue;
    const type = catalog.rackType(r.rackTypeId);
    if (!type) continue;
    const along = r.rotationDeg === 0 || r.rotationDeg === 180 ? type.widthM : type.depthM;
    rowLength.set(r.rowId, (rowLength.get(r.rowId) ?? 0) + along);
  }
  for (const c of doc.containments) {
    const length = Math.max(0, ...c.rowIds.map((id) => rowLength.get(id) ?? 0));
    if (length > 0) add('containment', length, c.id, false, { key: c.type, text: `${c.type} aisle` });
  }
}

function countSecurity(doc: ProjectDocument, add: Add): void {
  for (const d of doc.doors) {
    if (d.control === 'card' || d.control === 'card-pin' || d.control === 'biometric')
      add('card-reader', 1, d.id, false, { key: d.control, text: READER_NAMES[d.control] });
    if (d.control === 'mantrap') add('mantrap', 1, d.id, false);
    if (d.control === 'guard') add('guard-post', 1, d.id, false);
    if (d.alarmed) add('door-contact', 1, d.id, false);
  }
  for (const c of doc.cameras) add('camera', 1, c.id, false);
}

const READER_NAMES = { card: 'card', 'card-pin': 'card + PIN', biometric: 'biometric' } as const;
