/**
 * The power budget: the chain from sources to rack circuits in normal operation, redundancy proven
 * by failure, phase balance, stranded capacity, hall headroom and site energy totals
 * (docs/engine/power.md). Data in, findings and metrics out.
 */
import type { CatalogView } from '../../catalog';
import { ChunkedArray } from '../../chunkedArray';
import { sameItems } from '../../collections';
import type { ProjectDocument, RedundancyLevel, RedundancyModel } from '../../model/schema';
import type { CoolingEvaluation } from '../cooling';
import { IndexedMap, type KeyIndex } from '../indexedMap';
import type { Finding } from '../types';
import { capacityFindings, type CapacityMemo } from './capacityFindings';
import { evaluate, NORMAL, phaseAmpsOf, sameFiguresAt, type Flow, type FlowFigures } from './flow';
import { groupLoadsAfterEdit } from './groupLoadsAfterEdit';
import { headroomTracker, type ConfigurationHeadroom, type HeadroomMemo } from './headroom';
import { normalAfterEdit, type SpareFigures } from './normalAfterEdit';
import { rackLoads, type RackLoadsMemo } from './rackLoads';
import {
  proveRedundancy,
  type FlowView,
  type ProofMemo,
  type RedundancyProof,
  type ScenarioOutcome,
} from './redundancy';
import { configurationIds, keyedLoads, type ConfigurationIds } from './scenarioFigures';
import type { Worst } from './worstCase';
import type { RacksWhere } from './racksWhere';
import { redundancyFindings, supplyFindings, type SupplyMemo } from './redundancyFindings';
import { siteTotals, type SiteTotals } from './siteTotals';
import { strandedAfterEdit, strandedCapacity, strandedFindings, type Stranded } from './stranded';
import { buildPowerGraph, LEVEL_OF, perChain, type PowerGraph, type PowerLevel, type RackArrays } from './topology';
import { reusedArray } from '../scratch';

/** The components normal operation reworked after an edit, read during one check (the proof, the metrics). */
const reworkedMarks = reusedArray((n) => new Uint8Array(n));

export interface ComponentMetrics {
  id: string;
  level: PowerLevel;
  live: boolean;
  /** Normal operation: load at the output and drawn from upstream, W. */
  loadW: number;
  inputW: number;
  /** Usable capacity, W (Infinity for mechanical loads). */
  usableW: number;
  utilisationPct: number | null;
  /** Per-phase current and its limit, A, for circuits and PDUs / RPPs / busways. */
  phaseA: [number, number, number] | null;
  phaseLimitA: number | null;
  /** The heaviest loading over normal operation and every tested failure. */
  worst: { loadW: number; usableW: number; utilisationPct: number; scenario: string } | null;
  strandedW: number;
}

export interface LevelSummary {
  level: RedundancyLevel;
  declared: RedundancyModel;
  achieved: RedundancyModel | null;
  components: number;
  tested: number;
  /** Each failing scenario: what fails (component ids, UPS modules lost by id), and what it breaks. */
  failures: {
    scenario: string;
    failedIds: string[];
    modules: Record<string, number>;
    overloaded: string[];
    lostRacks: string[];
  }[];
  /** Interruptible racks that some tested failure darkens (accepted, for information). */
  interruptibleLost: number;
  /** Whether the level has components on both sides A and B, which 2N and 2N+1 need. */
  twoSided: boolean;
}

export interface PowerMetrics {
  rackLoadW: ReadonlyMap<string, number>;
  rowLoadW: ReadonlyMap<string, number>;
  hallLoadW: ReadonlyMap<string, number>;
  /** By component id, in the chain's order. */
  components: ReadonlyMap<string, ComponentMetrics>;
  rackRedundancy: Map<string, 'N' | '2N' | 'none'>;
  levels: LevelSummary[];
  /** Headroom per rack configuration (hall + devices), in W and in racks. */
  headroom: ConfigurationHeadroom[];
  site: SiteTotals;
  itLoadW: number;
  facilityLoadW: number;
  /** Failure scenarios evaluated for the proof. */
  scenariosEvaluated: number;
}

