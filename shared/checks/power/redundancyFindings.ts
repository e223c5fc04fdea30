/**
 * Findings of the redundancy proof: every component a tested failure overloads (once, at its
 * worst scenario, naming the failure and the claims it breaks), every failure that cuts power to
 * racks that are not interruptible, racks declared 2N without two sides, and devices whose power
 * supplies cannot carry them from one side.
 */
import { finding, type Finding } from '../types';
import { componentEntities } from './capacityFindings';
import { upsSizing } from './sizing';
import { RACK_PARTLY_DARK } from './flow';
import { LEVEL_NAMES, type RedundancyProof, type ScenarioOutcome } from './redundancy';
import { componentsAtLevel, shortOfSupply, type PowerGraph, type RackSupply } from './topology';
import type { CatalogView } from '../../catalog';

const FORMULA =
  'For each failure the declared model must survive: every live component ≤ its usable capacity, and every rack that is not interruptible keeps power';
const SOURCE =
  'Redundancy models N, N+1, 2N, 2N+1 = 2(N+1) (figures.md §2.5; Uptime Tier topology); worked cases 1b and 8';

const kw = (w: number) => (w / 1000).toFixed(1);

function listNames(names: string[], max = 4): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Whole components named by a scenario (not whole sides): what a click should select. */
function failedEntities(graph: PowerGraph, o: ScenarioOutcome): string[] {
  return o.scenario.id
    .split('+')
    .filter((part) => part.startsWith('fail:') || part.startsWith('module:'))
    .map((part) => part.slice(part.indexOf(':') + 1))
    .filter((id) => graph.index.has(id));
}

