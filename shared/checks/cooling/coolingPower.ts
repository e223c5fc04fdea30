/**
 * Electrical power of the cooling plant, W (docs/engine/cooling.md, check 6), which the power
 * engine hangs on the chain as the facility's cooling load and counts in PUE:
 * - fans of air handlers and fan walls, and pumps of CDUs and tanks, at their rated power (they
 *   run at design flow: a conservative, load-independent figure);
 * - chillers: rejected heat / COP + their auxiliaries (`powerKw`);
 * - dry coolers and cooling towers: their fans and pumps in proportion to their loading.
 * Worked case 9c: an immersion container with 25 kW of pumps and fans for 700 kW of miners gives
 * partial PUE (700 + 25) / 700 = 1.036.
 */
import type { ProjectDocument } from '../../model/schema';
import { IndexedMap } from '../indexedMap';
import { loadsMovedSince, type LoopLoad } from './loops';

export interface CoolingPower {
  fansW: number;
  pumpsW: number;
  rejectionW: number;
  totalW: number;
  /** Per unit, W. */
  byUnit: ReadonlyMap<string, number>;
}

type Unit = ProjectDocument['cooling'][number];

/** One unit's electrical power, W, with its heat rejected `loadW` (read for heat rejection alone). */
function unitW(u: Unit, loadW: number): number {
  switch (u.kind) {
    case 'air-handler':
    case 'fan-wall':
      return u.fanKw * 1000;
    case 'cdu':
    case 'immersion-tank':
      return u.pumpKw * 1000;
    case 'heat-rejection':
      return u.type === 'chiller' && u.cop !== null
        ? loadW / u.cop + u.powerKw * 1000
        : u.powerKw * 1000 * Math.min(1, loadW / (u.capacityKw * 1000));
    case 'rear-door':
      return 0;
  }
}

export function coolingPower(doc: ProjectDocument, loops: ReadonlyMap<string, LoopLoad>): CoolingPower {
  const memo = last;
  const moved = memo?.cooling === doc.cooling && memo.unique ? loadsMovedSince(memo.loops, loops) : null;
  if (memo && moved) {
    last = { ...memo, loops, power: powerAfter(memo, doc, loops, moved) };
    return last.power;
  }
  let fansW = 0;
  let pumpsW = 0;
  let rejectionW = 0;
  const byUnit = new Map<string, number>();
  const unitWs = new Float64Array(doc.cooling.length);
  const rejection: number[] = [];
  doc.cooling.forEach((u, k) => {
    const w = unitW(u, u.kind === 'heat-rejection' ? (loops.get(u.id)?.loadW ?? 0) : 0);
    if (u.kind === 'air-handler' || u.kind === 'fan-wall') fansW += w;
    else if (u.kind === 'cdu' || u.kind === 'immersion-tank') pumpsW += w;
    else if (u.kind === 'heat-rejection') {
      rejectionW += w;
      rejection.push(k);
    }
    unitWs[k] = w;
    byUnit.set(u.id, w);
  });
  const power = { fansW, pumpsW, rejectionW, totalW: fansW + pumpsW + rejectionW, byUnit: IndexedMap.of(byUnit) };
  last = { cooling: doc.cooling, loops, power, unitWs, rejection, unique: byUnit.size === doc.cooling.length };
  return power;
}

/**
 * The last plant power, with the loads it was worked out from: after an edit, only heat
 * rejection whose load moved (`loadsMovedSince`) is worked out again; fans and pumps are rated
 * figures of the same units.
 */
let last: {
  cooling: ProjectDocument['cooling'];
  loops: ReadonlyMap<string, LoopLoad>;
  power: CoolingPower & { byUnit: IndexedMap<string, number> };
  /** Per unit (document order), W. */
  unitWs: Float64Array;
  /** The heat-rejection units, by place in the document's list. */
  rejection: readonly number[];
  /** Whether every unit has an id of its own (then a unit's place in the list is its place among the keys). */
  unique: boolean;
} | null = null;

/**
 * The plant power after the loops at `moved` (places among the loops' keys) moved: heat
 * rejection among them worked out again, the rejection total summed again in the same order as
 * a full pass, so the figures are the same to the last bit. The last result when none moved.
 */
function powerAfter(
  memo: NonNullable<typeof last>,
  doc: ProjectDocument,
  loops: ReadonlyMap<string, LoopLoad>,
  moved: readonly number[],
): NonNullable<typeof last>['power'] {
  const { power, unitWs } = memo;
  const keys = (loops as IndexedMap<string, LoopLoad>).index?.keys;
  let slots: number[] | null = null;
  for (const s of moved) {
    const k = power.byUnit.index.at.get(keys![s]!)!;
    const u = doc.cooling[k]!;
    if (u.kind !== 'heat-rejection') continue;
    const w = unitW(u, loops.get(u.id)?.loadW ?? 0);
    if (w === unitWs[k]) continue;
    unitWs[k] = w;
    (slots ??= power.byUnit.slots.slice() as number[])[k] = w;
  }
  if (!slots) return power;
  let rejectionW = 0;
  for (const k of memo.rejection) rejectionW += unitWs[k]!;
  const { fansW, pumpsW } = power;
  return {
    fansW,
    pumpsW,
    rejectionW,
    totalW: fansW + pumpsW + rejectionW,
    byUnit: new IndexedMap(power.byUnit.index, slots),
  };
}
