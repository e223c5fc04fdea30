/**
 * Stranded capacity: what a component could supply but its downstream can never draw, because
 * the equipment below it is smaller (a 2.5 MVA mining transformer feeding a 500 kW UPS). Walking
 * children first: drawable(c) = min(usable(c), Σ drawable(child) / efficiency(child)), with a
 * circuit drawable up to its own capacity and a mechanical board its actual load;
 * stranded(c) = usable(c) − drawable(c). Components with nothing below them are spare, not
 * stranded.
 */
import { finding, type Finding } from '../types';
import type { Flow } from './flow';
import type { PowerGraph } from './topology';

/** Stranded capacity worth a note: at least this fraction of the component's capacity. */
const REPORT_FRACTION = 0.1;

export function strandedCapacity(graph: PowerGraph, normal: Flow): Float64Array {
  const n = graph.components.length;
  const drawable = new Float64Array(n);
  const stranded = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = graph.order[k]!;
    const c = graph.components[i]!;
    const usable = normal.usableW[i]!;
    if (c.kind === 'mechanical') drawable[i] = normal.outW[i]!;
    else if (c.kind === 'circuit' || graph.children[i]!.length === 0) drawable[i] = usable;
    else {
      let below = 0;
      for (const child of graph.children[i]!) below += drawable[child]! / graph.efficiency[child]!;
      drawable[i] = Math.min(usable, below);
      stranded[i] = usable - drawable[i]!;
    }
  }
  return stranded;
}

export function strandedFindings(graph: PowerGraph, normal: Flow, stranded: Float64Array): Finding[] {
  const out: Finding[] = [];
  graph.components.forEach((c, i) => {
    const usable = normal.usableW[i]!;
    if (!(stranded[i]! >= REPORT_FRACTION * usable) || !Number.isFinite(usable)) return;
    out.push(
      finding({
        rule: 'power.stranded',
        severity: 'info',
        message: `${c.name}: ${(stranded[i]! / 1000).toFixed(0)} kW of its ${(usable / 1000).toFixed(0)} kW cannot be used — the equipment below it can draw at most ${((usable - stranded[i]!) / 1000).toFixed(0)} kW.`,
        entities: [c.id],
        values: { strandedW: stranded[i]!, usableW: usable, drawableW: usable - stranded[i]! },
        formula: 'stranded = usable − min(usable, Σ drawable(child) / η(child))',
        source:
          'Engine definition (docs/engine/power.md, "Stranded capacity"): capacity that downstream ratings make unusable',
      }),
    );
  });
  return out;
}
