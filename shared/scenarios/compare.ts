/**
 * Scenarios side by side: each is applied to the document, checked, costed and summed into the
 * figures the comparison view, the report and the CLI print (types.ts). The design as drawn is
 * the scenario with id null.
 *
 * - Compute: dense BF16 / FP8 PFLOPS = Σ GPU dense TFLOPS / 1,000 (compute.ts); hashrate PH/s = Σ TH/s / 1,000.
 * - Power: IT and facility MW, PUE and annual energy from the power checks' site totals (worked case 9).
 * - Capex: the priced new-build lines of the scenario's bill of materials (shared/bom).
 * - Cost per PFLOPS = capex / BF16 dense PFLOPS.
 */
import { catalogFor } from '../catalog';
import { buildBom } from '../bom';
import { runChecks } from '../checks';
import type { Finding } from '../checks/types';
import type { ProjectDocument } from '../model/schema';
import { applyScenario } from './apply';
import { indicativeBuildCost } from './buildCost';
import { designCompute } from './compute';
import { COOLING_ORDER, coolingNeeded } from './coolingNeeded';
import type { CheckVerdict, CoolingTechnology, ScenarioSummary } from './types';

export function compareScenarios(doc: ProjectDocument, ids: readonly (string | null)[]): ScenarioSummary[] {
  return ids.flatMap((id) => {
    if (id === null) return [summarise(doc, null, 'Design as drawn', [])];
    const scenario = doc.scenarios.find((s) => s.id === id);
    if (!scenario) return [];
    const applied = applyScenario(doc, scenario);
    return [summarise(applied.doc, id, scenario.name, applied.notes)];
  });
}

function summarise(doc: ProjectDocument, id: string | null, name: string, notes: string[]): ScenarioSummary {
  const catalog = catalogFor(doc);
  const results = runChecks(doc);
  const compute = designCompute(doc, catalog);
  const bom = buildBom(doc);
  const site = results.power.site;
  const needed = new Set<CoolingTechnology>();
  for (const rack of doc.racks) {
    const t = coolingNeeded(rack, results.cooling.racks.get(rack.id), catalog, doc.settings);
    if (t) needed.add(t);
  }
  const bf16Pflops = compute.bf16Tflops / 1_000;
  const itPriced = bom.categories.find((c) => c.category === 'it')?.unpriced === 0;
  return {
    id,
    name,
    racks: doc.racks.filter((r) => r.devices.length > 0).length,
    devices: compute.devices,
    gpus: compute.gpus,
    bf16Pflops,
    fp8Pflops: compute.fp8Tflops / 1_000,
    hashratePhs: compute.hashrateThs / 1_000,
    itMw: site.itW / 1e6,
    facilityMw: site.facilityW / 1e6,
    pue: site.pue,
    coolingTechnologies: COOLING_ORDER.filter((t) => needed.has(t)),
    verdicts: {
      power: verdict(results.findings, 'power.'),
      cooling: verdict(results.findings, 'cooling.'),
      security: verdict(results.findings, 'security.'),
    },
    currency: bom.currency,
    capex: bom.total,
    capexUnpricedLines: bom.unpricedLines,
    annualEnergyMWh: site.annualEnergyMWh,
    annualEnergyCost: site.annualCost,
    // Without a price for every new compute device the ratio would flatter the design: leave it out.
    costPerPflops: bf16Pflops > 0 && itPriced ? bom.total / bf16Pflops : null,
    buildCost: indicativeBuildCost(site.itW),
    notes,
  };
}

function verdict(findings: readonly Finding[], prefix: string): CheckVerdict {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (!f.rule.startsWith(prefix)) continue;
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
