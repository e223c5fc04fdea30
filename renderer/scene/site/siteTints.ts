/**
 * The site view's rack colours, worked out per hall and kept across edits: an edit recolours the
 * halls it touched, not the site.
 *
 * A rack's tint (rackTints.ts) depends on the rack and on inputs that are the site's:
 * - by type: the entities named by errors, and what the selected power components feed;
 * - by power: the power check's component metrics; by cooling: the cooling check's rack inlets;
 * - a failure being simulated; a tour stop's highlighted rows.
 * The check results keep those objects while they hold (shared/checks/incremental.ts: the loads,
 * and so the power and cooling metrics, are the same objects after a move), but they are not split
 * by hall. So a hall is coloured again when its racks changed (hallIndex.ts hands back the very
 * array of a hall the edit did not touch); when the errors changed, only the halls of the racks
 * that gained or lost an error are (found from the two sets' difference, whose size is the
 * errors', not the site's); by power or cooling, when new results came, only the halls of the
 * racks whose circuits' worst utilisation or inlet margin moved; any other input that changed
 * recolours every hall.
 */
import type { CoolingMetrics, FailureSimulation, PowerComponent, PowerMetrics, Rack } from '../../../shared/index';
import type { RackColouring } from '../../store/documentStore';
import { idPositions, type RackIndex } from '../hallIndex';
import { rackTints, TINT } from '../rackTints';

export interface TintInputs {
  colouring: RackColouring;
  power: PowerMetrics;
  cooling: CoolingMetrics;
  errorEntities: ReadonlySet<string>;
  /** What the selected power components feed (downstreamOf). */
  fed: ReadonlySet<string>;
  simulation: FailureSimulation | null;
  /** The power chain: a simulation's overloads are traced up it. */
  chain: readonly PowerComponent[];
  /** A tour stop's highlighted rows, or null. */
  rows: readonly string[] | null;
}