/**
 * What a power check keeps so that the check of the next, edited version reuses what the edit did
 * not reach: the graph (topology.ts), normal operation's findings per component
 * (capacityFindings.ts) and each component's metrics, by index, reused where its figures are the
 * same numbers. The results are those of a check from scratch.
 */
export interface PowerMemo extends CapacityMemo {
  components: IndexedMap<string, ComponentMetrics>;
  stranded: Stranded;
  strandedFindings: Finding[];
  proof: ProofMemo;
  configurations: ConfigurationIds;
  /** Normal operation's group loads worked out, per component, by configuration (groupLoadsAfterEdit.ts). */
  normalLoads: ChunkedArray<readonly number[]>;
  headroom: HeadroomMemo;
  supply: SupplyMemo;
  rackLoads: RackLoadsMemo;
  lost: LostInterruptible;
  oneSided: RacksWhere;
  /**
   * The figures of the normal operation before this memo's (`FlowFigures`), which nothing of this
   * memo or of any check's result refers to, with the mark of the memo that has them as its own:
   * the first check that follows from a memo of theirs writes its normal operation into them. They
   * differ from this memo's normal operation only at the components it reworked (`stale`; null
   * when it was evaluated afresh), where alone they are brought up to it first; its racks' states
   * are copied whole. With them, the
   * offsets of that memo's flat list of capacity findings (`CapacityMemo.flat`), its capacity
   * findings by component and its graph's per-rack arrays (`RackArrays`), which the capacity
   * findings and the graph may write theirs into in the same way.
   */
  spare:
    | (SpareFigures & {
        owner: NormalTaken;
        offsets: Int32Array;
        graph: RackArrays;
        byComponent: CapacityMemo['byComponent'];
      })
    | null;
  /** This memo's normal operation's arrays taken as a later check's spare: then it serves no further check. */
  taken: NormalTaken;
}

/**
 * Set when a check took the arrays of a memo's normal operation (its `spare`, two checks on): that
 * memo's figures are being overwritten, so a check from it starts from scratch. An editor's
 * checks each follow from the last, whose memo is never taken.
 */
interface NormalTaken {
  taken: boolean;
}

/** Whether metrics `m` hold component i's worst loading as `worst` has it. */
function sameWorstOf(m: ComponentMetrics, worst: Worst, i: number): boolean {
  const w = m.worst;
  if (worst.pct[i]! < 0) return w === null;
  return (
    w !== null &&
    w.utilisationPct === worst.pct[i] &&
    w.loadW === worst.loadW[i] &&
    w.usableW === worst.usableW[i] &&
    w.scenario === worst.scenario[i]
  );
}

/**
 * Whether `m`, component i's metrics under `previous`, still stands: the same figures in normal
 * operation, the same worst case and stranded capacity — everything a ComponentMetrics is made of.
 */
function sameMetrics(
  m: ComponentMetrics,
  previous: Flow,
  normal: Flow,
  i: number,
  worst: Worst,
  strandedW: number,
): boolean {
  return m.strandedW === strandedW && sameFiguresAt(previous, normal, i) && sameWorstOf(m, worst, i);
}

/** Component i's metrics: normal operation's figures, its worst loading and its stranded capacity. */
function metricsOf(
  graph: PowerGraph,
  normal: Flow,
  worst: Worst,
  strandedW: Float64Array,
  i: number,
): ComponentMetrics {
  const c = graph.components[i]!;
  const usable = normal.usableW[i]!;
  const phases = normal.phaseTracked[i] ? phaseAmpsOf(normal, i) : null;
  return {
    id: c.id,
    level: LEVEL_OF[c.kind],
    live: normal.live[i] === 1,
    loadW: normal.outW[i]!,
    inputW: normal.inW[i]!,
    usableW: usable,
    utilisationPct: Number.isFinite(usable) ? (100 * normal.outW[i]!) / usable : null,
    phaseA: phases,
    phaseLimitA: phases ? normal.phaseLimitA[i]! : null,
    worst:
      worst.pct[i]! < 0
        ? null
        : {
            loadW: worst.loadW[i]!,
            usableW: worst.usableW[i]!,
            utilisationPct: worst.pct[i]!,
            scenario: worst.scenario[i]!,
          },
    strandedW: strandedW[i]!,
  };
}

