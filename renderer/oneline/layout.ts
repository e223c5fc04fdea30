/**
 * Automatic layout of the one-line diagram: the power chain drawn as a top-down tree, sources at
 * the top, rack circuits at the bottom. Leaves take consecutive slots; a parent sits centred over
 * its children. Generators stand to the right of the tree at the level of what they back up,
 * joined by a dashed line.
 *
 * Two folds keep a campus readable and its layout cheap: a parent's rack circuits fold into one
 * node when it has more than FOLD_CIRCUITS_OVER of them, and its distribution children (PDUs,
 * RPPs, busways) with everything below them fold into one node when it has more than
 * FOLD_DISTRIBUTION_OVER. A fold stays shut unless its key is in `expanded`. The work is
 * proportional to what is drawn: the chain is indexed once per `doc.power` array and the
 * over-limit components once per check result (both cached); a folded group reads the metrics of
 * its own members only and never visits what lies below them.
 */
import type { ComponentMetrics, PowerComponent, PowerMetrics } from '../../shared/index';

export const NODE_W = 150;
export const NODE_H = 46;
const SLOT_W = NODE_W + 24;
const ROW_H = 96;
const MARGIN = 20;
/** A parent with more rack circuits than this shows them folded into one node. */
export const FOLD_CIRCUITS_OVER = 4;
/**
 * A parent with more distribution children (PDUs, RPPs, busways) than this shows them, and all
 * below them, folded into one node. 4 keeps the sample's UPSes (2 PDUs each) open and folds a
 * campus UPS pair's 6 PDUs each (shared/testing/largeSite.ts), so a 10,000-rack campus draws
 * 835 nodes instead of 3,899 (docs: README.md, one-line diagram).
 */
export const FOLD_DISTRIBUTION_OVER = 4;
/**
 * "Expand all" opens every fold only when the whole chain is at most this many nodes. Measured in
 * the e2e Chromium (SwiftShader, 2 shared cores): 3,899 nodes took 0.9–2.2 s to open, 0.25–0.6 ms
 * a node, so 1,000 nodes open in ≈ 0.25–0.6 s. Above it the user opens groups one at a time.
 */
export const EXPAND_ALL_MAX_NODES = 1_000;

/** What a fold holds: the rack circuits of a parent, or its distribution children and all below them. */
export type FoldKind = 'circuits' | 'distribution';

/** The key of a parent's fold: the folded node's key, and what `expanded` holds to open it. */
export function foldKey(kind: FoldKind, parentId: string): string {
  return `${kind}:${parentId}`;
}

export interface OneLineNode {
  key: string;
  /** Component ids the node stands for (several for a folded group: its members, not what lies below them). */
  ids: string[];
  kind: PowerComponent['kind'] | 'circuits' | 'distributions';
  label: string;
  /** Rating, in words. */
  rating: string;
  x: number;
  y: number;
  /** Normal-operation utilisation, and the worst over the tested failures, %: the highest of the members for a group. */
  utilisationPct: number | null;
  worstPct: number | null;
  /** Fold keys a double-click opens or shuts: a folded group's own, or the folds of a parent's children. */
  folds: string[];
  /**
   * Components the node stands for or hides in a fold that are over their limit (overLimitIds), so
   * a fold never hides a problem.
   */
  overLimit: number;
}

export interface OneLineEdge {
  from: string;
  to: string;
  dashed: boolean;
}

export interface OneLineLayout {
  nodes: OneLineNode[];
  edges: OneLineEdge[];
  width: number;
  height: number;
  /** The drawn node that shows the component, or hides it in a fold; null for ids not in the chain. */
  holderOf(id: string): OneLineNode | null;
}

/** The chain indexed once: children by parent, with counts of each foldable kind. */
export interface ChainIndex {
  byId: Map<string, PowerComponent>;
  children: Map<string, PowerComponent[]>;
  circuitCount: Map<string, number>;
  distributionCount: Map<string, number>;
  roots: PowerComponent[];
  generators: PowerComponent[];
}

const indexes = new WeakMap<readonly PowerComponent[], ChainIndex>();

export function chainIndex(power: readonly PowerComponent[]): ChainIndex {
  const cached = indexes.get(power);
  if (cached) return cached;
  const byId = new Map(power.map((p) => [p.id, p]));
  const children = new Map<string, PowerComponent[]>();
  const circuitCount = new Map<string, number>();
  const distributionCount = new Map<string, number>();
  const roots: PowerComponent[] = [];
  const generators: PowerComponent[] = [];
  for (const p of power) {
    if (p.kind === 'generator') generators.push(p);
    else if (p.parentId === null || !byId.has(p.parentId)) roots.push(p);
    else {
      const list = children.get(p.parentId);
      if (list) list.push(p);
      else children.set(p.parentId, [p]);
      if (p.kind === 'circuit') circuitCount.set(p.parentId, (circuitCount.get(p.parentId) ?? 0) + 1);
      if (p.kind === 'distribution') distributionCount.set(p.parentId, (distributionCount.get(p.parentId) ?? 0) + 1);
    }
  }
  // Utilities first, then whatever is not yet connected to anything.
  roots.sort((a, b) => Number(b.kind === 'utility') - Number(a.kind === 'utility'));
  const index = { byId, children, circuitCount, distributionCount, roots, generators };
  indexes.set(power, index);
  return index;
}

