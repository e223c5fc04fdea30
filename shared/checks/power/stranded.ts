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

/** Per component: what its downstream can draw at most, and what of its capacity that strands, W. */
export interface Stranded {
  drawableW: Float64Array;
  strandedW: Float64Array;
}

/** drawable(i), from its children's (already worked out); sets stranded(i) where it has any. */
function workOut(graph: PowerGraph, normal: Flow, i: number, { drawableW, strandedW }: Stranded): void {
  const c = graph.components[i]!;
  const usable = normal.usableW[i]!;
  if (c.kind === 'mechanical') drawableW[i] = normal.outW[i]!;
  else if (c.kind === 'circuit' || graph.children[i]!.length === 0) drawableW[i] = usable;
  else {
    let below = 0;
    for (const child of graph.children[i]!) below += drawableW[child]! / graph.efficiency[child]!;
    drawableW[i] = Math.min(usable, below);
    strandedW[i] = usable - drawableW[i]!;
  }
}

export function strandedCapacity(graph: PowerGraph, normal: Flow): Stranded {
  const n = graph.components.length;
  const out = { drawableW: new Float64Array(n), strandedW: new Float64Array(n) };
  // Children first (`order` has parents first).
  for (let k = n - 1; k >= 0; k--) workOut(graph, normal, graph.order[k]!, out);
  return out;
}

/**
 * After an edit whose normal operation was worked out from `before`'s (normalAfterEdit.ts), on
 * the same chain and settings: of what normal operation reworked, only a mechanical board's load
 * is read here (capacities are the same), so only the boards whose load moved and the components
 * above them are worked out again, children first, each by the same sum in the same order —
 * `strandedCapacity`'s figures to the last bit. `before` itself when nothing moved.
 */
export function strandedAfterEdit(
  graph: PowerGraph,
  normal: Flow,
  previous: Flow,
  before: Stranded,
  reworked: readonly number[],
): Stranded {
  const again: number[] = [];
  const marked = new Set<number>();
  for (const i of reworked) {
    if (graph.components[i]!.kind !== 'mechanical' || normal.outW[i] === previous.outW[i]) continue;
    for (let p = i; p !== -1 && !marked.has(p); p = graph.parent[p]!) {
      marked.add(p);
      again.push(p);
    }
  }
  if (again.length === 0) return before;
  again.sort((x, y) => graph.orderPos[y]! - graph.orderPos[x]!);
  const out = { drawableW: before.drawableW.slice(), strandedW: before.strandedW.slice() };
  for (const i of again) workOut(graph, normal, i, out);
  return out;
}

export function strandedFindings(graph: PowerGraph, normal: Flow, { strandedW: stranded }: Stranded): Finding[] {
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