/** Per chain: the components' ids as the keys of their metrics, and those with losses (UPS, transformer), ascending. */
const keysOf = perChain<'keys', KeyIndex<string>>();
const lossyOf = perChain<'lossy', readonly number[]>();

/** Every component, in order: normal operation is read over all of them. */
const everyComponent = perChain<'all', number[]>();

/**
 * Normal operation for the proof's readers. Its group loads are kept by configuration (`loads`,
 * per component) and worked out only where not kept: after an edit of what racks hold, a
 * component normal operation did not rework carries the same racks, so the same loads.
 */
function normalView(
  graph: PowerGraph,
  normal: Flow,
  configurations: ConfigurationIds,
  loads: ChunkedArray<readonly number[]>,
  moved: Uint8Array | null,
): FlowView {
  return {
    moved,
    pos: 0,
    label: normal.scenario.label,
    changed: everyComponent(graph, 'all', () => graph.components.map((_, i) => i)),
    figures: normal,
    at: 0,
    groupLoads: (i) => {
      const known = loads.get(i);
      if (known) return known;
      const worked = keyedLoads(normal.groupItW(i), configurations);
      loads.set(i, worked);
      return worked;
    },
    configurations,
  };
}

/** How many interruptible racks the levels' claimed failures darken, from which outcomes. */
interface LostInterruptible {
  count: number;
  claims: Int32Array;
  outcomes: readonly (ScenarioOutcome | undefined)[];
}

/**
 * Interruptible racks some claimed failure of a level darkens (the racks' own 2N claims aside),
 * counted once each: marks, as "side lost and one more unit" trials each repeat the side's. The
 * last count stands when every claimed failure has the same outcome, or one that darkens the same
 * racks, as after most edits: a side lost darkens thousands of single-corded racks, read
 * otherwise at every check.
 */
function interruptibleLostBy(
  graph: PowerGraph,
  proof: RedundancyProof,
  last: LostInterruptible | null,
): LostInterruptible {
  const outcomes = proof.outcomes.slots;
  const claims = proof.levelClaims;
  if (last && last.claims === claims) {
    let same = true;
    for (let k = 0; k < claims.length && same; k++) {
      const now = outcomes[claims[k]!]!;
      const was = last.outcomes[claims[k]!]!;
      // Another outcome (a failure evaluated again) that darkens the same interruptible racks.
      same = now === was || sameItems(now.lostInterruptible, was.lostInterruptible);
    }
    if (same) return { count: last.count, claims, outcomes };
  }
  const interruptible = new Uint8Array(graph.racks.length);
  let count = 0;
  for (const ord of claims) {
    const lost = outcomes[ord]!.lostInterruptible;
    for (let k = 0; k < lost.length; k++)
      if (!interruptible[lost[k]!]) {
        interruptible[lost[k]!] = 1;
        count++;
      }
  }
  return { count, claims, outcomes };
}

/** A flow's own figures (`FlowFigures`), without what else it holds. */
const figuresOf = ({ outW, inW, itW, phaseW }: Flow): FlowFigures => ({ outW, inW, itW, phaseW });

