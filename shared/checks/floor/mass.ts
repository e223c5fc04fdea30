/**
 * What a rack weighs on the floor (worked case 10a): the empty rack from its catalog type, the
 * devices it holds by their catalog weights, and a 12 kg rack PDU per connected circuit
 * (RACK_PDU_KG, tag U). Cables, blanking panels and doors are not counted separately: the
 * catalog's empty weight stands for the frame as delivered.
 */
import type { CatalogView } from '../../catalog';
import type { Rack } from '../../model/schema';
import { RACK_PDU_KG } from './load';

export interface RackMass {
  emptyKg: number;
  devicesKg: number;
  pdus: number;
  pdusKg: number;
  massKg: number;
}

/** The rack's mass and what it is made of, or null when its rack type is not in the catalog. */
export function rackMass(rack: Rack, catalog: CatalogView): RackMass | null {
  const type = catalog.rackType(rack.rackTypeId);
  if (!type) return null;
  // Parsing guarantees every device id resolves; a missing one weighs nothing rather than hiding the rack.
  const devicesKg = rack.devices.reduce((s, d) => s + (catalog.device(d.catalogId)?.weightKg ?? 0), 0);
  const pdus = (rack.feeds.a !== null ? 1 : 0) + (rack.feeds.b !== null ? 1 : 0);
  const pdusKg = pdus * RACK_PDU_KG;
  return { emptyKg: type.emptyWeightKg, devicesKg, pdus, pdusKg, massKg: type.emptyWeightKg + devicesKg + pdusKg };
}