export function redundancyFindings(graph: PowerGraph, proof: RedundancyProof): Finding[] {
  const out: Finding[] = [];
  // The claims plainest first, as the proof ran them.
  const tested = proof.memo.claims.map((id) => proof.outcomes.get(id)!);
  const levelClaims = (o: ScenarioOutcome) => (proof.claims.get(o.scenario.id) ?? []).filter((c) => c !== 'rack 2N');
  const isSideLoss = (o: ScenarioOutcome) => /^side:[AB]$/.test(o.scenario.id);

  // Overloads: one finding per component, at the scenario that loads it most.
  const worst = new Map<number, { o: ScenarioOutcome; util: number; claims: Set<string>; count: number }>();
  for (const o of tested) {
    for (const i of o.overloaded) {
      const { loadW, usableW } = o.overloads.get(i)!;
      const util = loadW / usableW;
      const entry = worst.get(i);
      const claims = proof.claims.get(o.scenario.id) ?? [];
      if (!entry) worst.set(i, { o, util, claims: new Set(claims), count: 1 });
      else {
        claims.forEach((c) => entry.claims.add(c));
        entry.count++;
        if (util > entry.util * (1 + 1e-9)) Object.assign(entry, { o, util });
      }
    }
  }
  for (const [i, { o, claims, count }] of worst) {
    const c = graph.components[i]!;
    const { loadW, usableW: usable } = o.overloads.get(i)!;
    const more = count > 1 ? ` (and ${count - 1} other failure${count > 2 ? 's' : ''})` : '';
    // For a UPS, what would hold: enough working modules for the load (N = ⌈load / module⌉,
    // worked case 8) plus the ones this failure takes away.
    const fix =
      c.kind === 'ups'
        ? upsSizing(loadW, Math.min(c.moduleKw, c.moduleKva * c.powerFactor) * 1000, 'N').n +
          (o.scenario.lostModules.get(i) ?? 0)
        : null;
    out.push(
      finding({
        rule: 'power.redundancy',
        severity: 'error',
        message: `On ${o.scenario.label}${more}, ${c.name} must carry ${kw(loadW)} kW, over its usable ${kw(usable)} kW (${((100 * loadW) / usable).toFixed(1)} %): ${[...claims].join(', ')} not met.${fix !== null ? ` ${fix} modules would carry it.` : ''}`,
        entities: [...componentEntities(graph, i), ...failedEntities(graph, o)],
        values: {
          failoverLoadW: loadW,
          usableW: usable,
          marginW: usable - loadW,
          utilisationPct: (100 * loadW) / usable,
          ...(fix !== null ? { modulesNeeded: fix } : {}),
        },
        formula: FORMULA,
        source: SOURCE,
      }),
    );
  }

  // Racks losing power: per failure, the racks whose claims it breaks.
  for (const o of tested) {
    if (o.lostRacks.length === 0) continue;
    const byLevel = levelClaims(o).length > 0;
    // A 2N rack with a side missing is reported once, below, rather than per side lost.
    const twoSidedTwoN = (ri: number) => {
      const r = graph.racks[ri]!;
      return r.rack.redundancy === '2N' && r.a !== -1 && r.b !== -1;
    };
    const racks = o.lostRacks.filter((ri) => byLevel || (isSideLoss(o) && twoSidedTwoN(ri)));
    if (racks.length === 0) continue;
    const names = racks.map((ri) => graph.racks[ri]!.rack.name);
    const lostW = racks.reduce((s, ri) => s + graph.racks[ri]!.loadW, 0);
    const claims = byLevel ? (proof.claims.get(o.scenario.id) ?? []) : ['rack 2N'];
    out.push(
      finding({
        rule: 'power.redundancy',
        severity: 'error',
        key: `power.redundancy:lost:${o.scenario.id}`,
        message: `On ${o.scenario.label}, ${racks.length} rack${racks.length > 1 ? 's' : ''} lose power (${listNames(names)}; ${kw(lostW)} kW): ${claims.join(', ')} not met.`,
        entities: [...failedEntities(graph, o), ...racks.map((ri) => graph.racks[ri]!.rack.id)],
        values: { racksLost: racks.length, loadLostW: lostW },
        formula: FORMULA,
        source: SOURCE,
      }),
    );
  }

  for (const v of proof.levels) {
    if (v.components === 0 || v.twoSided || (v.declared !== '2N' && v.declared !== '2N+1')) continue;
    out.push(
      finding({
        rule: 'power.redundancy',
        severity: 'error',
        key: `power.redundancy:sides:${v.level}`,
        message: `${LEVEL_NAMES[v.level]} declared ${v.declared}, but no ${LEVEL_NAMES[v.level]} component is labelled side A and another side B: there are not two independent systems at this level.`,
        entities: componentsAtLevel(graph, v.level).map((i) => graph.components[i]!.id),
        values: { components: v.components },
        formula: '2N: two independent systems (side A and side B), each carrying 100 % of the load',
        source: SOURCE,
      }),
    );
  }

  graph.racks.forEach((r) => {
    if (r.rack.redundancy !== '2N' || r.loadW <= 0 || (r.a !== -1 && r.b !== -1)) return;
    const sides = [r.a, r.b].filter((i) => i !== -1);
    out.push(
      finding({
        rule: 'power.redundancy',
        severity: 'error',
        message: `${r.rack.name} is declared 2N but has ${sides.length === 0 ? 'no circuit' : 'only one feed side'}.`,
        entities: [r.rack.id, ...sides.map((i) => graph.components[i]!.id)],
        values: { loadW: r.loadW },
        formula: '2N: two independent feeds, each able to carry the whole rack',
        source: SOURCE,
      }),
    );
  });
  return out;
}

/**
 * What `supplyFindings` found, and from what: the racks it looked through, the numbers of those it
 * looked at (declared 2N, on two circuits, with a device short of supplies; ascending), and
 * whether a side lost darkens each. A rack is the same object while its draws and sides are the
 * same (power/topology.ts makes a rack's draws anew for another rack at its place, another
 * catalog, load basis or chain), and the same draws with the same sides give the same findings.
 */
export interface SupplyMemo {
  racks: readonly RackSupply[];
  at: Int32Array;
  lost: Uint8Array;
  findings: Finding[];
}

/** Whether a rack is one `supplyFindings` looks at. Most racks have no such device (found once per rack's draws, topology.ts). */
const looksAt = (r: RackSupply) => r.shortOfSupplies && r.rack.redundancy === '2N' && r.a !== -1 && r.b !== -1;