/** `last`: what the check of the version before an edit kept, reused where the edit did not reach. */
export function runPowerChecks(
  doc: ProjectDocument,
  catalog: CatalogView,
  cooling?: CoolingEvaluation,
  last?: PowerMemo | null,
): { findings: Finding[]; metrics: PowerMetrics; memo: PowerMemo } {
  const { settings } = doc;
  const previous = last && !last.taken.taken ? last : null;
  // After an edit of what racks hold, the graph's per-rack arrays and normal operation are worked
  // out from the last (the same figures), into the arrays of the check before that unless
  // another check took them.
  const spare = previous?.spare && !previous.spare.owner.taken ? previous.spare : null;
  if (spare) spare.owner.taken = true;
  const graph = buildPowerGraph(doc, catalog, cooling, previous?.graph, spare?.graph);
  const after =
    previous?.settings === settings ? normalAfterEdit(graph, settings, previous.graph, previous.normal, spare) : null;
  const normal = after?.flow ?? evaluate(graph, settings, NORMAL);
  // Headroom over normal operation and every tested failure, gathered as the proof reads each
  // flow; the worst loadings the proof works out itself (worstCase.ts).
  const n = graph.components.length;
  const configurations = configurationIds(graph, previous?.configurations);
  const headroom = headroomTracker(graph, configurations, previous?.headroom ?? null);
  const normalLoads =
    after && previous ? previous.normalLoads.copy() : ChunkedArray.empty<readonly number[]>(graph.components.length);
  if (after) {
    for (const i of after.reworked) normalLoads.set(i, undefined);
    normal.groupItW = groupLoadsAfterEdit(graph, normal, after.reworked, normalLoads, configurations);
  }
  const reworked = after && previous?.proof ? reworkedMarks(n) : null;
  if (reworked) for (const i of after!.reworked) reworked[i] = 1;
  // The proof reads normal operation first, once it knows whether it works from the last proof
  // (and so which of the last check's flows keep their figures, for the headroom).
  const proof = proveRedundancy(
    graph,
    settings,
    normal,
    headroom.read,
    reworked ? { memo: previous!.proof, reworked, reworkedList: after!.reworked, normal: previous!.normal } : null,
    configurations,
    {
      normal: normalView(graph, normal, configurations, normalLoads, reworked),
      keeping: headroom.keeping,
      entry: headroom.entry,
      freshComponents: headroom.freshComponents,
      mayLimit: headroom.mayLimit,
    },
  );
  const stranded = after
    ? strandedAfterEdit(graph, normal, previous!.normal, previous!.stranded, after.reworked)
    : strandedCapacity(graph, normal);

  const summed = rackLoads(graph.racks, doc.halls, previous?.rackLoads ?? null, graph.reread, graph.docRacks);
  const { rackLoadW, rowLoadW, hallLoadW } = summed.loads;

  const worstOf = proof.worst;
  const sameChain = previous?.graph.components === graph.components;
  // After an edit worked out from the last normal operation, a component not reworked has the
  // same figures: its metrics stand unless its worst case or stranded capacity moved (stranded
  // capacity moves above a mechanical board, which normal operation reworks with its feeders, but
  // the metrics do not rely on that). The worst case is compared with the metrics' own copy: the
  // proof folds it again in the last proof's arrays (redundancy.ts).
  const kept = after && sameChain ? reworked : null;
  const strandedW = stranded.strandedW;
  // The same chain: the last metrics patched where they moved (IndexedMap.patch), not copied.
  const fresh: ComponentMetrics[] | null = sameChain ? null : new Array(n);
  const moved = new Map<number, ComponentMetrics>();
  const metricsAt = (i: number) => {
    const before = sameChain ? (moved.get(i) ?? previous!.components.at(i)) : undefined;
    if (
      before &&
      (kept && !kept[i]
        ? sameWorstOf(before, worstOf, i) && strandedW[i] === previous!.stranded.strandedW[i]
        : sameMetrics(before, previous!.normal, normal, i, worstOf, strandedW[i]!))
    )
      return;
    const m = metricsOf(graph, normal, worstOf, strandedW, i);
    if (fresh) fresh[i] = m;
    else moved.set(i, m);
  };
  // Only what normal operation reworked or the proof folded again may have moved, when stranded
  // capacity stands: every other component keeps its figures, worst case and stranded capacity.
  if (kept && proof.refolded && stranded === previous!.stranded) {
    for (const i of after!.reworked) metricsAt(i);
    for (const i of proof.refolded) metricsAt(i);
  } else for (let i = 0; i < n; i++) metricsAt(i);
  // The same keys for every check of the chain: a new version is the list of metrics, not a map made again.
  const components = fresh
    ? new IndexedMap(
        // The chain's own index of ids (the same map `keyIndex` would make: a key's last place).
        keysOf(graph, 'keys', () => ({ keys: graph.components.map((c) => c.id), at: graph.index })),
        fresh,
      )
    : IndexedMap.patch(previous!.components, moved);

  // UPS and transformer losses, in component order: a few hundred of a campus's 22,000 components.
  const lossy = lossyOf(graph, 'lossy', () => {
    const out: number[] = [];
    graph.components.forEach((c, i) => {
      if (c.kind === 'ups' || c.kind === 'transformer') out.push(i);
    });
    return out;
  });
  let lossesW = 0;
  for (const i of lossy) if (normal.live[i]) lossesW += normal.inW[i]! - normal.outW[i]!;
  const site = siteTotals({
    itW: graph.itW,
    lossesW,
    coolingW: graph.coolingW,
    auxiliaryW: settings.auxiliaryLoadKw * 1000,
    tariffPerKwh: settings.tariffPerKwh,
  });

  const idOf = (i: number) => graph.components[i]!.id;
  const rackId = (ri: number) => graph.racks[ri]!.rack.id;
  const lost = interruptibleLostBy(graph, proof, previous?.lost ?? null);
  const interruptibleLost = lost.count;
  const levels: LevelSummary[] = proof.levels.map((v) => ({
    level: v.level,
    declared: v.declared,
    achieved: v.achieved,
    components: v.components,
    tested: v.tested,
    failures: v.failures.map((o) => ({
      scenario: o.scenario.label,
      failedIds: [...o.scenario.failed].map(idOf),
      modules: Object.fromEntries([...o.scenario.lostModules].map(([i, m]) => [idOf(i), m])),
      overloaded: o.overloaded.map(idOf),
      lostRacks: o.lostRacks.map(rackId),
    })),
    interruptibleLost,
    twoSided: v.twoSided,
  }));

  // The capacity findings by component of the memo before the last differ from the last's where
  // the last patched its list: written again, not copied (capacityFindings.ts).
  const spareList =
    spare && previous!.patched
      ? { byComponent: spare.byComponent as (readonly Finding[])[], stale: previous!.patched }
      : null;
  const capacity = capacityFindings(graph, settings, normal, previous, after?.reworked, spare?.offsets, spareList);
  // Stranded capacity reads the chain, the capacities and the figures kept in `stranded` alone.
  const stranding =
    after && stranded === previous!.stranded ? previous!.strandedFindings : strandedFindings(graph, normal, stranded);
  const supply = supplyFindings(graph, catalog, proof, previous?.supply ?? null);
  const redundancy = redundancyFindings(graph, proof, previous?.oneSided ?? null);
  // concat: one array of the total length, where spreads grow one step by step (4,500 findings on a campus).
  const findings = capacity.findings.concat(redundancy.findings, supply.findings, stranding);
  return {
    memo: {
      // Nothing this check keeps reads the last normal operation: its arrays are the next check's spare.
      spare: previous
        ? {
            figures: figuresOf(previous.normal),
            rackState: previous.normal.rackState,
            stale: after?.reworked ?? null,
            owner: previous.taken,
            offsets: previous.flat.offsets,
            graph: previous.graph,
            byComponent: previous.byComponent,
          }
        : null,
      taken: { taken: false },
      graph,
      settings,
      normal,
      byComponent: capacity.byComponent,
      patched: capacity.patched,
      flat: capacity.flat,
      unfed: capacity.unfed,
      components,
      stranded,
      strandedFindings: stranding,
      proof: proof.memo,
      configurations,
      normalLoads,
      headroom: headroom.memo(),
      supply,
      rackLoads: summed.memo,
      lost,
      oneSided: redundancy.oneSided,
    },
    findings,
    metrics: {
      rackLoadW,
      rowLoadW,
      hallLoadW,
      components,
      rackRedundancy: proof.rackRedundancy,
      levels,
      headroom: headroom.result(),
      site,
      itLoadW: graph.itW,
      facilityLoadW: site.facilityW,
      scenariosEvaluated: proof.outcomes.size,
    },
  };
}