/** The folds `parentId`'s children fall into (shut unless expanded). */
function foldsOf(index: ChainIndex, parentId: string): string[] {
  const out: string[] = [];
  if ((index.distributionCount.get(parentId) ?? 0) > FOLD_DISTRIBUTION_OVER)
    out.push(foldKey('distribution', parentId));
  if ((index.circuitCount.get(parentId) ?? 0) > FOLD_CIRCUITS_OVER) out.push(foldKey('circuits', parentId));
  return out;
}

/** The fold that holds component `c` under its parent, if its parent folds that kind. */
function foldHolding(index: ChainIndex, c: PowerComponent): string | null {
  if (c.kind === 'generator' || c.parentId === null || !index.byId.has(c.parentId)) return null;
  if (c.kind === 'circuit' && (index.circuitCount.get(c.parentId) ?? 0) > FOLD_CIRCUITS_OVER)
    return foldKey('circuits', c.parentId);
  if (c.kind === 'distribution' && (index.distributionCount.get(c.parentId) ?? 0) > FOLD_DISTRIBUTION_OVER)
    return foldKey('distribution', c.parentId);
  return null;
}

/** The folds to open so component `id` is drawn as a node of its own, top first; [] for ids not in the chain. */
export function foldsHiding(power: readonly PowerComponent[], id: string): string[] {
  const index = chainIndex(power);
  const out: string[] = [];
  // The schema refuses loops in the chain; the step bound keeps a bad document from hanging the view.
  let c = index.byId.get(id);
  for (let steps = 0; c && steps <= index.byId.size; steps++) {
    const fold = foldHolding(index, c);
    if (fold) out.unshift(fold);
    c = c.parentId === null ? undefined : index.byId.get(c.parentId);
  }
  return out;
}

/** Every fold of the chain: what "Expand all" opens. */
export function everyFold(power: readonly PowerComponent[]): string[] {
  const index = chainIndex(power);
  return [...index.children.keys()].flatMap((parentId) => foldsOf(index, parentId));
}

const overLimits = new WeakMap<PowerMetrics, string[]>();

/**
 * Ids of the components over their limit: loaded over 100 % of usable capacity in normal
 * operation or a tested failure, or with a phase over its continuous current limit (circuits,
 * PDUs, RPPs, busways: the engine's phase check, an error when the three-phase total still fits).
 */
export function overLimitIds(power: PowerMetrics): string[] {
  const cached = overLimits.get(power);
  if (cached) return cached;
  const out: string[] = [];
  for (const [id, m] of power.components) if (isOverLimit(m)) out.push(id);
  overLimits.set(power, out);
  return out;
}

function isOverLimit(m: ComponentMetrics): boolean {
  if ((m.utilisationPct ?? 0) > 100 || (m.worst?.utilisationPct ?? 0) > 100) return true;
  const limit = m.phaseLimitA;
  return m.phaseA !== null && limit !== null && m.phaseA.some((a) => a > limit);
}

export function ratingText(c: PowerComponent): string {
  switch (c.kind) {
    case 'utility':
      return `${(c.capacityKva / 1000).toLocaleString('en-US')} MVA · ${(c.voltageV / 1000).toFixed(1)} kV`;
    case 'generator':
      return `${c.ratingKw.toLocaleString('en-US')} kW standby`;
    case 'transformer':
      return `${c.ratingKva.toLocaleString('en-US')} kVA · ${c.voltageV} V`;
    case 'switchgear':
      return `${c.ratingA.toLocaleString('en-US')} A · ${c.voltageV} V`;
    case 'ups':
      return `${c.modules} × ${c.moduleKw} kW`;
    case 'distribution':
      return `${c.type.toUpperCase()} ${c.ratingA} A · ${c.phases}φ`;
    case 'circuit':
      return `${c.breakerA} A · ${c.voltageV} V ${c.phases}φ`;
    case 'mechanical':
      return `${Math.round(c.share * 100)} % of facility load`;
  }
}

const TYPE_NAMES = { pdu: ['PDU', 'PDUs'], rpp: ['RPP', 'RPPs'], busway: ['busway', 'busways'] } as const;

