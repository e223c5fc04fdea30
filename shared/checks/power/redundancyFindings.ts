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
import { placeIn, racksWhere, type RacksWhere } from './racksWhere';
import { componentsAtLevel, shortOfSupply, type DeviceDraw, type PowerGraph, type RackSupply } from './topology';
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

/** A rack declared 2N, with load, on fewer than two feed sides. */
const oneSided = (r: RackSupply) => r.rack.redundancy === '2N' && r.loadW > 0 && (r.a === -1 || r.b === -1);

/** `last`: what the findings of the version before an edit found racks declared 2N on one side among. */
export function redundancyFindings(
  graph: PowerGraph,
  proof: RedundancyProof,
  last: RacksWhere | null = null,
): { findings: Finding[]; oneSided: RacksWhere } {
  const out: Finding[] = [];
  // The claims that fail, plainest first, as the proof ran them: by number, not looked up by id
  // (thousands on a campus, nearly all passing). A failure that passes (ProofMemo.passed)
  // overloads nothing and darkens no rack. An indexed loop: for…of over the typed array made an
  // iterator result per claim (44 KB an edit).
  const failing: ScenarioOutcome[] = [];
  const { claimOrds } = proof;
  const { passed } = proof.memo;
  for (let j = 0; j < claimOrds.length; j++) {
    const ord = claimOrds[j]!;
    if (!passed[ord]) failing.push(proof.outcomes.slots[ord]!);
  }
  const levelClaims = (o: ScenarioOutcome) => (proof.claims.get(o.scenario.id) ?? []).filter((c) => c !== 'rack 2N');
  const isSideLoss = (o: ScenarioOutcome) => /^side:[AB]$/.test(o.scenario.id);

  // Overloads: one finding per component, at the scenario that loads it most.
  const worst = new Map<number, { o: ScenarioOutcome; util: number; claims: Set<string>; count: number }>();
  for (const o of failing) {
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
  for (const o of failing) {
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

  const found = racksWhere(graph.racks, oneSided, last, graph.reread);
  for (const ri of found.at) {
    const r = graph.racks[ri]!;
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
  }
  return { findings: out, oneSided: found };
}

/** One device model's part of `supplyFindings`: its devices short of supplies, and the supplies of the first one found. */
interface ModelShort {
  catalogId: string;
  devices: number;
  perSide: number;
  required: number;
}

/**
 * What `supplyFindings` found, and from what: the racks it looked through, the numbers of those it
 * looked at (declared 2N, on two circuits, with a device short of supplies; ascending), whether a
 * side lost darkens each, and per finding its model's figures. A rack is the same object while its
 * draws and sides are the same (power/topology.ts makes a rack's draws anew for another rack at
 * its place, another catalog, load basis or chain), and the same draws with the same sides give
 * the same findings.
 */
export interface SupplyMemo {
  /** The catalog the findings name models from. */
  catalog: CatalogView;
  racks: readonly RackSupply[];
  at: readonly number[];
  lost: Uint8Array;
  /** How many sides lost the racks were read on. */
  sides: number;
  models: ModelShort[];
  findings: Finding[];
}

/** Whether a rack is one `supplyFindings` looks at. Most racks have no such device (found once per rack's draws, topology.ts). */
const looksAt = (r: RackSupply) => r.shortOfSupplies && r.rack.redundancy === '2N' && r.a !== -1 && r.b !== -1;

/** The numbers of the racks to look at, ascending: after an edit, found again only among the racks that are other objects (`racksWhere`). */
const racksLookedAt = (graph: PowerGraph, previous: SupplyMemo | null): readonly number[] =>
  racksWhere(graph.racks, looksAt, previous, graph.reread).at;

/** One rack's devices short of supplies, per model in the order first found: each with the supplies of its first. */
function shortsOf(devices: readonly DeviceDraw[]): Map<string, ModelShort> {
  const out = new Map<string, ModelShort>();
  for (const d of devices) {
    if (!shortOfSupply(d)) continue;
    const known = out.get(d.catalogId);
    if (known) known.devices++;
    else
      out.set(d.catalogId, {
        catalogId: d.catalogId,
        devices: 1,
        perSide: Math.min(d.psuA, d.psuB),
        required: d.required,
      });
  }
  return out;
}

/** A model's finding's message and figures, from its devices and racks. */
function psuText(catalog: CatalogView, m: ModelShort, rackCount: number): Pick<Finding, 'message' | 'values'> {
  const spec = catalog.device(m.catalogId);
  const name = spec?.name ?? m.catalogId;
  const total = spec?.psu.count ?? m.perSide * 2;
  return {
    message: `${m.devices} × ${name} in ${rackCount} rack${rackCount > 1 ? 's' : ''}: on the loss of one side only ${m.perSide} of ${total} power supplies remain, fewer than the ${m.required} needed for full power, so they run throttled until the side returns.`,
    values: { devices: m.devices, suppliesPerSide: m.perSide, suppliesRequired: m.required },
  };
}

/**
 * The last findings after an edit that changed only how many such devices racks already holding
 * them hold: the same racks looked at, each darkened as before, and each rack whose draws
 * changed holding the same models in the same order (and the same rack: not another at its
 * place), under the same catalog (which names the models and gives their supplies). Their racks,
 * and so their entities, are the same; a model's count moves by what its racks gained or lost.
 * Null when anything else changed (then they are found again).
 */
function recounted(
  racks: readonly RackSupply[],
  at: readonly number[],
  lost: Uint8Array,
  previous: SupplyMemo,
  catalog: CatalogView,
  reread: PowerGraph['reread'],
): SupplyMemo | null {
  if (previous.catalog !== catalog || previous.racks.length !== racks.length || previous.at.length !== at.length)
    return null;
  // The same racks looked at, lost the same: only the racks the graph read again may hold otherwise.
  const only = at === previous.at && lost === previous.lost && reread?.from === previous.racks ? reread.racks : null;
  const moved = new Map<string, number>();
  const count = only ? only.length : at.length;
  for (let m = 0; m < count; m++) {
    const n = only ? placeIn(at, only[m]!) : m;
    if (n === -1) continue;
    const ri = at[n]!;
    if (previous.at[n] !== ri || previous.lost[n] !== lost[n]) return null;
    const now = racks[ri]!;
    const was = previous.racks[ri]!;
    if (now === was || now.devices === was.devices || lost[n]) continue;
    // Another rack at its place (racks trading places): its id among the entities moves.
    if (now.rack.id !== was.rack.id) return null;
    const before = shortsOf(was.devices);
    const after = shortsOf(now.devices);
    if (before.size !== after.size) return null;
    const order = after.values();
    for (const b of before.values()) {
      const a = order.next().value!;
      // Under one catalog a model's supplies are its own: a device short of them is fed from both
      // sides, floor(count / 2) on the fewer (`splitSupplies`), and needs count − spare.
      if (a.catalogId !== b.catalogId) return null;
      if (a.devices !== b.devices) moved.set(a.catalogId, (moved.get(a.catalogId) ?? 0) + a.devices - b.devices);
    }
  }
  if (moved.size === 0)
    return { catalog, racks, at, lost, sides: previous.sides, models: previous.models, findings: previous.findings };
  const models = previous.models.map((m) => {
    const by = moved.get(m.catalogId);
    return by === undefined || by === 0 ? m : { ...m, devices: m.devices + by };
  });
  const findings = previous.findings.map((f, k) =>
    models[k] === previous.models[k] ? f : { ...f, ...psuText(catalog, models[k]!, f.entities.length) },
  );
  return { catalog, racks, at, lost, sides: previous.sides, models, findings };
}

/**
 * Devices in racks declared 2N whose supplies on one side are fewer than they need for full power: on
 * loss of the other side they run throttled (DGX H100: 3 of 6 supplies per side, needs 4 of its
 * 4+2; NVIDIA states it runs at reduced performance on 3). One finding per device model. After an
 * edit, the last findings stand when the racks they come from are the same (a campus names
 * thousands of racks in them), or are counted again when those racks hold more or fewer of them.
 */
export function supplyFindings(
  graph: PowerGraph,
  catalog: CatalogView,
  proof: RedundancyProof,
  previous: SupplyMemo | null = null,
): SupplyMemo {
  const { racks } = graph;
  const sides = proof.sideRackStates;
  const at = racksLookedAt(graph, previous);
  const lostOn = (ri: number) => {
    for (let s = 0; s < sides.length; s++) if (sides[s]![ri]! >= RACK_PARTLY_DARK) return 1;
    return 0;
  };
  // After an edit, the same racks looked at on the same sides: lost again only where the sides' states moved.
  const movedAt = previous && at === previous.at && previous.sides === sides.length ? proof.sideStatesMovedAt : null;
  let lost: Uint8Array;
  if (movedAt) {
    lost = previous!.lost;
    for (const ri of movedAt) {
      const n = placeIn(at, ri);
      if (n === -1) continue;
      const now = lostOn(ri);
      if (now === lost[n]) continue;
      if (lost === previous!.lost) lost = lost.slice();
      lost[n] = now;
    }
  } else {
    lost = new Uint8Array(at.length);
    for (let n = 0; n < at.length; n++) lost[n] = lostOn(at[n]!);
  }
  const kept = previous === null ? null : recounted(racks, at, lost, previous, catalog, graph.reread);
  if (kept) return kept;

  const byModel = new Map<string, { model: ModelShort; racks: Set<string> }>();
  for (let n = 0; n < at.length; n++) {
    if (lost[n]) continue;
    const r = racks[at[n]!]!;
    for (const m of shortsOf(r.devices).values()) {
      const entry = byModel.get(m.catalogId);
      if (entry) entry.model.devices += m.devices;
      else byModel.set(m.catalogId, { model: m, racks: new Set() });
      byModel.get(m.catalogId)!.racks.add(r.rack.id);
    }
  }
  const models: ModelShort[] = [];
  const findings = [...byModel.values()].map(({ model, racks: on }) => {
    models.push(model);
    const spec = catalog.device(model.catalogId);
    const { message, values } = psuText(catalog, model, on.size);
    return finding({
      rule: 'power.psu-redundancy',
      severity: 'warning',
      key: `power.psu-redundancy:${model.catalogId}`,
      message,
      entities: [...on],
      values,
      formula: 'Full power on one side needs min(PSUs on A, PSUs on B) ≥ installed − spare',
      source: spec?.sources.psu ? `[${spec.sources.psu.tag}] ${spec.sources.psu.ref}` : 'Catalog power-supply data',
    });
  });
  return { catalog, racks, at, lost, sides: sides.length, models, findings };
}
