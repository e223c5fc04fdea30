/**
 * Findings of normal operation: every component's load against its derated capacity, phase
 * loading and balance of three-phase circuits and panels, racks with no circuit, and components
 * whose supply is not modelled.
 */
import type { PowerComponent, Settings } from '../../model/schema';
import { finding, type Finding } from '../types';
import { BREAKER_SIZES_A, imbalancePctOf, lineCurrentA } from './electrical';
import { phaseAmps, sameFiguresAt, type Flow } from './flow';
import { racksWhere, type RacksWhere } from './racksWhere';
import type { PowerGraph, RackSupply } from './topology';

/** Nameplates carry ±5 % tolerance, so a margin under 2 % is not a margin (worked case 3 note). */
export const NEAR_LIMIT_FRACTION = 0.02;

const CAPACITY_FORMULA: Record<PowerComponent['kind'], string> = {
  utility: 'P_usable = S_kVA · PF · derating; Σ downstream input + unhung facility load ≤ P_usable',
  generator: 'P_usable = standby kW rating; load of what it backs up ≤ P_usable',
  transformer: 'P_usable = S_kVA · PF · max loading; Σ downstream input ≤ P_usable',
  switchgear: 'P_usable = √3 · V_LL · I_rated · PF · derating; Σ downstream input ≤ P_usable',
  ups: 'P_usable = modules · min(module kW, module kVA · PF); Σ downstream load ≤ P_usable',
  distribution: 'P_usable = √3 · V_LL · I_rated · PF · derating (1φ: V · I · PF · derating); Σ circuit load ≤ P_usable',
  circuit: 'P_usable = √3 · V_LL · I_breaker · PF · derating (1φ: V · I · PF · derating); load ≤ P_usable',
  mechanical: '',
};
const CAPACITY_SOURCE: Record<PowerComponent['kind'], string> = {
  utility: 'NEC 230.42(A)(1) continuous load on services (figures.md §2.2)',
  generator: 'Generator standby rating (ISO 8528-1)',
  transformer: 'Transformer maximum continuous loading, worked case 8 (figures.md §2.4)',
  switchgear: 'NEC 215.3 feeder OCPD ≥ 125 % of continuous load ⇒ 80 % derating',
  ups: 'UPS sized on both kW and kVA (figures.md §2.4); worked case 8',
  distribution: 'NEC 215.3 / 210.20(A) continuous-load rule ⇒ 80 % derating',
  circuit: 'NEC 210.20(A) continuous-load rule (OCPD ≥ 125 % of continuous load ⇒ 80 % derating); worked case 1',
  mechanical: '',
};
const PHASE_FORMULA =
  'I_phase = P_phase / (V_LL/√3 · PF); each phase ≤ I_rated · derating; unbalance = max|I_p − Ī| / Ī';
const PHASE_SOURCE =
  'Per-phase packing of single-phase loads (figures.md §2.1, worked case 3); unbalance per NEMA MG-1 (maximum deviation from average)';

const kw = (w: number) => (w / 1000).toFixed(1);
const amps = (a: number) => a.toFixed(1);

/** Entities to select for a component: itself, plus the racks it feeds directly (circuits). */
export function componentEntities(graph: PowerGraph, i: number): string[] {
  const c = graph.components[i]!;
  if (c.kind !== 'circuit') return [c.id];
  return [c.id, ...graph.circuitRacks[i]!.map((ri) => graph.racks[ri]!.rack.id)];
}

/**
 * For an overloaded circuit, the standard breaker that would carry the load continuously:
 * I = P / (√3 · V · PF), rating ≥ I / derating (NEC 210.20(A): 1.25 · I), next size up in the
 * document's code (worked case 2). Empty beyond the table.
 */
function breakerAdvice(c: PowerComponent, loadW: number, settings: Settings): string {
  if (c.kind !== 'circuit') return '';
  const currentA = lineCurrentA(loadW, c.voltageV, c.phases, c.powerFactor);
  const derate = c.hundredPercentRated ? 1 : settings.deratingFactor;
  const size = BREAKER_SIZES_A[settings.electricalCode].find((a) => a * derate >= currentA);
  return size === undefined
    ? ''
    : ` It draws ${amps(currentA)} A: a breaker of ${size} A (${settings.electricalCode} sizes) would carry it.`;
}

/**
 * Normal operation's findings at each component (by index), kept so that the next check of an
 * edited version reuses those of components whose figures the edit did not change.
 */
