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
 *
 * A configuration's IT through c is at most all of its IT, so spare / (load_c / IT_c) is a lower
 * bound on every configuration's headroom at c. A component whose bound is not below the largest
 * headroom found so far can lower none of them and is passed over without reading its
 * configurations: on a campus the upper levels carry hundreds each, in thousands of scenarios.
 */
import type { FlowReader } from './redundancy';
import { LEVEL_OF, perChain, type PowerGraph } from './topology';

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

/** 1 for the components at a limiting level, per chain (the same for every check of it). */
const limitingOf = perChain<'limiting', Uint8Array>();

/**
 * Which of a flow's changed components (their places k in `changed`) are at a limiting level: per
 * list, kept as long as the list (a scenario's plan, the same for every check of the same feeds).
 */
const limitingKept = new WeakMap<readonly number[], Int32Array>();
function limitingEntries(changed: readonly number[], limiting: Uint8Array): Int32Array {
  let entries = limitingKept.get(changed);
  if (!entries) {
    const at: number[] = [];
    for (let k = 0; k < changed.length; k++) if (limiting[changed[k]!]) at.push(k);
    limitingKept.set(changed, (entries = Int32Array.from(at)));
  }
  return entries;
}

/**
 * Headroom accumulated over flows as they are read (flows are not kept): `consider` each component
 * of normal operation, then each component every tested failure changes, in the proof's order,
 * then read `result()`. Group loads are asked for only where a component could lower some
 * configuration's headroom.
 */
export function headroomTracker(graph: PowerGraph): {
  read: FlowReader;
  result: () => ConfigurationHeadroom[];
} {
  const itW = graph.groups.map((g) => g.rackLoadW * g.rackIds.length);
  const best = graph.groups.map(() => ({
    headroomW: Infinity,
    limitingId: null as string | null,
    limitingScenario: null as string | null,
  }));
  const limiting = limitingOf(graph, 'limiting', () =>
    Uint8Array.from(graph.components, (c) => (LIMITING_LEVELS.has(LEVEL_OF[c.kind]) ? 1 : 0)),
  );
  /**
   * The largest headroom so far over the configurations with load (Infinity until all have one),
   * and a configuration that has it; NaN when stale. Headrooms only fall, so the largest moves
   * only when that configuration's does.
   */
  let largest = NaN;
  let largestAt = -1;
  const largestSoFar = () => {
    if (Number.isNaN(largest)) {
      // Worked out in a local: a number stored again and again in a closure's variable is a new
      // heap object each time.
      let most = -Infinity;
      for (let g = 0; g < best.length; g++)
        if (itW[g]! > 0 && best[g]!.headroomW > most) {
          most = best[g]!.headroomW;
          largestAt = g;
        }
      largest = most;
    }
    return largest;
  };
  /**
   * Component i with these figures in a flow (scenario: its label); `loads(k)` gives its group
   * loads there, as [configuration id, W, …], and `groupOf` each id's group.
   */
  const consider = (
    i: number,
    live: number,
    outW: number,
    flowItW: number,
    usableW: number,
    scenario: string,
    loads: (k: number) => readonly number[],
    k: number,
    groupOf: Int32Array,
  ) => {
    if (!live || flowItW <= 0) return;
    const ratio = outW / flowItW;
    const spare = Math.max(0, usableW - outW);
    // The bound, less a margin for sums taken in another order than the rack's own load.
    if ((spare / ratio) * (1 - 1e-9) >= largestSoFar()) return;
    const through = loads(k);
    for (let m = 0; m < through.length; m += 2) {
      const g = groupOf[through[m]!]!;
      const throughW = through[m + 1]!;
      if (throughW <= 0 || itW[g]! <= 0) continue;
      const room = spare / (ratio * (throughW / itW[g]!));
      const b = best[g]!;
      if (room < b.headroomW) {
        b.headroomW = room;
        b.limitingId = graph.components[i]!.id;
        b.limitingScenario = scenario;
        if (g === largestAt) largest = NaN;
      }
    }
  };
  return {
    read({ label, changed, figures, at, groupLoads, configurations }) {
      const { live, outW, itW: flowItW, usableW } = figures;
      const entries = limitingEntries(changed, limiting);
      for (let m = 0; m < entries.length; m++) {
        const k = entries[m]!;
        const e = at + k;
        consider(changed[k]!, live[e]!, outW[e]!, flowItW[e]!, usableW[e]!, label, groupLoads, k, configurations.group);
      }
    },
    result() {
      const out: ConfigurationHeadroom[] = [];
      graph.groups.forEach((group, g) => {
        if (itW[g]! <= 0) return;
        const b = best[g]!;
        out.push({
          hallId: group.hallId,
          label: group.label,
          rackLoadW: group.rackLoadW,
          rackIds: group.rackIds,
          ...b,
          moreRacks: Number.isFinite(b.headroomW) ? Math.floor(b.headroomW / group.rackLoadW) : 0,
        });
      });
      return out;
    },
  };
}
