/**
 * Headroom per rack configuration: how many more racks like these (same hall, same devices) the
 * chain can take before any component from the PDUs up reaches its usable capacity, in normal
 * operation and in every failure the declared redundancy must survive. New racks are assumed to
 * be spread over the chain like the present racks of that configuration, each on new circuits
 * (so rack circuits do not limit it).
 *
 * For a component c in flow f: spare = usable − load; each extra watt of that configuration adds
 * (load_c / IT_c) · (its IT through c / its IT) watts at c (losses and facility load scale with
 * it); headroom = min over c, f of spare / that marginal load; more racks = ⌊headroom / rack load⌋.
 */
import type { Flow } from './flow';
import { LEVEL_OF, type PowerGraph } from './topology';

export interface ConfigurationHeadroom {
  hallId: string;
  /** "3 × NVIDIA DGX H100". */
  label: string;
  rackLoadW: number;
  rackIds: string[];
  /** Extra IT load of this configuration the chain can take, W. */
  headroomW: number;
  moreRacks: number;
  /** The component that limits it, and the scenario in which it does. */
  limitingId: string | null;
  limitingScenario: string | null;
}

const LIMITING_LEVELS = new Set(['source', 'transformer', 'switchgear', 'ups', 'distribution']);

export function configurationHeadroom(graph: PowerGraph, flows: readonly Flow[]): ConfigurationHeadroom[] {
  const groups = graph.groups.length;
  const out: ConfigurationHeadroom[] = [];
  graph.groups.forEach((group, g) => {
    const itW = group.rackLoadW * group.rackIds.length;
    if (itW <= 0) return;
    let headroomW = Infinity;
    let limitingId: string | null = null;
    let limitingScenario: string | null = null;
    for (const f of flows) {
      graph.components.forEach((c, i) => {
        if (!LIMITING_LEVELS.has(LEVEL_OF[c.kind]) || !f.live[i]) return;
        const throughW = f.itByGroupW[i * groups + g]!;
        if (throughW <= 0 || f.itW[i]! <= 0) return;
        const marginal = (f.outW[i]! / f.itW[i]!) * (throughW / itW);
        const room = Math.max(0, f.usableW[i]! - f.outW[i]!) / marginal;
        if (room < headroomW) {
          headroomW = room;
          limitingId = c.id;
          limitingScenario = f.scenario.label;
        }
      });
    }
    out.push({
      hallId: group.hallId,
      label: group.label,
      rackLoadW: group.rackLoadW,
      rackIds: group.rackIds,
      headroomW,
      moreRacks: Number.isFinite(headroomW) ? Math.floor(headroomW / group.rackLoadW) : 0,
      limitingId,
      limitingScenario,
    });
  });
  return out;
}