export interface CapacityMemo {
  graph: PowerGraph;
  settings: Settings;
  normal: Flow;
  byComponent: readonly (readonly Finding[])[];
  /** `byComponent`'s findings in component order, and where each component's begin (one more entry: the end). */
  flat: { findings: readonly Finding[]; offsets: Int32Array };
  /** The racks with load and no circuit (by number), and the racks they were found among. */
  unfed: RacksWhere;
  /**
   * When `byComponent` is the last memo's list with only these components' entries taken anew (an
   * edit's reworked components); null when it was made whole.
   */
  patched: readonly number[] | null;
}

/**
 * A list of findings by component that nothing reads any more (the one of the memo before the
 * last, handed on as a spare: index.ts), which differs from the last memo's only at `stale`.
 */
export interface SpareFindings {
  byComponent: (readonly Finding[])[];
  stale: readonly number[];
}

const NO_FINDINGS: readonly Finding[] = [];

/**
 * Whether component `i`'s findings under `memo` still stand: the same component (the same chain),
 * settings, figures in normal operation (`sameFiguresAt`) and racks on it — all they read.
 */
function sameFigures(memo: CapacityMemo, graph: PowerGraph, settings: Settings, normal: Flow, i: number): boolean {
  if (memo.graph.components !== graph.components || memo.settings !== settings) return false;
  if (!sameFiguresAt(memo.normal, normal, i)) return false;
  const before = memo.graph.circuitRacks[i]!;
  const now = graph.circuitRacks[i]!;
  if (before.length !== now.length) return false;
  for (let k = 0; k < now.length; k++)
    if (memo.graph.racks[before[k]!]!.rack.id !== graph.racks[now[k]!]!.rack.id) return false;
  return true;
}

/**
 * Whether only the components normal operation worked out again can have other findings than
 * under `memo`: the same chain, settings and feeds. A component not reworked then has the same
 * figures (`normalAfterEdit`), and the same racks: a rack edited or replaced (another object, and
 * so new draws) has its circuits reworked.
 */
const onlyReworkedMoved = (memo: CapacityMemo, graph: PowerGraph, settings: Settings) =>
  memo.graph.components === graph.components && memo.settings === settings && memo.graph.feedsKey === graph.feedsKey;

/**
 * `reworked`: after an edit whose normal operation was worked out from `previous`'s
 * (normalAfterEdit.ts), the components it worked out again; only those are looked at.
 * `spareOffsets`: an array nothing else reads any more (a memo's spare, index.ts), which the
 * offsets of the flat list may be written into rather than into a new one.
 */
export function capacityFindings(
  graph: PowerGraph,
  settings: Settings,
  normal: Flow,
  previous?: CapacityMemo | null,
  reworked?: readonly number[] | null,
  spareOffsets?: Int32Array | null,
  spareList?: SpareFindings | null,
): Pick<CapacityMemo, 'byComponent' | 'flat' | 'unfed' | 'patched'> & { findings: Finding[] } {
  const findingsAt = (i: number) =>
    previous && sameFigures(previous, graph, settings, normal, i)
      ? previous.byComponent[i]!
      : componentFindings(graph, settings, normal, i);
  let byComponent: (readonly Finding[])[];
  let flat: CapacityMemo['flat'] | null = null;
  let patched: readonly number[] | null = null;
  if (previous && reworked && onlyReworkedMoved(previous, graph, settings)) {
    // The last list, copied: into the spare, brought up to it where it is stale, when there is one
    // of its length. A copy of a campus's 22,000 entries is a large object, which Node 20's V8
    // makes in about 0.7 ms (Chromium's in 10 µs); the spare is brought up in a few writes.
    if (spareList && spareList.byComponent.length === previous.byComponent.length) {
      byComponent = spareList.byComponent;
      for (const i of spareList.stale) byComponent[i] = previous.byComponent[i]!;
    } else byComponent = previous.byComponent.slice();
    for (const i of reworked) byComponent[i] = findingsAt(i);
    patched = reworked;
    flat = flatAfter(previous.flat, byComponent, reworked, spareOffsets ?? null);
  } else byComponent = graph.components.map((_, i) => findingsAt(i));
  flat ??= flatten(byComponent);
  const unfed = racksWhere(graph.racks, unfedRack, previous?.unfed ?? null, graph.reread);
  const out = flat.findings.slice();
  for (const ri of unfed.at) {
    const r = graph.racks[ri]!;
    out.push(
      finding({
        rule: 'power.unfed',
        severity: 'error',
        message: `${r.rack.name} draws ${kw(r.loadW)} kW but is connected to no circuit.`,
        entities: [r.rack.id],
        values: { loadW: r.loadW },
        formula: 'A rack with load needs at least one circuit',
        source: 'Design completeness',
      }),
    );
  }
  return { findings: out, byComponent, flat, unfed, patched };
}

