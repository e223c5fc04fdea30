/**
 * What the simulation says about the design (docs/engine/thermal.md, "Findings"). One finding per
 * hall and band, naming every rack in it, so a 10,000-rack hall gets a readable list:
 * - thermal.inlet-allowable (error): the hottest intake cell above the allowable maximum;
 * - thermal.inlet-recommended (warning): above the recommended maximum;
 * - thermal.under-recommended (warning): the mean intake below the recommended minimum;
 * - thermal.rci (info when good, warning otherwise) and thermal.rti (info when balanced, warning
 *   otherwise) by Herrlin's bands (figures.md §3.6);
 * - thermal.no-cooling (error): heat and no air unit, so no steady state exists;
 * - thermal.blocked (warning): racks or units whose faces no air reaches, left out;
 * - thermal.unbalanced (warning): a closed region with air pushed in and no way out;
 * - thermal.buoyancy (info): Archimedes number above 1, where the model's missing buoyancy matters.
 * Not part of runChecks: the simulation runs on demand, and the app shows these with its results.
 */
import { celsius, kw } from '../checks/cooling/format';
import { finding, type Finding } from '../checks/types';
import { rciVerdict, rtiNetVerdict } from './indices';
import type { HallThermalSummary, RackInletResult } from './types';

const SRC_INLET =
  'ASHRAE TC 9.9 (2021) Table 2.1 envelopes, narrowed by the vendor’s range (figures.md §3.2); inlet temperatures from the 3D simulation (docs/engine/thermal.md)';
const SRC_RCI =
  'Herrlin, Rack Cooling Index (figures.md §3.6, worked case 6): ≥ 96 % good, 91–95 % acceptable, ≤ 90 % poor';
const SRC_RTI = 'Herrlin, Return Temperature Index (figures.md §3.6, worked case 7): 100 % ± 5 % balanced';
const SRC_MODEL = 'docs/engine/thermal.md, "Boundary conditions"';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function rackFindings(hallName: string, hallId: string, racks: readonly RackInletResult[]): Finding[] {
  const out: Finding[] = [];
  const bands = [
    {
      rule: 'thermal.inlet-allowable',
      severity: 'error' as const,
      status: 'over-allowable',
      what: (n: number, worst: number, limit: number) =>
        `${plural(n, 'rack')} with intake air up to ${celsius(worst)}, above the allowable ${celsius(limit)} of their equipment.`,
      pick: (r: RackInletResult) => r.inletMaxC,
      limit: (r: RackInletResult) => r.allowableMaxC,
      formula: 'max over the intake face of T_cell > T_max-allowable',
    },
    {
      rule: 'thermal.inlet-recommended',
      severity: 'warning' as const,
      status: 'over-recommended',
      what: (n: number, worst: number, limit: number) =>
        `${plural(n, 'rack')} with intake air up to ${celsius(worst)}, above the recommended ${celsius(limit)}.`,
      pick: (r: RackInletResult) => r.inletMaxC,
      limit: (r: RackInletResult) => r.recommendedMaxC,
      formula: 'max over the intake face of T_cell > T_max-recommended',
    },
  ];
  for (const band of bands) {
    const hits = racks.filter((r) => r.status === band.status);
    if (hits.length === 0) continue;
    const worst = Math.max(...hits.map(band.pick));
    const limit = Math.min(...hits.map(band.limit));
    out.push(
      finding({
        rule: band.rule,
        severity: band.severity,
        key: `${band.rule}:${hallId}`,
        message: `${hallName}: ${band.what(hits.length, worst, limit)}`,
        entities: hits.map((r) => r.rackId),
        values: { racks: hits.length, maxInletC: worst, limitC: limit },
        formula: band.formula,
        source: SRC_INLET,
      }),
    );
  }
  const cold = racks.filter((r) => r.status === 'under-recommended');
  if (cold.length > 0) {
    const coldest = Math.min(...cold.map((r) => r.inletMeanC));
    out.push(
      finding({
        rule: 'thermal.under-recommended',
        severity: 'warning',
        key: `thermal.under-recommended:${hallId}`,
        message: `${hallName}: ${plural(cold.length, 'rack')} drawing air as cold as ${celsius(coldest)}, below the recommended minimum of their equipment (overcooling).`,
        entities: cold.map((r) => r.rackId),
        values: { racks: cold.length, minInletC: coldest },
        formula: 'mean over the intake face of T_cell < T_min-recommended',
        source: SRC_INLET,
      }),
    );
  }
  return out;
}

