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
import type { FlowReader, FlowView } from './redundancy';
import { placesMarked, type ConfigurationIds } from './scenarioFigures';
import { componentMarks, LEVEL_OF, perChain, type PowerGraph, type RackGroup } from './topology';
import { reusedArray } from '../scratch';

/** A tracker's `carriersOf`, read during its check alone: a campus's 22,000 components. */
const carrierMarks = reusedArray((n) => new Uint8Array(n));

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

/** Which of a flow's changed components (their places k in `changed`) are at a limiting level, per list (`placesMarked`). */
const limitingKept = new WeakMap<readonly number[], readonly number[]>();

/** A configuration's headroom as a check found it, kept for the next check by configuration id. */
interface KeptHeadroom {
  headroomW: number;
  limitingId: string | null;
  limitingScenario: string | null;
  /**
   * Where its limit was read: the flow's place in reading order, the component (−1: no limit) and
   * its entry in the flow's changed components.
   */
  pos: number;
  component: number;
  entry: number;
}

/** No limit found (yet): shared by every configuration until a pair lowers its headroom. */
const NO_LIMIT: KeptHeadroom = Object.freeze({
  headroomW: Infinity,
  limitingId: null,
  limitingScenario: null,
  pos: -1,
  component: -1,
  entry: -1,
});

/**
 * What a headroom tracker keeps for the check of the next version, by configuration id (dense,
 * `configurationIds`): each configuration's result, its IT then (W; another means other racks, so
 * other rooms everywhere), and the group and result shown, shown again while both stand.
 */
export interface HeadroomMemo {
  best: readonly (KeptHeadroom | undefined)[];
  itW: readonly number[];
  groups: readonly (RackGroup | undefined)[];
  shown: readonly (ConfigurationHeadroom | undefined)[];
}

/**
 * Whether the pair of a flow (its place in reading order: 0 normal operation, then the proof's
 * claims) and a component it changes has the same figures and group loads as in the last check.
 */
export type PairStays = (pos: number, component: number) => boolean;

/**
 * 1 for every component that may carry some of the load of `racks` (places in `graph.racks`) in
 * some flow: a rack draws through what feeds its circuits, by parent or by a generator standing by
 * (`fedBy` is one or the other), and so on up. `list`: where the components marked are listed as
 * well, as they are marked.
 */
export function carriersOf(
  graph: PowerGraph,
  racks: readonly number[],
  marks = new Uint8Array(graph.components.length),
  list: number[] | null = null,
): Uint8Array {
  const stack: number[] = [];
  for (let k = 0; k < racks.length; k++) {
    const r = graph.racks[racks[k]!]!;
    if (r.a !== -1) stack.push(r.a);
    if (r.b !== -1) stack.push(r.b);
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (marks[x]) continue;
      marks[x] = 1;
      list?.push(x);
      if (graph.parent[x] !== -1) stack.push(graph.parent[x]!);
      if (graph.backup[x] !== -1) stack.push(graph.backup[x]!);
    }
  }
  return marks;
}

/**
 * Headroom accumulated over flows as they are read (flows are not kept): each component of
 * normal operation, then each component every tested failure changes, then `result()`. Group
 * loads are asked for only where a component could lower some configuration's headroom.
 *
 * A configuration's headroom is the least room over all the pairs read, ties going to the earlier
 * place in reading order (the flow's `pos`: 0 normal operation, then the proof's claims), then to
 * the earlier entry of the flow: the same whatever order pairs are read in, so a proof may read
 * some pairs alone (`entry`), out of order. A pair is passed over only when its room bounds every
 * configuration's from above, which stays true as headrooms fall.
 *
 * After an edit (`keeping`, before the first read): a configuration keeps its last result as its
 * best so far when its IT is the same and the pair that limited it keeps its figures; the result is
 * the least (room, place in reading order) over all pairs, so it then only needs the pairs that
 * moved (`FlowView.moved`), and the pairs that did not move are read for the other configurations
 * alone (the edited rack's old and new ones, and those whose limit moved). Ties go to the earlier
 * place, as a reading from scratch finds them.
 */
