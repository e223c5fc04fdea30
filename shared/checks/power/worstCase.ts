/**
 * The heaviest loading of each component over normal operation and every tested failure
 * (ComponentMetrics.worst): utilisation = 100 · load ÷ usable capacity, in the proof's order, a
 * later scenario taking over only when heavier by more than 1e-9 (relative; the same loading
 * reached by sums in another order is not heavier). After an edit, only the components whose
 * figures moved in some flow are folded again, over their kept figures (`WorstIndex`), in the same
 * order: the same result to the last bit.
 */
import type { Flow } from './flow';
import type { ScenarioFigures } from './scenarioFigures';

/** Per component (pct −1: no loading read yet). */
export interface Worst {
  pct: Float64Array;
  loadW: Float64Array;
  usableW: Float64Array;
  scenario: string[];
}

export function noWorst(n: number): Worst {
  return {
    pct: new Float64Array(n).fill(-1),
    loadW: new Float64Array(n),
    usableW: new Float64Array(n),
    scenario: new Array<string>(n).fill(''),
  };
}

/** Folds one loading of component i into its worst. */
export function foldWorst(w: Worst, i: number, live: number, loadW: number, usableW: number, label: string): void {
  if (!live || !Number.isFinite(usableW)) return;
  const pct = (100 * loadW) / usableW;
  if (pct > w.pct[i]! * (1 + 1e-9) || w.pct[i]! < 0) {
    w.pct[i] = pct;
    w.loadW[i] = loadW;
    w.usableW[i] = usableW;
    w.scenario[i] = label;
  }
}

/** Normal operation's loading of every component, first. */
export function foldNormal(w: Worst, normal: Flow): void {
  const label = normal.scenario.label;
  for (let i = 0; i < normal.live.length; i++)
    foldWorst(w, i, normal.live[i]!, normal.outW[i]!, normal.usableW[i]!, label);
}

/**
 * Where each component's figures are kept, in the order the tested failures were read: the
 * entries (of `ScenarioFigures`) of component i are `entries[start[i]] … entries[start[i + 1] − 1]`,
 * and `read[k]` says which reading (`labels`) entry k belongs to.
 */
export interface WorstIndex {
  start: Int32Array;
  entries: Int32Array;
  read: Int32Array;
  labels: string[];
}

/** The index of a proof's readings: each a scenario's label, its first entry and its changed components. */
export function worstIndex(
  n: number,
  readings: readonly { label: string; at: number; changed: readonly number[] }[],
): WorstIndex {
  const start = new Int32Array(n + 1);
  for (const r of readings) for (const i of r.changed) start[i + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const entries = new Int32Array(start[n]!);
  const read = new Int32Array(start[n]!);
  readings.forEach((r, m) => {
    for (let k = 0; k < r.changed.length; k++) {
      const slot = fill[r.changed[k]!]!++;
      entries[slot] = r.at + k;
      read[slot] = m;
    }
  });
  return { start, entries, read, labels: readings.map((r) => r.label) };
}

/** Component i's worst folded afresh: normal operation's loading, then its kept ones in order. */
export function foldAgain(w: Worst, i: number, normal: Flow, figures: ScenarioFigures, index: WorstIndex): void {
  w.pct[i] = -1;
  w.loadW[i] = 0;
  w.usableW[i] = 0;
  w.scenario[i] = '';
  foldWorst(w, i, normal.live[i]!, normal.outW[i]!, normal.usableW[i]!, normal.scenario.label);
  for (let s = index.start[i]!; s < index.start[i + 1]!; s++) {
    const e = index.entries[s]!;
    foldWorst(w, i, figures.live[e]!, figures.outW[e]!, figures.usableW[e]!, index.labels[index.read[s]!]!);
  }
}
