/**
 * Normal operation after an edit of what racks hold, worked out from normal operation before it:
 * only the circuits of the racks whose devices changed are drawn again, and only the components
 * above them re-summed, with the mechanical boards when the cooling plant's power moved (it
 * follows the IT load) and the utilities when facility load is shared over them. Everything else
 * keeps its figures. A full evaluation of a campus (`evaluate`, flow.ts) draws 10,000 racks and
 * re-sums 22,000 components; a device edit changes a few dozen.
 *
 * Each component worked out again is worked out as `evaluate` does it, the same sums in the same
 * order: its own racks' draws in rack order (packed onto a circuit's phases largest first), its
 * live children in `suppliesTo` order, the facility load not hung on the chain added to the
 * utilities last. So the result is `evaluate`'s to the last bit (normalAfterEdit.test.ts).
 */
import type { Settings } from '../../model/schema';
import {
  bump,
  copyLoads,
  drawRack,
  facilityLoad,
  hangOnUtilities,
  joinPhases,
  NORMAL,
  packCircuit,
  wholeFlow,
  type Flow,
  type FlowFigures,
} from './flow';
import type { PowerGraph } from './topology';
import { reusedArray } from '../scratch';

/** What `normalAfterEdit` works out again, by component: marks for one call. */
const dirtyMarks = reusedArray((n) => new Uint8Array(n));

/** Racks drawing otherwise beyond which a full evaluation is used. */
const MOST_RACKS = 64;

/**
 * Normal operation after an edit, and the components worked out again (children first): every
 * other component has `before`'s figures, the same numbers, so what is read from them alone
 * (metrics, findings) stands.
 */
export interface NormalAfterEdit {
  flow: Flow;
  reworked: readonly number[];
}

/**
 * Arrays to write a flow's figures into (`FlowFigures`: every other array it shares with the flow
 * it was worked out from), and where they may differ from the flow they are to be worked out
 * from: null anywhere. A campus's are 1.6 MB; fresh memory that size costs about 0.7 ms in
 * Chromium, ten times the copy itself, so an editor's checks hand the arrays of a normal
 * operation nothing refers to any more on to the next (power/index.ts `PowerMemo.spare`).
 */
export interface SpareFigures {
  figures: FlowFigures;
  stale: readonly number[] | null;
  /** The racks' states of the same flow, likewise free to be written over (null: none). */
  rackState: Uint8Array | null;
}

/**
 * `before`'s figures copied into the spare's arrays when they have their sizes (only at the
 * components where they may differ, when known), else into new arrays.
 */
function figuresFrom(before: FlowFigures, spare: SpareFigures | null): FlowFigures {
  const into = spare?.figures ?? null;
  const fits =
    into !== null &&
    into.outW.length === before.outW.length &&
    into.inW.length === before.inW.length &&
    into.itW.length === before.itW.length &&
    into.phaseW.length === before.phaseW.length;
  if (!fits)
    return {
      outW: before.outW.slice(),
      inW: before.inW.slice(),
      itW: before.itW.slice(),
      phaseW: before.phaseW.slice(),
    };
  const stale = spare!.stale;
  if (stale === null) {
    into.outW.set(before.outW);
    into.inW.set(before.inW);
    into.itW.set(before.itW);
    into.phaseW.set(before.phaseW);
  } else for (const i of stale) copyLoads(before, into, i);
  return into;
}

/**
 * Normal operation of `graph`, from `before`, normal operation of `previous` under the same
 * settings; null when the edit reaches further than what racks hold (another chain, racks on
 * other circuits), where only a full evaluation will do. `into`: arrays nothing reads any more,
 * which the new flow's own figures are written into (else new ones). The flow's figures differ
 * from `before`'s only at the components it reworked (`NormalAfterEdit.reworked`).
 */
