/**
 * Catalog data quality: a device whose published heat output is more than its maximum input
 * power contradicts itself (energy in = heat out). The electrical figure is the one the checks
 * use; the finding names the devices and racks so an engineer can question the vendor
 * (worked case 5b: DGX H100 states 38,557 BTU/h = 11.30 kW against 10.2 kW max input).
 */
import type { CatalogView, DeviceSpec } from '../../catalog';
import { placesChanged, sameItems } from '../../collections';
import type { ProjectDocument, Rack } from '../../model/schema';
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
  return dataQualityAfter(doc, catalog, null).findings;
}

/**
 * What a data-quality check keeps for the next version: per rack (by index in `racks`), the
 * catalog ids of its devices that contradict themselves, each once in device order (null for none), and
 * each catalog id judged so far.
 */
export interface QualityMemo {
  catalog: CatalogView;
  racks: readonly Rack[];
  bad: (readonly string[] | null)[];
  judged: Map<string, boolean>;
  findings: Finding[];
}

/**
 * `dataQualityFindings`, reusing `previous` (the last version's, same catalog): only racks that are
 * other objects are looked at again, and when none of them changed which racks hold a contradicting
 * device the last findings stand (a campus has 10,000 racks; an edit changes one).
 */
export function dataQualityAfter(
  doc: ProjectDocument,
  catalog: CatalogView,
  previous: QualityMemo | null,
): { findings: Finding[]; memo: QualityMemo } {
  const { racks } = doc;
  if (previous && previous.catalog === catalog && previous.racks === racks)
    return { findings: previous.findings, memo: previous };
  const kept = previous && previous.catalog === catalog && previous.racks.length === racks.length ? previous : null;
  // Each catalog id is judged once: a site has tens of thousands of devices and a handful of entries.
  const judged = kept ? kept.judged : new Map<string, boolean>();
  const badIn = (rack: Rack): readonly string[] | null => {
    let out: string[] | null = null;
    for (const d of rack.devices) {
      let bad = judged.get(d.catalogId);
      if (bad === undefined) judged.set(d.catalogId, (bad = contradicts(catalog.device(d.catalogId))));
      // Each id once: a rack of three of a device holds it as a rack of two does.
      if (bad && !out?.includes(d.catalogId)) (out ??= []).push(d.catalogId);
    }
    return out;
  };
  const bad = kept ? kept.bad.slice() : new Array<readonly string[] | null>(racks.length);
  let same = kept !== null;
  // After an edit, only the racks that are other objects.
  const changed = kept ? placesChanged(kept.racks, racks)! : null;
  const count = changed ? changed.length : racks.length;
  for (let m = 0; m < count; m++) {
    const i = changed ? changed[m]! : m;
    const r = racks[i]!;
    const before = kept?.racks[i];
    const now = badIn(r);
    if (same && (before!.id !== r.id || !sameItems(bad[i]!, now))) same = false;
    bad[i] = now;
  }
  const findings = same ? kept!.findings : qualityFindings(racks, bad, catalog);
  return { findings, memo: { catalog, racks, bad, judged, findings } };
}

/** One finding per contradicting catalog id, in the order racks first hold them, naming those racks in rack order. */
function qualityFindings(
  racks: readonly Rack[],
  bad: readonly (readonly string[] | null)[],
  catalog: CatalogView,
): Finding[] {
  // Sets, in rack order: a device in thousands of racks must not cost a scan of its list per rack.
  const racksByDevice = new Map<string, Set<string>>();
  for (let i = 0; i < racks.length; i++) {
    const ids = bad[i];
    if (!ids) continue;
    for (const id of ids) {
      let set = racksByDevice.get(id);
      if (!set) racksByDevice.set(id, (set = new Set()));
      set.add(racks[i]!.id);
    }
  }
  const out: Finding[] = [];
  for (const [id, holders] of racksByDevice) {
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
        entities: [...holders],
        values: { heatOutputW: heatW, nameplateW: spec.nameplateW, excessW: heatW - spec.nameplateW },
        formula: 'heat out (BTU/h ÷ 3.412) ≤ maximum electrical input',
        source: spec.sources.heat ? `[${spec.sources.heat.tag}] ${spec.sources.heat.ref}` : 'Catalog',
      }),
    );
  }
  return out;
}
