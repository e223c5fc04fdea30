/**
 * "What if X fails?": one failure scenario run through the same power flow as the proof, for the
 * editor's failure simulation. Failing a UPS module rather than the whole UPS is `modules`.
 */
import type { CatalogView } from '../../catalog';
import type { ProjectDocument } from '../../model/schema';
import { evaluate, isOverloaded, NORMAL, RACK_DARK, RACK_PARTLY_DARK, RACK_THROTTLED } from './flow';
import { buildPowerGraph } from './topology';

export interface FailureSimulation {
  label: string;
  /** Components over capacity in this failure, with their load and capacity, W. */
  overloaded: { id: string; loadW: number; usableW: number }[];
  /** Components left without supply. */
  deadComponentIds: string[];
  darkRackIds: string[];
  partlyDarkRackIds: string[];
  throttledRackIds: string[];
  /** Load and utilisation per live component in the failure, by id. */
  loadW: Map<string, number>;
  utilisationPct: Map<string, number>;
}

export function simulateFailure(
  doc: ProjectDocument,
  catalog: CatalogView,
  failedIds: readonly string[],
  modules: ReadonlyMap<string, number> = new Map(),
  /** How to describe the failure (a proof scenario's own words), instead of listing what fails. */
  label?: string,
): FailureSimulation {
  const graph = buildPowerGraph(doc, catalog);
  const failed = new Set(failedIds.map((id) => graph.index.get(id)).filter((i): i is number => i !== undefined));
  const lostModules = new Map<number, number>();
  for (const [id, m] of modules) {
    const i = graph.index.get(id);
    if (i !== undefined) lostModules.set(i, m);
  }
  const names = [
    ...[...failed].map((i) => graph.components[i]!.name),
    ...[...lostModules].map(([i, m]) => `${m} module${m > 1 ? 's' : ''} of ${graph.components[i]!.name}`),
  ];
  const described = label ?? (names.length > 0 ? `loss of ${names.join(' and ')}` : NORMAL.label);
  const flow = evaluate(graph, doc.settings, { id: 'simulation', label: described, failed, lostModules });
  const out: FailureSimulation = {
    label: described,
    overloaded: [],
    deadComponentIds: [],
    darkRackIds: [],
    partlyDarkRackIds: [],
    throttledRackIds: [],
    loadW: new Map(),
    utilisationPct: new Map(),
  };
  graph.components.forEach((c, i) => {
    if (!flow.live[i]) {
      out.deadComponentIds.push(c.id);
      return;
    }
    out.loadW.set(c.id, flow.outW[i]!);
    if (Number.isFinite(flow.usableW[i]!)) out.utilisationPct.set(c.id, (100 * flow.outW[i]!) / flow.usableW[i]!);
    if (isOverloaded(flow, i)) out.overloaded.push({ id: c.id, loadW: flow.outW[i]!, usableW: flow.usableW[i]! });
  });
  graph.racks.forEach((r, ri) => {
    const state = flow.rackState[ri];
    if (state === RACK_DARK) out.darkRackIds.push(r.rack.id);
    else if (state === RACK_PARTLY_DARK) out.partlyDarkRackIds.push(r.rack.id);
    else if (state === RACK_THROTTLED) out.throttledRackIds.push(r.rack.id);
  });
  return out;
}
