/**
 * Rack colours in 3D, from the document, the check results and the editor state: the scene only
 * paints them. Three modes, in priority order:
 * - a failure simulation: dark, partly dark, throttled, overloaded or running;
 * - colour by power: the worst utilisation of the rack's circuits over normal operation and every
 *   failure the declared redundancy must survive, on a green → amber → red scale;
 * - colour by cooling: the margin between each rack's estimated inlet and its allowable maximum,
 *   green → amber → red; grey where there is no estimate (no air supply modelled, or immersed);
 * - by type (default): errors in red, and racks fed from the selected power components picked out.
 */
import type {
  CoolingMetrics,
  FailureSimulation,
  Finding,
  PowerComponent,
  PowerMetrics,
  Rack,
} from '../../shared/index';
import type { RackColouring } from '../store/documentStore';

export const TINT = {
  error: '#d64545',
  fedBySelection: '#7fb3f5',
  dark: '#15181c',
  partlyDark: '#5a2a2a',
  throttled: '#d9a400',
  overloaded: '#d64545',
  running: '#2e9e5b',
  unfed: '#6b7a8a',
  /** A tour stop's highlighted rows: a warm, bright colour that reads as lit on any rack. */
  highlight: '#ffb020',
} as const;

/** Utilisation (%) to colour: ≤ 60 green, 80 amber, ≥ 100 red, interpolated between. */
export function utilisationColour(pct: number): string {
  const stops: [number, [number, number, number]][] = [
    [60, [46, 158, 91]],
    [80, [217, 164, 0]],
    [100, [214, 69, 69]],
  ];
  if (pct <= stops[0]![0]) return rgb(stops[0]![1]);
  for (let i = 1; i < stops.length; i++) {
    const [x1, c1] = stops[i]!;
    const [x0, c0] = stops[i - 1]!;
    if (pct <= x1) {
      const t = (pct - x0) / (x1 - x0);
      return rgb([0, 1, 2].map((k) => c0[k]! + t * (c1[k]! - c0[k]!)) as [number, number, number]);
    }
  }
  return rgb(stops[stops.length - 1]![1]);
}

/** Inlet margin (K) to colour: ≥ 5 K green, 2 K amber, ≤ 0 K (at or over the limit) red. */
export function marginColour(marginK: number): string {
  // The utilisation scale read backwards: 5 K of margin is "60 %", 2 K "80 %", 0 K "100 %".
  const pct =
    marginK >= 5 ? 60 : marginK >= 2 ? 60 + ((5 - marginK) / 3) * 20 : 80 + ((2 - Math.max(0, marginK)) / 2) * 20;
  return utilisationColour(pct);
}

function rgb([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The power chain's child lists, built once per `doc.power` array: a rack edit shares that array,
 * so picking out what a selection feeds costs the selection's subtree, not the chain.
 */
const childrenByChain = new WeakMap<readonly PowerComponent[], Map<string, string[]>>();

function childrenOf(power: readonly PowerComponent[]): Map<string, string[]> {
  let children = childrenByChain.get(power);
  if (children) return children;
  children = new Map();
  for (const p of power) {
    if (p.parentId === null) continue;
    const list = children.get(p.parentId) ?? [];
    list.push(p.id);
    children.set(p.parentId, list);
  }
  childrenByChain.set(power, children);
  return children;
}

const parentsByChain = new WeakMap<readonly PowerComponent[], Map<string, string | null>>();

function parentsOf(power: readonly PowerComponent[]): Map<string, string | null> {
  let parents = parentsByChain.get(power);
  if (!parents) parentsByChain.set(power, (parents = new Map(power.map((p) => [p.id, p.parentId]))));
  return parents;
}

/** Ids of the selected components and everything below them. */
export function downstreamOf(doc: { power: readonly PowerComponent[] }, selected: ReadonlySet<string>): Set<string> {
  const children = childrenOf(doc.power);
  const out = new Set<string>();
  const stack: string[] = [];
  const chain = parentsOf(doc.power);
  for (const id of selected) if (chain.has(id)) stack.push(id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

const errorSets = new WeakMap<readonly Finding[], ReadonlySet<string>>();

/** The entities named by error findings, built once per findings array (the checks hand back the same array until they re-run). */
export function errorEntitiesOf(findings: readonly Finding[]): ReadonlySet<string> {
  let set = errorSets.get(findings);
  if (!set) {
    set = new Set(findings.filter((f) => f.severity === 'error').flatMap((f) => f.entities));
    errorSets.set(findings, set);
  }
  return set;
}

/**
 * Colours of `input.racks` (all the document's racks when absent): the hall view passes its own
 * hall's racks, so that an edit recolours one hall, not the site. `input.fed` is what the selection
 * feeds, when the caller already has it (it depends on the selection and the chain only).
 */
export function rackTints(
  doc: { power: readonly PowerComponent[]; racks: readonly Rack[] },
  input: {
    colouring: RackColouring;
    power: PowerMetrics;
    cooling: CoolingMetrics;
    errorEntities: ReadonlySet<string>;
    selection: ReadonlySet<string>;
    simulation: FailureSimulation | null;
    racks?: readonly Rack[];
    fed?: ReadonlySet<string>;
  },
): Map<string, string> {
  const tints = new Map<string, string>();
  const { simulation, power } = input;
  const racks = input.racks ?? doc.racks;
  if (simulation) {
    const dark = new Set(simulation.darkRackIds);
    const partly = new Set(simulation.partlyDarkRackIds);
    const throttled = new Set(simulation.throttledRackIds);
    const overloaded = new Set(simulation.overloaded.map((o) => o.id));
    const parent = parentsOf(doc.power);
    const onOverload = (circuit: string | null) => {
      for (let at = circuit; at !== null && at !== undefined; at = parent.get(at) ?? null)
        if (overloaded.has(at)) return true;
      return false;
    };
    for (const r of racks) {
      const tint = dark.has(r.id)
        ? TINT.dark
        : partly.has(r.id)
          ? TINT.partlyDark
          : onOverload(r.feeds.a) || onOverload(r.feeds.b)
            ? TINT.overloaded
            : throttled.has(r.id)
              ? TINT.throttled
              : TINT.running;
      tints.set(r.id, tint);
    }
    return tints;
  }
  if (input.colouring === 'power') {
    for (const r of racks) {
      const worst = [r.feeds.a, r.feeds.b]
        .map((id) => (id === null ? undefined : power.components.get(id)?.worst?.utilisationPct))
        .filter((x): x is number => x !== undefined);
      tints.set(r.id, worst.length === 0 ? TINT.unfed : utilisationColour(Math.max(...worst)));
    }
    return tints;
  }
  if (input.colouring === 'cooling') {
    for (const r of racks) {
      const margin = input.cooling.inlets.get(r.id)?.marginK;
      tints.set(r.id, margin === undefined || margin === null ? TINT.unfed : marginColour(margin));
    }
    return tints;
  }
  const fed = input.fed ?? downstreamOf(doc, input.selection);
  for (const r of racks) {
    if (input.errorEntities.has(r.id)) tints.set(r.id, TINT.error);
    else if ((r.feeds.a !== null && fed.has(r.feeds.a)) || (r.feeds.b !== null && fed.has(r.feeds.b)))
      tints.set(r.id, TINT.fedBySelection);
  }
  return tints;
}
