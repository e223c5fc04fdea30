/** Electrical load of devices and racks, on the document's chosen basis (nameplate or typical). */
import type { CatalogView } from '../../catalog';
import type { ProjectDocument, Rack } from '../../model/schema';

export type LoadBasis = ProjectDocument['settings']['loadBasis'];

/** Rack IT load, W: Σ device power on the chosen basis. Unknown devices count as 0 (the parser refuses them). */
export function rackLoadW(rack: Rack, catalog: CatalogView, basis: LoadBasis): number {
  let total = 0;
  for (const placement of rack.devices) {
    const spec = catalog.device(placement.catalogId);
    if (spec) total += basis === 'nameplate' ? spec.nameplateW : spec.typicalW;
  }
  return total;
}