export function headroomTracker(
  graph: PowerGraph,
  configurations: ConfigurationIds,
  previous: HeadroomMemo | null = null,
): {
  keeping: (stays: PairStays | null) => void;
  read: FlowReader;
  /**
   * Entry k of a flow (its `pos` given) read alone: for every configuration, or the fresh ones
   * alone (where the pair kept its figures since the last check).
   */
  entry: (view: FlowView, k: number, onlyFresh: boolean) => void;
  /**
   * Whether component i with these figures could lower some configuration's headroom as things
   * stand (false: reading it would change nothing, as `entry` would find): a proof reads thousands
   * of kept failures at the utilities, most of them bounded away.
   */
  mayLimit: (i: number, live: number, outW: number, itW: number, usableW: number, onlyFresh: boolean) => boolean;
  /**
   * After `keeping`: undefined when no configuration is read afresh; else the components at a
   * limiting level that may carry their racks in some flow, ascending.
   */
  freshComponents: () => readonly number[] | undefined;
  result: () => ConfigurationHeadroom[];
  memo: () => HeadroomMemo;
} {
  const itW = graph.groups.map((g) => g.rackLoadW * g.rackIds.length);
  /**
   * Copy on write: a configuration's best so far is shared (NO_LIMIT, or the result the last check
   * kept, which its memo still holds) until a pair lowers it, and only then its own (`owned`).
   */
  const best: KeptHeadroom[] = new Array<KeptHeadroom>(graph.groups.length).fill(NO_LIMIT);
  const owned = new Uint8Array(best.length);
  /** 1 for the configurations read from scratch (all of them without a last check to keep from). */
  const fresh = new Uint8Array(best.length).fill(1);
  let anyFresh = best.length > 0;
  const limiting = limitingOf(graph, 'limiting', () =>
    componentMarks(graph, (c) => LIMITING_LEVELS.has(LEVEL_OF[c.kind])),
  );
  /** The place in reading order of the flow being read. */
  let pos = -1;
  /**
   * The largest headroom so far over the configurations with load (Infinity until all have one),
   * and a configuration that has it, over all of them and over the fresh ones; NaN when stale.
   * Headrooms only fall, so the largest moves only when that configuration's does.
   */
  let largest = NaN;
  let largestAt = -1;
  let largestFresh = NaN;
  let largestFreshAt = -1;
  const largestSoFar = (onlyFresh: boolean) => {
    if (onlyFresh ? Number.isNaN(largestFresh) : Number.isNaN(largest)) {
      // Worked out in a local: a number stored again and again in a closure's variable is a new
      // heap object each time.
      let most = -Infinity;
      let at = -1;
      for (let g = 0; g < best.length; g++)
        if (itW[g]! > 0 && (!onlyFresh || fresh[g]) && best[g]!.headroomW > most) {
          most = best[g]!.headroomW;
          at = g;
        }
      if (onlyFresh) {
        largestFresh = most;
        largestFreshAt = at;
      } else {
        largest = most;
        largestAt = at;
      }
    }
    return onlyFresh ? largestFresh : largest;
  };
  /**
   * Component i (changed[k]) with these figures in a flow (scenario: its label), for every
   * configuration or the fresh ones alone; `loads(k)` gives its group loads there, as
   * [configuration id, W, …], and `groupOf` each id's group.
   */
  /**
   * Whether a pair with these figures is past the bound: its room, for any configuration, above
   * the largest headroom so far (less a margin for sums taken in another order than the rack's own
   * load; strictly above: a pair whose room ties a kept best at a later place may come earlier in
   * the order), or no room at all to read (dead, or no IT through it).
   */
  const bounded = (live: number, outW: number, flowItW: number, usableW: number, onlyFresh: boolean) => {
    if (!live || flowItW <= 0) return true;
    const ratio = outW / flowItW;
    const spare = Math.max(0, usableW - outW);
    return (spare / ratio) * (1 - 1e-9) > largestSoFar(onlyFresh);
  };
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
    onlyFresh: boolean,
  ) => {
    if (bounded(live, outW, flowItW, usableW, onlyFresh)) return;
    const ratio = outW / flowItW;
    const spare = Math.max(0, usableW - outW);
    const through = loads(k);
    for (let m = 0; m < through.length; m += 2) {
      const g = groupOf[through[m]!]!;
      const throughW = through[m + 1]!;
      if (throughW <= 0 || itW[g]! <= 0 || (onlyFresh && !fresh[g])) continue;
      const room = spare / (ratio * (throughW / itW[g]!));
      let b = best[g]!;
      if (room < b.headroomW || (room === b.headroomW && (pos < b.pos || (pos === b.pos && k < b.entry)))) {
        if (!owned[g]) {
          b = best[g] = { ...b };
          owned[g] = 1;
        }
        b.headroomW = room;
        b.limitingId = graph.components[i]!.id;
        b.limitingScenario = scenario;
        b.pos = pos;
        b.component = i;
        b.entry = k;
        if (g === largestAt) largest = NaN;
        if (g === largestFreshAt) largestFresh = NaN;
      }
    }
  };
  /** With a last check kept: 1 for the components that may carry a fresh configuration's racks in some flow. */
  let carriesFresh: Uint8Array | null = null;
  /** The same components, listed; and `freshComponents`'s answer once asked. */
  let carriesFreshList: number[] | null = null;
  let freshList: readonly number[] | undefined | null = null;
  /** Whether entry k of a flow is read: at a limiting level, and for the fresh configurations alone only where one may draw. */
  const wanted = (i: number, onlyFresh: boolean) =>
    limiting[i] === 1 && (!onlyFresh || (anyFresh && (carriesFresh === null || carriesFresh[i] === 1)));
  /**
   * The configurations with load, in group order (by group: undefined for those without). A
   * configuration's result is the last check's object where its group and its kept best are.
   */
  let shownByGroup: (ConfigurationHeadroom | undefined)[] | null = null;
  const shownOf = () => {
    if (shownByGroup) return shownByGroup;
    shownByGroup = graph.groups.map((group, g) => {
      if (itW[g]! <= 0) return undefined;
      const id = configurations.ofGroup[g]!;
      const before = previous?.shown[id];
      if (before && previous!.best[id] === best[g] && previous!.groups[id] === group) return before;
      const { headroomW, limitingId, limitingScenario } = best[g]!;
      return {
        hallId: group.hallId,
        label: group.label,
        rackLoadW: group.rackLoadW,
        rackIds: group.rackIds,
        headroomW,
        limitingId,
        limitingScenario,
        moreRacks: Number.isFinite(headroomW) ? Math.floor(headroomW / group.rackLoadW) : 0,
      };
    });
    return shownByGroup;
  };
  const result = () => shownOf().filter((h): h is ConfigurationHeadroom => h !== undefined);
  const freshComponents = (): readonly number[] | undefined => {
    if (freshList !== null) return freshList;
    if (!anyFresh) return (freshList = undefined);
    if (carriesFreshList !== null)
      return (freshList = carriesFreshList.filter((i) => limiting[i] === 1).sort((x, y) => x - y));
    const out: number[] = [];
    for (let i = 0; i < limiting.length; i++) if (limiting[i]) out.push(i);
    return (freshList = out);
  };
  return {
    keeping(stays) {
      if (!stays || !previous) return;
      freshList = null;
      anyFresh = false;
      for (let g = 0; g < best.length; g++) {
        const id = configurations.ofGroup[g]!;
        const kept = previous.best[id];
        if (kept && previous.itW[id] === itW[g] && (kept.pos === -1 || stays(kept.pos, kept.component))) {
          best[g] = kept;
          fresh[g] = 0;
        } else anyFresh = true;
      }
      // No other component carries any of their racks in any flow, so no other pair can limit them.
      if (anyFresh) {
        carriesFreshList = [];
        // Their racks by group (a few hundred), not the campus's 10,000 each asked for its group.
        const racks: number[] = [];
        for (let g = 0; g < best.length; g++) if (fresh[g]) for (const ri of graph.groups[g]!.racks) racks.push(ri);
        carriesFresh = carriersOf(graph, racks, carrierMarks(graph.components.length), carriesFreshList);
      }
    },
    read({ label, changed, figures, at, groupLoads, configurations: ids, moved, again, pos: place }) {
      pos = place ?? pos + 1;
      const { live, outW, itW: flowItW, usableW } = figures;
      if (moved !== null && again) {
        // Its entries that moved, for every configuration; the rest for the fresh ones alone, where
        // one may draw (`freshComponents`), found by their place: the pairs the loop below would
        // read, without going through the thousands of a side lost that neither moved nor carry a
        // fresh configuration.
        for (const k of again.places) {
          const i = changed[k]!;
          if (!limiting[i]) continue;
          const e = at + k;
          consider(i, live[e]!, outW[e]!, flowItW[e]!, usableW[e]!, label, groupLoads, k, ids.group, false);
        }
        const fresh = freshComponents();
        if (fresh === undefined) return;
        for (const i of fresh) {
          const k = again.placeOf[i]!;
          if (k === -1 || moved[i] === 1) continue;
          const e = at + k;
          consider(i, live[e]!, outW[e]!, flowItW[e]!, usableW[e]!, label, groupLoads, k, ids.group, true);
        }
        return;
      }
      const entries = placesMarked(limitingKept, changed, limiting);
      for (let m = 0; m < entries.length; m++) {
        const k = entries[m]!;
        const onlyFresh = moved !== null && moved[changed[k]!] !== 1;
        if (!wanted(changed[k]!, onlyFresh)) continue;
        const e = at + k;
        consider(changed[k]!, live[e]!, outW[e]!, flowItW[e]!, usableW[e]!, label, groupLoads, k, ids.group, onlyFresh);
      }
    },
    entry(view, k, onlyFresh) {
      const i = view.changed[k]!;
      if (!wanted(i, onlyFresh)) return;
      pos = view.pos!;
      const e = view.at + k;
      const { live, outW, itW: flowItW, usableW } = view.figures;
      consider(
        i,
        live[e]!,
        outW[e]!,
        flowItW[e]!,
        usableW[e]!,
        view.label,
        view.groupLoads,
        k,
        view.configurations.group,
        onlyFresh,
      );
    },
    mayLimit(i, live, outW, itW, usableW, onlyFresh) {
      return wanted(i, onlyFresh) && !bounded(live, outW, itW, usableW, onlyFresh);
    },
    freshComponents,
    result,
    memo() {
      const shown = shownOf();
      const ids = configurations.ids.size;
      const keptBest = new Array<KeptHeadroom | undefined>(ids);
      // A plain array: a typed one is a fresh buffer outside the heap at every check, dearer to make.
      const keptItW = new Array<number>(ids).fill(NaN);
      const groups = new Array<RackGroup | undefined>(ids);
      const keptShown = new Array<ConfigurationHeadroom | undefined>(ids);
      for (let g = 0; g < best.length; g++) {
        const id = configurations.ofGroup[g]!;
        keptBest[id] = best[g];
        keptItW[id] = itW[g]!;
        groups[id] = graph.groups[g];
        keptShown[id] = shown[g];
      }
      return { best: keptBest, itW: keptItW, groups, shown: keptShown };
    },
  };
}