/**
 * The numbers of the racks to look at, ascending. After an edit that keeps the number of racks, a
 * rack that is the same object is looked at as it was: only the racks that are other objects are
 * read (a campus has 10,000 racks, and reading each is a wait for memory).
 */
function racksLookedAt(racks: readonly RackSupply[], previous: SupplyMemo | null): Int32Array {
  const out: number[] = [];
  if (previous === null || previous.racks.length !== racks.length) {
    for (let ri = 0; ri < racks.length; ri++) if (looksAt(racks[ri]!)) out.push(ri);
    return Int32Array.from(out);
  }
  const last = previous.at;
  let k = 0;
  for (let ri = 0; ri < racks.length; ri++) {
    const was = k < last.length && last[k] === ri;
    if (was) k++;
    const r = racks[ri]!;
    if (r === previous.racks[ri] ? was : looksAt(r)) out.push(ri);
  }
  return Int32Array.from(out);
}

/**
 * Devices in racks declared 2N whose supplies on one side are fewer than they need for full power: on
 * loss of the other side they run throttled (DGX H100: 3 of 6 supplies per side, needs 4 of its
 * 4+2; NVIDIA states it runs at reduced performance on 3). One finding per device model. After an
 * edit, the last findings stand when the racks they come from are the same (a campus names
 * thousands of racks in them).
 */
export function supplyFindings(
  graph: PowerGraph,
  catalog: CatalogView,
  proof: RedundancyProof,
  previous: SupplyMemo | null = null,
): SupplyMemo {
  const { racks } = graph;
  const sides = proof.sideRackStates;
  const at = racksLookedAt(racks, previous);
  const lost = new Uint8Array(at.length);
  // The same racks, with the same draws, in the same racks' places: the same findings, unless a
  // side lost darkens another of them (which moves only with the chain, compared all the same).
  let same = previous !== null && previous.racks.length === racks.length && previous.at.length === at.length;
  for (let n = 0; n < at.length; n++) {
    const ri = at[n]!;
    for (let s = 0; s < sides.length && lost[n] === 0; s++) if (sides[s]![ri]! >= RACK_PARTLY_DARK) lost[n] = 1;
    if (
      same &&
      (previous!.at[n] !== ri ||
        previous!.lost[n] !== lost[n] ||
        (racks[ri] !== previous!.racks[ri] && racks[ri]!.devices !== previous!.racks[ri]!.devices))
    )
      same = false;
  }
  if (same) return { racks, at, lost, findings: previous!.findings };

  const byModel = new Map<string, { racks: Set<string>; devices: number; perSide: number; required: number }>();
  for (let n = 0; n < at.length; n++) {
    if (lost[n]) continue;
    const r = racks[at[n]!]!;
    for (const d of r.devices) {
      if (!shortOfSupply(d)) continue;
      const perSide = Math.min(d.psuA, d.psuB);
      const entry = byModel.get(d.catalogId) ?? { racks: new Set(), devices: 0, perSide, required: d.required };
      entry.racks.add(r.rack.id);
      entry.devices++;
      byModel.set(d.catalogId, entry);
    }
  }
  const findings = [...byModel].map(([catalogId, e]) => {
    const spec = catalog.device(catalogId);
    const name = spec?.name ?? catalogId;
    const total = spec?.psu.count ?? e.perSide * 2;
    return finding({
      rule: 'power.psu-redundancy',
      severity: 'warning',
      key: `power.psu-redundancy:${catalogId}`,
      message: `${e.devices} × ${name} in ${e.racks.size} rack${e.racks.size > 1 ? 's' : ''}: on the loss of one side only ${e.perSide} of ${total} power supplies remain, fewer than the ${e.required} needed for full power, so they run throttled until the side returns.`,
      entities: [...e.racks],
      values: { devices: e.devices, suppliesPerSide: e.perSide, suppliesRequired: e.required },
      formula: 'Full power on one side needs min(PSUs on A, PSUs on B) ≥ installed − spare',
      source: spec?.sources.psu ? `[${spec.sources.psu.tag}] ${spec.sources.psu.ref}` : 'Catalog power-supply data',
    });
  });
  return { racks, at, lost, findings };
}
