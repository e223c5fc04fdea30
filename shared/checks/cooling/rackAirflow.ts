/**
 * Air each rack moves and how much it heats it, from the catalog: the sum of its air-cooled
 * devices' published airflow, and the rise ΔT = P / (ρ · c_p · V̇) on the electrical basis
 * (worked case 5b: 4 × DGX H100 move 4,420 CFM and heat it 16.21 K). Where a device publishes no
 * airflow it is derived at a design rise of 20 °F (11.1 K), the middle of the 20–25 °F typical
 * of contained racks (figures.md §3.1), and the rack says so.
 */
import type { CatalogView } from '../../catalog';
import type { ProjectDocument } from '../../model/schema';
import { airDeltaTK, airflowM3s, cfmToM3s, fToK } from './airflow';

/** The rise assumed for devices that publish no airflow, K (20 °F). */
export const DESIGN_DELTA_T_K = fToK(20);

export interface RackAirflow {
  /** Air moved at full load, m³/s. */
  airflowM3s: number;
  /** Temperature rise across the rack, K (null without air-cooled load). */
  deltaTK: number | null;
  /** Part of the airflow derived from power at the design rise rather than published. */
  derived: boolean;
}

export function rackAirflow(doc: ProjectDocument, catalog: CatalogView): Map<string, RackAirflow> {
  const out = new Map<string, RackAirflow>();
  for (const rack of doc.racks) {
    let flow = 0;
    let heat = 0;
    let derived = false;
    for (const d of rack.devices) {
      const spec = catalog.device(d.catalogId);
      if (!spec || spec.cooling !== 'air') continue;
      const w = doc.settings.loadBasis === 'nameplate' ? spec.nameplateW : spec.typicalW;
      heat += w;
      if (spec.airflowCfm !== null) flow += cfmToM3s(spec.airflowCfm);
      else {
        flow += airflowM3s(w, DESIGN_DELTA_T_K);
        derived = true;
      }
    }
    out.set(rack.id, { airflowM3s: flow, deltaTK: flow > 0 ? airDeltaTK(heat, flow) : null, derived });
  }
  return out;
}