export interface SiteTints {
  readonly index: RackIndex;
  readonly inputs: TintInputs;
  /** Each hall's rack tints by rack id; a rack absent is drawn in its type's colour. */
  readonly byHall: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export interface TintUpdate {
  tints: SiteTints;
  /** The halls coloured again: every one, or these. */
  halls: 'all' | ReadonlySet<string>;
}

const NO_SELECTION: ReadonlySet<string> = new Set();

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

const byType = (inputs: TintInputs) => inputs.simulation === null && inputs.colouring === 'type';

/** Whether an input that colours racks in every hall is not what it was (for the colouring in force). */
function everyHallChanged(a: TintInputs, b: TintInputs): boolean {
  if (a.colouring !== b.colouring || a.simulation !== b.simulation || !sameList(a.rows, b.rows)) return true;
  if (b.simulation !== null) return a.chain !== b.chain;
  // By power or cooling, new results recolour the halls of the racks whose figures moved (below).
  if (b.colouring === 'power' || b.colouring === 'cooling') return false;
  return !sameSet(a.fed, b.fed);
}

/**
 * By power or cooling, after new results: the halls with a rack whose colour's figure moved — the
 * worst utilisation of its circuits (rackTints.ts), or its inlet margin. A device edit on a campus
 * moves those of the edited rack and its air group, a circuit re-rated those of its rack: their
 * halls are coloured again, not 10,000 racks. The scan reads two numbers per rack.
 */
function hallsWithMovedFigures(a: TintInputs, b: TintInputs, index: RackIndex, redo: Set<string>): void {
  if (b.colouring !== 'power' && b.colouring !== 'cooling') return;
  const byPower = b.colouring === 'power';
  if (byPower ? a.power.components === b.power.components : a.cooling.inlets === b.cooling.inlets) return;
  const worst = (m: PowerMetrics['components'], id: string | null) =>
    id === null ? undefined : m.get(id)?.worst?.utilisationPct;
  const moved = (r: Rack) =>
    byPower
      ? worst(a.power.components, r.feeds.a) !== worst(b.power.components, r.feeds.a) ||
        worst(a.power.components, r.feeds.b) !== worst(b.power.components, r.feeds.b)
      : a.cooling.inlets.get(r.id)?.marginK !== b.cooling.inlets.get(r.id)?.marginK;
  for (const [hallId, racks] of index.byHall) {
    if (redo.has(hallId)) continue;
    for (const r of racks)
      if (moved(r)) {
        redo.add(hallId);
        break;
      }
  }
}

/** One hall's tints: rackTints over its racks, then the highlighted rows. */
function hallTints(racks: readonly Rack[], inputs: TintInputs, rows: ReadonlySet<string> | null): Map<string, string> {
  const tints = rackTints(
    { power: inputs.chain, racks },
    {
      colouring: inputs.colouring,
      power: inputs.power,
      cooling: inputs.cooling,
      errorEntities: inputs.errorEntities,
      selection: NO_SELECTION,
      simulation: inputs.simulation,
      fed: inputs.fed,
    },
  );
  if (rows) for (const r of racks) if (r.rowId !== null && rows.has(r.rowId)) tints.set(r.id, TINT.highlight);
  return tints;
}

/** The tints for `index` and `inputs`, reusing `previous` for every hall whose colours cannot have changed. */
export function updateSiteTints(previous: SiteTints | null, index: RackIndex, inputs: TintInputs): TintUpdate {
  const all = previous === null || everyHallChanged(previous.inputs, inputs);
  const redo = new Set<string>();
  if (!all) {
    for (const [hallId, racks] of index.byHall) if (previous.index.byHall.get(hallId) !== racks) redo.add(hallId);
    if (inputs.simulation === null) hallsWithMovedFigures(previous.inputs, inputs, index, redo);
    if (byType(inputs) && previous.inputs.errorEntities !== inputs.errorEntities) {
      const before = previous.inputs.errorEntities;
      const now = inputs.errorEntities;
      const at = idPositions(index);
      // A rack no longer in the document took its hall's array with it: that hall is redone already.
      const hallOf = (id: string) => {
        const i = at.get(id);
        if (i !== undefined) redo.add(index.items[i]!.hallId);
      };
      for (const id of before) if (!now.has(id)) hallOf(id);
      for (const id of now) if (!before.has(id)) hallOf(id);
    }
  }
  const rows = inputs.rows ? new Set(inputs.rows) : null;
  const byHall = new Map<string, ReadonlyMap<string, string>>();
  for (const [hallId, racks] of index.byHall) {
    const kept = all || redo.has(hallId) ? undefined : previous.byHall.get(hallId);
    byHall.set(hallId, kept ?? hallTints(racks, inputs, rows));
  }
  return { tints: { index, inputs, byHall }, halls: all ? 'all' : redo };
}

/**
 * The instances (positions in the document's racks) whose colour may differ from what was painted
 * for `before`: every one when nothing was painted, racks came or went (the instances shifted) or
 * every hall was coloured again; else the racks of the halls coloured again and those selected or
 * unselected since.
 */
export function instancesToPaint(
  before: { index: RackIndex; selection: ReadonlySet<string> } | null,
  update: TintUpdate,
  selection: ReadonlySet<string>,
): 'all' | number[] {
  const { index } = update.tints;
  if (before === null || update.halls === 'all' || before.index.positions !== index.positions) return 'all';
  const out: number[] = [];
  for (const hallId of update.halls) for (const i of index.positions.get(hallId) ?? []) out.push(i);
  if (before.selection !== selection) {
    const at = idPositions(index);
    const add = (id: string) => {
      const i = at.get(id);
      if (i !== undefined) out.push(i);
    };
    for (const id of before.selection) if (!selection.has(id)) add(id);
    for (const id of selection) if (!before.selection.has(id)) add(id);
  }
  return out;
}