/** "6 PDUs", "5 RPPs + 1 busway": what a folded distribution group holds. */
function distributionNoun(members: PowerComponent[]): string {
  const counts = new Map<keyof typeof TYPE_NAMES, number>();
  for (const m of members) if (m.kind === 'distribution') counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} ${TYPE_NAMES[type][n === 1 ? 0 : 1]}`).join(' + ');
}

export function layoutOneLine(
  doc: { power: readonly PowerComponent[] },
  power: PowerMetrics,
  expanded: ReadonlySet<string>,
): OneLineLayout {
  const index = chainIndex(doc.power);
  const nodes: OneLineNode[] = [];
  const edges: OneLineEdge[] = [];
  /** Component id → the drawn node standing for it. */
  const nodeOf = new Map<string, OneLineNode>();
  let nextSlot = 0;
  let maxDepth = 0;
  const pct = (id: string) => power.components.get(id)?.utilisationPct ?? null;
  const worst = (id: string) => power.components.get(id)?.worst?.utilisationPct ?? null;
  const max = (xs: (number | null)[]) => {
    let out: number | null = null;
    for (const x of xs) if (x !== null && (out === null || x > out)) out = x;
    return out;
  };
  const shut = (kind: FoldKind, parentId: string, count: number, over: number) =>
    count > over && !expanded.has(foldKey(kind, parentId));

  const group = (kind: FoldKind, parentId: string, members: PowerComponent[], depth: number): OneLineNode => {
    const ids = members.map((m) => m.id);
    const utilisationPct = max(ids.map(pct));
    const worstPct = max(ids.map(worst));
    const node: OneLineNode = {
      key: foldKey(kind, parentId),
      ids,
      kind: kind === 'circuits' ? 'circuits' : 'distributions',
      label:
        kind === 'circuits'
          ? `${members.length} rack circuits`
          : distributionNoun(members) + (worstPct !== null ? ` · worst ${worstPct.toFixed(0)} %` : ''),
      rating: 'double-click to expand',
      x: MARGIN + nextSlot++ * SLOT_W + NODE_W / 2,
      y: MARGIN + depth * ROW_H + NODE_H / 2,
      utilisationPct,
      worstPct,
      folds: [foldKey(kind, parentId)],
      overLimit: 0,
    };
    maxDepth = Math.max(maxDepth, depth);
    nodes.push(node);
    for (const id of ids) nodeOf.set(id, node);
    return node;
  };

  const place = (c: PowerComponent, depth: number): OneLineNode => {
    maxDepth = Math.max(maxDepth, depth);
    const kids = index.children.get(c.id) ?? [];
    const foldCircuits = shut('circuits', c.id, index.circuitCount.get(c.id) ?? 0, FOLD_CIRCUITS_OVER);
    const foldDistribution = shut('distribution', c.id, index.distributionCount.get(c.id) ?? 0, FOLD_DISTRIBUTION_OVER);
    const placed: OneLineNode[] = [];
    const circuits: PowerComponent[] = [];
    const distribution: PowerComponent[] = [];
    for (const k of kids) {
      if (foldCircuits && k.kind === 'circuit') circuits.push(k);
      else if (foldDistribution && k.kind === 'distribution') distribution.push(k);
      else placed.push(place(k, depth + 1));
    }
    if (foldDistribution) placed.push(group('distribution', c.id, distribution, depth + 1));
    if (foldCircuits) placed.push(group('circuits', c.id, circuits, depth + 1));
    // Centred over its children: they take slots left to right, so the first and last are the extremes.
    const x = placed.length === 0 ? MARGIN + nextSlot++ * SLOT_W + NODE_W / 2 : (placed[0]!.x + placed.at(-1)!.x) / 2;
    const node: OneLineNode = {
      key: c.id,
      ids: [c.id],
      kind: c.kind,
      label: c.name,
      rating: ratingText(c),
      x,
      y: MARGIN + depth * ROW_H + NODE_H / 2,
      utilisationPct: pct(c.id),
      worstPct: worst(c.id),
      folds: foldsOf(index, c.id),
      overLimit: 0,
    };
    nodes.push(node);
    nodeOf.set(c.id, node);
    for (const p of placed) edges.push({ from: node.key, to: p.key, dashed: false });
    return node;
  };
  for (const r of index.roots) place(r, 0);

  for (const g of index.generators) {
    if (g.kind !== 'generator') continue;
    const backed = nodeOf.get(g.backsUpId);
    const node: OneLineNode = {
      key: g.id,
      ids: [g.id],
      kind: 'generator',
      label: g.name,
      rating: ratingText(g),
      x: MARGIN + nextSlot++ * SLOT_W + NODE_W / 2,
      y: backed ? backed.y - ROW_H : MARGIN + NODE_H / 2,
      utilisationPct: pct(g.id),
      worstPct: worst(g.id),
      folds: [],
      overLimit: 0,
    };
    nodes.push(node);
    nodeOf.set(g.id, node);
    if (backed) edges.push({ from: node.key, to: backed.key, dashed: true });
  }

  const holderOf = (id: string): OneLineNode | null => {
    let c = index.byId.get(id);
    for (let steps = 0; c && steps <= index.byId.size; steps++) {
      const node = nodeOf.get(c.id);
      if (node) return node;
      c = c.parentId === null ? undefined : index.byId.get(c.parentId);
    }
    return null;
  };
  for (const id of overLimitIds(power)) {
    const holder = holderOf(id);
    if (holder) holder.overLimit++;
  }
  for (const n of nodes)
    if ((n.kind === 'distributions' || n.kind === 'circuits') && n.overLimit > 0)
      n.rating = `${n.overLimit} over limit · double-click`;

  return {
    nodes,
    edges,
    width: MARGIN * 2 + Math.max(1, nextSlot) * SLOT_W,
    height: MARGIN * 2 + (maxDepth + 1) * ROW_H,
    holderOf,
  };
}