/** Every component's findings in component order, and where each component's begin. */
function flatten(byComponent: readonly (readonly Finding[])[]): CapacityMemo['flat'] {
  const findings: Finding[] = [];
  const offsets = new Int32Array(byComponent.length + 1);
  // Indexed: 22,000 components on a campus, nearly all without findings.
  for (let i = 0; i < byComponent.length; i++) {
    offsets[i] = findings.length;
    const list = byComponent[i]!;
    for (let k = 0; k < list.length; k++) findings.push(list[k]!);
  }
  offsets[byComponent.length] = findings.length;
  return { findings, offsets };
}

/**
 * The last flat list with the `reworked` components' findings put in their places: written over a
 * copy where each has as many as it had, spliced in where not, and the offsets after each moved on
 * (a device edit often adds or clears a circuit's phase warning). A campus has about 4,500 findings over 22,000 components, flattened
 * again at every check otherwise. Null when the last list is of another chain.
 */
function flatAfter(
  last: CapacityMemo['flat'],
  byComponent: readonly (readonly Finding[])[],
  reworked: readonly number[],
  spare: Int32Array | null,
): CapacityMemo['flat'] | null {
  const { offsets } = last;
  const n = byComponent.length;
  if (offsets.length !== n + 1) return null;
  const sameCounts = reworked.every((i) => byComponent[i]!.length === offsets[i + 1]! - offsets[i]!);
  if (sameCounts) {
    const findings = last.findings.slice();
    for (const i of reworked) {
      const list = byComponent[i]!;
      for (let k = 0; k < list.length; k++) findings[offsets[i]! + k] = list[k]!;
    }
    return { findings, offsets };
  }
  const at = [...reworked].sort((x, y) => x - y);
  // Every entry is written below: a spare of the right size (not the last list's own) serves as is.
  const moved = spare !== null && spare !== offsets && spare.length === n + 1 ? spare : new Int32Array(n + 1);
  moved.set(offsets);
  // A copy with each reworked component's stretch replaced, last first so that the places of those
  // before it stand (copies and splices in native code, not 4,500 pushes); each component after
  // one whose count moved has its offset moved on by the counts gained or lost before it.
  const findings = last.findings.slice();
  for (let m = at.length - 1; m >= 0; m--) {
    const i = at[m]!;
    const list = byComponent[i]!;
    const was = offsets[i + 1]! - offsets[i]!;
    if (list.length === was) for (let k = 0; k < list.length; k++) findings[offsets[i]! + k] = list[k]!;
    else findings.splice(offsets[i]!, was, ...list);
  }
  let shift = 0;
  for (let m = 0; m < at.length; m++) {
    const i = at[m]!;
    shift += byComponent[i]!.length - (offsets[i + 1]! - offsets[i]!);
    const to = m + 1 < at.length ? at[m + 1]! : n;
    if (shift !== 0) for (let j = i + 1; j <= to; j++) moved[j] = offsets[j]! + shift;
  }
  return { findings, offsets: moved };
}

/** A rack with load on no circuit. */
const unfedRack = (r: RackSupply) => r.a === -1 && r.b === -1 && r.loadW > 0;