export function normalAfterEdit(
  graph: PowerGraph,
  settings: Settings,
  previous: PowerGraph,
  before: Flow,
  into: SpareFigures | null = null,
): NormalAfterEdit | null {
  if (previous.chainKey !== graph.chainKey || previous.feedsKey !== graph.feedsKey) return null;
  const n = graph.components.length;
  const { orderPos, circuitRacks, racks } = graph;
  // The same chain and feeds: the same components live, fed the same way.
  const { live, fedBy } = before;

  // What to work out again: the circuits of racks drawing otherwise, and what is above them.
  const dirty = dirtyMarks(n);
  const list: number[] = [];
  const mark = (i: number) => {
    for (let c = i; c !== -1 && !dirty[c]; c = fedBy[c]!) {
      dirty[c] = 1;
      list.push(c);
    }
  };
  // A copy of the racks' states, into the spare's when it has their size (a campus's 10 KB, fresh
  // at every edit otherwise).
  const spareStates = into?.rackState ?? null;
  const rackState =
    spareStates !== null && spareStates !== before.rackState && spareStates.length === before.rackState.length
      ? spareStates
      : new Uint8Array(before.rackState.length);
  rackState.set(before.rackState);
  const ignore = () => {};
  let changedRacks = 0;
  // Only the racks read again when the graph was built from `previous` (most of a campus's
  // 10,000 are not), else every rack, are looked at.
  const reread = graph.reread?.from === previous.racks ? graph.reread.racks : null;
  const count = reread ? reread.length : racks.length;
  for (let m = 0; m < count; m++) {
    const ri = reread ? reread[m]! : m;
    const r = racks[ri]!;
    if (r.devices === previous.racks[ri]!.devices) continue;
    // Past a few racks (another catalog or load basis), evaluating afresh is as quick.
    if (++changedRacks > MOST_RACKS) return null;
    rackState[ri] = drawRack(r, r.a !== -1 && live[r.a] === 1, r.b !== -1 && live[r.b] === 1, ignore);
    if (r.a !== -1) mark(r.a);
    if (r.b !== -1) mark(r.b);
  }
  const { mechanicalW, unhungW } = facilityLoad(graph, settings);
  const was = facilityLoad(previous, settings);
  if (mechanicalW !== was.mechanicalW) for (const i of graph.mechanical) mark(i);
  const wasUnhungW = was.unhungW;
  // The share each utility carries follows the facility load and the IT load of them all.
  const rehang = (unhungW > 0 || wasUnhungW > 0) && (list.length > 0 || unhungW !== wasUnhungW);
  if (rehang) for (const u of graph.utilities) mark(u);

  const { outW, inW, itW, phaseW } = figuresFrom(before, into);
  // Children before parents, as `evaluate` sums them.
  list.sort((x, y) => orderPos[y]! - orderPos[x]!);
  const pairs: number[] = [];
  let drawing = -1;
  const onSide = (side: number, perSupply: number, count: number) => {
    if (side !== drawing) return;
    pairs.push(perSupply, count);
    const w = perSupply * count;
    bump(outW, side, w);
    bump(itW, side, w);
  };
  for (const d of list) {
    outW[d] = 0;
    itW[d] = 0;
    phaseW[3 * d] = phaseW[3 * d + 1] = phaseW[3 * d + 2] = 0;
    if (!live[d]) {
      inW[d] = 0;
      continue;
    }
    drawing = d;
    pairs.length = 0;
    for (const ri of circuitRacks[d]!) {
      const r = racks[ri]!;
      drawRack(r, r.a !== -1 && live[r.a] === 1, r.b !== -1 && live[r.b] === 1, onSide);
    }
    const c = graph.components[d]!;
    if (c.kind === 'circuit' && pairs.length > 0) packCircuit(c.phases, outW[d]!, pairs, pairs.length, phaseW, 3 * d);
    const share = graph.mechanicalShare[d]!;
    if (!Number.isNaN(share)) outW[d] = share * mechanicalW;
    for (const child of graph.suppliesTo[d]!) {
      if (!live[child] || fedBy[child] !== d) continue;
      bump(outW, d, inW[child]!);
      bump(itW, d, itW[child]!);
      joinPhases(graph.phases, d, child, phaseW, outW[child]!);
    }
    inW[d] = outW[d]! / graph.efficiency[d]!;
  }
  if (rehang) hangOnUtilities(graph, live, outW, inW, itW, unhungW);
  const flow = wholeFlow(graph, NORMAL, {
    live,
    fedBy,
    outW,
    inW,
    itW,
    usableW: before.usableW,
    phaseW,
    phaseLimitA: before.phaseLimitA,
    rackState,
  });
  return { flow, reworked: list };
}
