/**
 * Catalog data quality: a device whose published heat output is more than its maximum input
 * power contradicts itself (energy in = heat out). The electrical figure is the one the checks
 * use; the finding names the devices and racks so an engineer can question the vendor
 * (worked case 5b: DGX H100 states 38,557 BTU/h = 11.30 kW against 10.2 kW max input).
 */
import type { CatalogView, DeviceSpec } from '../../catalog';
import type { ProjectDocument } from '../../model/schema';
import { btuHToW } from '../cooling/airflow';
import { finding, type Finding } from '../types';

/** Rounding in a spec sheet is not a contradiction: more than 1 % over the input is. */
const TOLERANCE = 0.01;

/** Whether a device's published heat output is more than its maximum input. */
function contradicts(spec: DeviceSpec | undefined): spec is DeviceSpec & { heatOutputBtuH: number } {
  if (!spec || spec.heatOutputBtuH === null) return false;
  return !(btuHToW(spec.heatOutputBtuH) <= spec.nameplateW * (1 + TOLERANCE));
}

export function dataQualityFindings(doc: ProjectDocument, catalog: CatalogView): Finding[] {
  // Each catalog id is judged once, and racks are collected only for the devices that contradict
  // themselves: a site has tens of thousands of devices and a handful of catalog entries. Sets, in
  // rack order: a device in thousands of racks must not cost a scan of its list per rack.
  const judged = new Map<string, boolean>();
  const racksByDevice = new Map<string, Set<string>>();
  for (const rack of doc.racks)
    for (const d of rack.devices) {
      let bad = judged.get(d.catalogId);
      if (bad === undefined) judged.set(d.catalogId, (bad = contradicts(catalog.device(d.catalogId))));
      if (!bad) continue;
      let set = racksByDevice.get(d.catalogId);
      if (!set) racksByDevice.set(d.catalogId, (set = new Set()));
      set.add(rack.id);
    }
  const out: Finding[] = [];
  for (const [id, racks] of racksByDevice) {
    const spec = catalog.device(id);
    // Always true here (only such devices were collected); it gives the spec its narrowed type.
    if (!contradicts(spec)) continue;
    const heatW = btuHToW(spec.heatOutputBtuH);
    out.push(
      finding({
        rule: 'catalog.data-quality',
        severity: 'warning',
        key: `catalog.data-quality:${id}`,
        message: `${spec.name}: the published heat output, ${spec.heatOutputBtuH.toLocaleString('en-US')} BTU/h (${(heatW / 1000).toFixed(2)} kW), exceeds its ${(spec.nameplateW / 1000).toFixed(2)} kW maximum input; the checks use the electrical figure.`,
        entities: [...racks],
        values: { heatOutputW: heatW, nameplateW: spec.nameplateW, excessW: heatW - spec.nameplateW },
        formula: 'heat out (BTU/h ÷ 3.412) ≤ maximum electrical input',
        source: spec.sources.heat ? `[${spec.sources.heat.tag}] ${spec.sources.heat.ref}` : 'Catalog',
      }),
    );
  }
  return out;
}