/** One component's findings in normal operation: capacity, phases, and a supply not modelled. */
function componentFindings(graph: PowerGraph, settings: Settings, normal: Flow, i: number): readonly Finding[] {
  const c = graph.components[i]!;
  if (c.kind === 'mechanical' || !normal.live[i]) return NO_FINDINGS;
  const loadW = normal.outW[i]!;
  const cap = normal.usableW[i]!;
  if (loadW <= 0) return NO_FINDINGS;
  const marginW = cap - loadW;
  const phased = normal.phaseTracked[i] && (c.kind === 'circuit' || c.kind === 'distribution') && c.phases === 3;
  const unconnected = graph.parent[i] === -1 && c.kind !== 'utility' && c.kind !== 'generator';
  // Nearly every component of a campus is well within capacity and connected: at most its phases
  // have something to say, and no list or figures are made for it.
  if (marginW >= 0 && marginW >= NEAR_LIMIT_FRACTION * cap && !unconnected)
    return phased ? phaseFindings(graph, settings, normal, i) : NO_FINDINGS;
  const out: Finding[] = [];
  const values = () => ({ loadW, usableW: cap, marginW, utilisationPct: (100 * loadW) / cap });
  if (marginW < 0)
    out.push(
      finding({
        rule: 'power.capacity',
        severity: 'error',
        message: `${c.name} carries ${kw(loadW)} kW, over its usable ${kw(cap)} kW by ${kw(-marginW)} kW (${((100 * loadW) / cap).toFixed(1)} %).${breakerAdvice(c, loadW, settings)}`,
        entities: componentEntities(graph, i),
        values: values(),
        formula: CAPACITY_FORMULA[c.kind],
        source: CAPACITY_SOURCE[c.kind],
      }),
    );
  else if (marginW < NEAR_LIMIT_FRACTION * cap)
    out.push(
      finding({
        rule: 'power.capacity',
        severity: 'warning',
        message: `${c.name} is within 2 % of its usable capacity (${kw(loadW)} of ${kw(cap)} kW); nameplates carry ±5 % tolerance.`,
        entities: componentEntities(graph, i),
        values: values(),
        formula: CAPACITY_FORMULA[c.kind],
        source: `${CAPACITY_SOURCE[c.kind]}; nameplate tolerance ±5 % (figures.md §1.5)`,
      }),
    );
  if (phased) out.push(...phaseFindings(graph, settings, normal, i));
  if (unconnected)
    out.push(
      finding({
        rule: 'power.unconnected',
        severity: 'warning',
        message: `${c.name} carries ${kw(loadW)} kW but is connected to nothing upstream: the chain above it is not checked.`,
        entities: [c.id],
        values: { loadW },
        formula: 'Every loaded component traces up to a source',
        source: 'Design completeness',
      }),
    );
  return out.length === 0 ? NO_FINDINGS : out;
}

function phaseFindings(graph: PowerGraph, settings: Settings, normal: Flow, i: number): readonly Finding[] {
  const c = graph.components[i]!;
  const limitA = normal.phaseLimitA[i]!;
  const l1 = phaseAmps(normal, 3 * i);
  const l2 = phaseAmps(normal, 3 * i + 1);
  const l3 = phaseAmps(normal, 3 * i + 2);
  const imbalancePct = imbalancePctOf(l1, l2, l3);
  const maxA = Math.max(l1, l2, l3);
  const over = maxA > limitA;
  const near = !over && limitA - maxA < NEAR_LIMIT_FRACTION * limitA;
  const unbalanced = imbalancePct > settings.phaseImbalanceLimitPct;
  // Most circuits and panels are fine: their texts are not written, nor a list made.
  if (!over && !near && !unbalanced) return NO_FINDINGS;
  const values = { l1A: l1, l2A: l2, l3A: l3, limitA, imbalancePct, marginPct: (100 * (limitA - maxA)) / limitA };
  const entities = componentEntities(graph, i);
  const currents = `L1 ${amps(l1)} A, L2 ${amps(l2)} A, L3 ${amps(l3)} A`;
  const base = { rule: 'power.phase-balance', entities, values, formula: PHASE_FORMULA, source: PHASE_SOURCE };
  const out: Finding[] = [];
  const totalFits = normal.outW[i]! <= normal.usableW[i]!;
  if (over)
    out.push(
      finding({
        ...base,
        severity: 'error',
        message: `${c.name}: a phase is over its ${amps(limitA)} A continuous limit (${currents})${totalFits ? ', although the three-phase total fits' : ''}.`,
      }),
    );
  else if (near)
    out.push(
      finding({
        ...base,
        severity: 'warning',
        message: `${c.name}: the most loaded phase is within 2 % of its ${amps(limitA)} A limit (${currents}); nameplates carry ±5 % tolerance.`,
      }),
    );
  if (unbalanced)
    out.push(
      finding({
        ...base,
        key: `${base.rule}:imbalance:${c.id}`,
        severity: 'warning',
        message: `${c.name}: phase currents are ${imbalancePct.toFixed(0)} % unbalanced, over the ${settings.phaseImbalanceLimitPct} % limit (${currents}).`,
      }),
    );
  return out;
}