export function indexFindings(hallName: string, summary: HallThermalSummary): Finding[] {
  const out: Finding[] = [];
  const { rciHi, rciLo, rti } = summary.indices;
  for (const [side, value] of [
    ['HI', rciHi],
    ['LO', rciLo],
  ] as const) {
    const verdict = rciVerdict(value);
    out.push(
      finding({
        rule: 'thermal.rci',
        severity: verdict === 'good' ? 'info' : 'warning',
        key: `thermal.rci:${side}:${summary.hallId}`,
        message: `${hallName}: RCI_${side} ${value.toFixed(1)} % (${verdict}).`,
        entities: [summary.hallId],
        values: { [`rci${side === 'HI' ? 'Hi' : 'Lo'}Pct`]: value },
        formula:
          side === 'HI'
            ? 'RCI_HI = [1 − Σ_{T_x > T_max-rec} (T_x − T_max-rec) / ((T_max-all − T_max-rec) · n)] × 100 %'
            : 'RCI_LO = [1 − Σ_{T_x < T_min-rec} (T_min-rec − T_x) / ((T_min-rec − T_min-all) · n)] × 100 %',
        source: SRC_RCI,
      }),
    );
  }
  if (rti !== null) {
    const verdict = rtiNetVerdict(rti);
    out.push(
      finding({
        rule: 'thermal.rti',
        severity: verdict === 'balanced' ? 'info' : 'warning',
        key: `thermal.rti:${summary.hallId}`,
        message: `${hallName}: RTI ${rti.toFixed(1)} % (${verdict}); recirculation ${(summary.recirculation * 100).toFixed(0)} %, bypass ${(summary.bypass * 100).toFixed(0)} %.`,
        entities: [summary.hallId],
        values: { rtiPct: rti, recirculation: summary.recirculation, bypass: summary.bypass },
        formula: 'RTI = (T_return − T_supply) / ΔT_equip × 100 %',
        source: SRC_RTI,
      }),
    );
  }
  return out;
}

export function noCoolingFinding(hallName: string, hallId: string, heatW: number): Finding {
  return finding({
    rule: 'thermal.no-cooling',
    severity: 'error',
    message: `${hallName}: ${kw(heatW)} of heat into the air and no air cooling unit placed in the hall, so it has no steady state: not simulated.`,
    entities: [hallId],
    values: { heatW },
    formula: 'steady state needs Σ heat removed = Σ heat added',
    source: SRC_MODEL,
  });
}

export function blockedFinding(hallName: string, hallId: string, ids: readonly string[]): Finding {
  return finding({
    rule: 'thermal.blocked',
    severity: 'warning',
    key: `thermal.blocked:${hallId}`,
    message: `${hallName}: ${plural(ids.length, 'rack or unit')} with no air at an intake or outlet face (against a wall or another body): left out of the simulation.`,
    entities: [...ids],
    values: { count: ids.length },
    formula: 'an intake or outlet needs a fluid cell within 3 cells of its face',
    source: SRC_MODEL,
  });
}

export function unbalancedFinding(hallName: string, hallId: string, m3s: number): Finding {
  return finding({
    rule: 'thermal.unbalanced',
    severity: 'warning',
    key: `thermal.unbalanced:${hallId}`,
    message: `${hallName}: ${m3s.toFixed(2)} m³/s pushed into a region of the hall closed off from the rest (walls or bodies all round) had no way out; the simulation scaled those flows down there.`,
    entities: [hallId],
    values: { unbalancedM3s: m3s },
    formula: 'Σ sources = Σ sinks in every closed region of air',
    source: SRC_MODEL,
  });
}

export function buoyancyFinding(hallName: string, hallId: string, archimedes: number): Finding {
  return finding({
    rule: 'thermal.buoyancy',
    severity: 'info',
    key: `thermal.buoyancy:${hallId}`,
    message: `${hallName}: Archimedes number ${archimedes.toFixed(1)} (above 1): warm air rising shapes this hall's air more than the supply jets do, and the simulation leaves buoyancy out beyond the racks' exhaust plumes. Compare layouts with it; read single temperatures with a margin of a few kelvin.`,
    entities: [hallId],
    values: { archimedes },
    formula: 'Ar = g · β · ΔT_equip · H / V_supply², β = 1 / T',
    source: 'docs/engine/thermal.md, "Limits"',
  });
}
