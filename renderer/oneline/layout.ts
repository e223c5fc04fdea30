/**
 * Automatic layout of the one-line diagram: the power chain drawn as a top-down tree, sources at
 * the top, rack circuits at the bottom. Leaves take consecutive slots; a parent sits centred over
 * its children. Generators stand to the right of the tree at the level of what they back up,
 * joined by a dashed line.
 *
 * Folds keep a campus readable and its layout cheap, at every level: when a parent has more than
 * FOLD_OVER children of one kind (transformers, switchboards, UPSes, mechanical loads, PDUs /
 * RPPs / busways, rack circuits; or generators backing it up), those children, with everything
 * below them, fold into one node. A fold stays shut unless its key is in `expanded`. A group of
 * more than OPEN_AT_MOST members opens into chunks of consecutive members (each a fold of its own,
 * `chunkSizes`), so one open never draws more than OPEN_AT_MOST pieces side by side. The work is
 * proportional to what is drawn: the chain is indexed once per `doc.power` array and the
 * over-limit components once per check result (both cached); a folded group reads the metrics of
 * its own members only and never visits what lies below them.
 */
import type { ComponentMetrics, PowerComponent, PowerMetrics } from '../../shared/index';

export const NODE_W = 150;
export const NODE_H = 46;
/** A slot, px: a node and the 24 px gap to the next; what one more leaf adds to the width. */
const SLOT_W = NODE_W + 24;
const ROW_H = 96;
const MARGIN = 20;

/**
 * What a fold holds: a parent's children of one kind, with all below them ('distribution' and
 * 'circuits' are the keys the first two folds had, kept), or the generators backing it up.
 */
export type FoldKind =
  'transformers' | 'switchgear' | 'ups' | 'mechanical' | 'generators' | 'distribution' | 'circuits';

/** The fold a component falls into under its parent (a generator: under what it backs up). */
const FOLD_KIND_OF: Record<PowerComponent['kind'], FoldKind | null> = {
  utility: null,
  generator: 'generators',
  transformer: 'transformers',
  switchgear: 'switchgear',
  ups: 'ups',
  mechanical: 'mechanical',
  distribution: 'distribution',
  circuit: 'circuits',
};

/**
 * A parent with more children of one kind than this shows them, and all below them, folded into
 * one node. The same at every level, and why 4:
 * - the sample facility (shared/sample/sampleFacility.ts) has at most 2 of a kind under a parent
 *   (2 transformers under the utility, 2 PDUs under each UPS; 1 switchboard, UPS, mechanical board
 *   and generator each), so it draws everything but its rack circuits (6 under each PDU, 20 under
 *   the busway) as before; a 2N pair of pairs (4) stays open, as the 100-rack synthetic site's 4
 *   transformers (shared/testing/largeSite.ts, layout.test.ts);
 * - a fifth child makes the parent at least 5 slots × 174 px = 870 px wide, before anything below
 *   it fans out: wider than the one-line panel (≈ 810 px in the 1,400 px e2e window);
 * - the 1,000-rack campus (28 transformers under the utility) and the 10,000-rack stress campus
 *   (278, shared/testing/stressSite.ts) open as 2 nodes, 214 px wide, where the stress campus was
 *   835 nodes and 48,412 px with only the PDU and circuit folds (docs/one-line.md).
 * `circuits` and `distribution` keep the 4 of the first two folds.
 */
export const FOLD_OVER = 4;

/**
 * An opened group shows at most this many pieces side by side: its members, or chunks of them.
 * 12 slots × 174 px = 2,088 px: about one 1,920 px display, two and a half of the ≈ 810 px panel
 * in the 1,400 px e2e window; 12 keeps a 12-rack PDU's circuits (the synthetic sites' PDU) in one
 * piece, as before. Fewer would take more opens: 278 members need 3 at 12 (and at 7), 4 at 6.
 */
export const OPEN_AT_MOST = 12;

/**
 * "Expand all" opens every fold only when the whole chain is at most this many nodes. Measured in
 * the e2e Chromium (SwiftShader, 2 shared cores): 3,899 nodes took 0.9–2.2 s to open, 0.25–0.6 ms
 * a node, so 1,000 nodes open in ≈ 0.25–0.6 s. Above it the user opens groups one at a time.
 */
export const EXPAND_ALL_MAX_NODES = 1_000;

/** The key of a parent's fold: the folded node's key, and what `expanded` holds to open it. */
export function foldKey(kind: FoldKind, parentId: string): string {
  return `${kind}:${parentId}`;
}

/** The key of the chunk of members `first`–`last` (0-based, in document order) of an opened group. */
export function chunkKey(groupKey: string, first: number, last: number): string {
  return `${groupKey}#${first}-${last}`;
}

/** Whether `key` is a chunk of the group `groupKey`: what shutting the group shuts with it. */
export function isChunkOf(key: string, groupKey: string): boolean {
  return key.startsWith(`${groupKey}#`) && /^\d+-\d+$/.test(key.slice(groupKey.length + 1));
}

/**
 * Chunk sizes a group of `n` members opens through, largest first; [] when n ≤ OPEN_AT_MOST (it
 * opens into its members). With L the fewest opens that reach a member (OPEN_AT_MOST^L ≥ n) and f
 * the smallest fan-out with f^L ≥ n, the chunks are f^(L−1), …, f members: every open shows at
 * most f ≤ OPEN_AT_MOST pieces, as even as the count allows. 278 transformers: L = 3, f = 7,
 * 6 chunks of 49 (the last 33), each 7 chunks of 7; 28: L = 2, f = 6, 5 chunks of 6 (the last 4).
 */
export function chunkSizes(n: number): number[] {
  if (n <= OPEN_AT_MOST) return [];
  let opens = 2;
  while (OPEN_AT_MOST ** opens < n) opens++;
  let f = Math.ceil(n ** (1 / opens));
  // The root in floating point may be a hair off either way.
  while (f > 1 && (f - 1) ** opens >= n) f--;
  while (f ** opens < n) f++;
  return Array.from({ length: opens - 1 }, (_, i) => f ** (opens - 1 - i));
}

interface Piece {
  first: number;
  last: number;
  /** Index into the chunk sizes of the split inside this piece. */
  level: number;
}

/**
 * The pieces an opened range of members shows: consecutive chunks of the first size in `sizes`
 * (from `level`) that splits it in more than one; null when none does, and it shows its members.
 * A piece of one member is that member. Ranges start at a multiple of the size that made them,
 * so the chunks are the same whichever way they are reached.
 */
function split(sizes: readonly number[], first: number, last: number, level: number): Piece[] | null {
  for (let lv = level; lv < sizes.length; lv++) {
    const size = sizes[lv]!;
    if (last - first + 1 <= size) continue;
    const out: Piece[] = [];
    for (let s = first; s <= last; s += size) out.push({ first: s, last: Math.min(last, s + size - 1), level: lv + 1 });
    return out;
  }
  return null;
}

export interface OneLineNode {
  key: string;
  /** Component ids the node stands for (several for a folded group: its members, not what lies below them). */
  ids: string[];
  kind:
    | PowerComponent['kind']
    | 'transformers'
    | 'switchgears'
    | 'upses'
    | 'mechanicals'
    | 'generators'
    | 'distributions'
    | 'circuits';
  /** A folded group, or a chunk of an opened one: it stands for its members and all below them. */
  group: boolean;
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

const GROUP_KIND: Record<FoldKind, OneLineNode['kind']> = {
  transformers: 'transformers',
  switchgear: 'switchgears',
  ups: 'upses',
  mechanical: 'mechanicals',
  generators: 'generators',
  distribution: 'distributions',
  circuits: 'circuits',
};

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

/** The chain indexed once: children by parent, and each parent's children by fold kind. */
export interface ChainIndex {
  byId: Map<string, PowerComponent>;
  children: Map<string, PowerComponent[]>;
  /**
   * Per parent, its children of each foldable kind in document order; the generators backing a
   * component up are under it as 'generators'.
   */
  groups: Map<string, Map<FoldKind, PowerComponent[]>>;
  /** Each grouped component's place in its group. */
  position: Map<string, number>;
  roots: PowerComponent[];
  generators: PowerComponent[];
}

const indexes = new WeakMap<readonly PowerComponent[], ChainIndex>();

export function chainIndex(power: readonly PowerComponent[]): ChainIndex {
  const cached = indexes.get(power);
  if (cached) return cached;
  const byId = new Map(power.map((p) => [p.id, p]));
  const children = new Map<string, PowerComponent[]>();
  const groups = new Map<string, Map<FoldKind, PowerComponent[]>>();
  const position = new Map<string, number>();
  const roots: PowerComponent[] = [];
  const generators: PowerComponent[] = [];
  const addToGroup = (above: string, p: PowerComponent) => {
    const kind = FOLD_KIND_OF[p.kind];
    if (kind === null) return;
    let byKind = groups.get(above);
    if (!byKind) groups.set(above, (byKind = new Map()));
    const members = byKind.get(kind);
    position.set(p.id, members ? members.length : 0);
    if (members) members.push(p);
    else byKind.set(kind, [p]);
  };
  for (const p of power) {
    if (p.kind === 'generator') {
      generators.push(p);
      if (byId.has(p.backsUpId)) addToGroup(p.backsUpId, p);
    } else if (p.parentId === null || !byId.has(p.parentId)) roots.push(p);
    else {
      const list = children.get(p.parentId);
      if (list) list.push(p);
      else children.set(p.parentId, [p]);
      addToGroup(p.parentId, p);
    }
  }
  // Utilities first, then whatever is not yet connected to anything.
  roots.sort((a, b) => Number(b.kind === 'utility') - Number(a.kind === 'utility'));
  const index = { byId, children, groups, position, roots, generators };
  indexes.set(power, index);
  return index;
}

/** Whether a parent's children of one kind fold, by count. */
function folds(members: readonly PowerComponent[]): boolean {
  return members.length > FOLD_OVER;
}

/** The folds `parentId`'s children (and the generators backing it up) fall into (shut unless expanded). */
function foldsOf(index: ChainIndex, parentId: string): string[] {
  const out: string[] = [];
  for (const [kind, members] of index.groups.get(parentId) ?? []) if (folds(members)) out.push(foldKey(kind, parentId));
  return out;
}

/** What a component hangs below: its parent, or for a generator what it backs up. */
function above(index: ChainIndex, c: PowerComponent): PowerComponent | undefined {
  if (c.kind === 'generator') return index.byId.get(c.backsUpId);
  return c.parentId === null ? undefined : index.byId.get(c.parentId);
}

/** The folds that hold component `c` under what it hangs below, outermost first: its group and chunks. */
function foldsHolding(index: ChainIndex, c: PowerComponent): string[] {
  const up = above(index, c);
  const kind = FOLD_KIND_OF[c.kind];
  if (!up || kind === null) return [];
  const members = index.groups.get(up.id)?.get(kind);
  if (!members || !folds(members)) return [];
  const group = foldKey(kind, up.id);
  const out = [group];
  const at = index.position.get(c.id)!;
  const sizes = chunkSizes(members.length);
  let range: Piece = { first: 0, last: members.length - 1, level: 0 };
  for (;;) {
    const piece = split(sizes, range.first, range.last, range.level)?.find((p) => p.first <= at && at <= p.last);
    if (!piece || piece.first === piece.last) return out;
    out.push(chunkKey(group, piece.first, piece.last));
    range = piece;
  }
}

/** The folds to open so component `id` is drawn as a node of its own, top first; [] for ids not in the chain. */
export function foldsHiding(power: readonly PowerComponent[], id: string): string[] {
  const index = chainIndex(power);
  let out: string[] = [];
  // The schema refuses loops in the chain; the step bound keeps a bad document from hanging the view.
  let c = index.byId.get(id);
  for (let steps = 0; c && steps <= index.byId.size; steps++) {
    out = [...foldsHolding(index, c), ...out];
    c = above(index, c);
  }
  return out;
}

/** Every fold of the chain, chunks included: what "Expand all" opens. */
export function everyFold(power: readonly PowerComponent[]): string[] {
  const index = chainIndex(power);
  const out: string[] = [];
  for (const [parentId, byKind] of index.groups)
    for (const [kind, members] of byKind) {
      if (!folds(members)) continue;
      const group = foldKey(kind, parentId);
      out.push(group);
      const sizes = chunkSizes(members.length);
      const chunks = (range: Piece) => {
        for (const p of split(sizes, range.first, range.last, range.level) ?? [])
          if (p.first < p.last) {
            out.push(chunkKey(group, p.first, p.last));
            chunks(p);
          }
      };
      chunks({ first: 0, last: members.length - 1, level: 0 });
    }
  return out;
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
function distributionNoun(members: readonly PowerComponent[]): string {
  const counts = new Map<keyof typeof TYPE_NAMES, number>();
  for (const m of members) if (m.kind === 'distribution') counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} ${TYPE_NAMES[type][n === 1 ? 0 : 1]}`).join(' + ');
}

const NOUNS: Record<Exclude<FoldKind, 'distribution'>, readonly [string, string]> = {
  transformers: ['transformer', 'transformers'],
  switchgear: ['switchboard', 'switchboards'],
  ups: ['UPS', 'UPSes'],
  mechanical: ['mechanical load', 'mechanical loads'],
  generators: ['generator', 'generators'],
  circuits: ['rack circuit', 'rack circuits'],
};

/** "278 transformers", "6 PDUs": what a folded group or chunk holds. */
function groupNoun(kind: FoldKind, members: readonly PowerComponent[]): string {
  if (kind === 'distribution') return distributionNoun(members);
  return `${members.length} ${NOUNS[kind][members.length === 1 ? 0 : 1]}`;
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
  /** Range labels of the chunk nodes, for their rating once their over-limit count is known. */
  const rangeOf = new Map<OneLineNode, string>();
  let nextSlot = 0;
  let maxDepth = 0;
  const pct = (id: string) => power.components.get(id)?.utilisationPct ?? null;
  const worst = (id: string) => power.components.get(id)?.worst?.utilisationPct ?? null;
  const max = (xs: (number | null)[]) => {
    let out: number | null = null;
    for (const x of xs) if (x !== null && (out === null || x > out)) out = x;
    return out;
  };
  const rowY = (depth: number) => MARGIN + depth * ROW_H + NODE_H / 2;

  /** One node for members `first`–`last` of a group: the whole group shut, or a shut chunk of it. */
  const group = (
    kind: FoldKind,
    groupKey: string,
    members: readonly PowerComponent[],
    range: { first: number; last: number } | null,
    depth: number,
  ): OneLineNode => {
    const held = range ? members.slice(range.first, range.last + 1) : members;
    const ids = held.map((m) => m.id);
    const utilisationPct = max(ids.map(pct));
    const worstPct = max(ids.map(worst));
    const key = range ? chunkKey(groupKey, range.first, range.last) : groupKey;
    const node: OneLineNode = {
      key,
      ids,
      kind: GROUP_KIND[kind],
      group: true,
      label:
        groupNoun(kind, held) + (kind !== 'circuits' && worstPct !== null ? ` · worst ${worstPct.toFixed(0)} %` : ''),
      rating: range ? '' : 'double-click to expand',
      x: MARGIN + nextSlot++ * SLOT_W + NODE_W / 2,
      y: rowY(depth),
      utilisationPct,
      worstPct,
      folds: [key],
      overLimit: 0,
    };
    if (range) {
      const names = `${held[0]!.name} – ${held.at(-1)!.name}`;
      rangeOf.set(node, names);
      node.rating = names;
    }
    maxDepth = Math.max(maxDepth, depth);
    nodes.push(node);
    for (const id of ids) nodeOf.set(id, node);
    return node;
  };

  /**
   * What a folding group of `members` draws at `depth`: one node while shut; opened, its members
   * (through `member`), or chunks of them, each chunk one node unless opened in turn.
   */
  const showGroup = (
    kind: FoldKind,
    groupKey: string,
    members: readonly PowerComponent[],
    depth: number,
    member: (m: PowerComponent) => OneLineNode,
  ): OneLineNode[] => {
    if (!expanded.has(groupKey)) return [group(kind, groupKey, members, null, depth)];
    const sizes = chunkSizes(members.length);
    const show = (range: Piece): OneLineNode[] => {
      const pieces = split(sizes, range.first, range.last, range.level);
      if (!pieces) return members.slice(range.first, range.last + 1).map(member);
      return pieces.flatMap((p) =>
        p.first === p.last
          ? [member(members[p.first]!)]
          : expanded.has(chunkKey(groupKey, p.first, p.last))
            ? show(p)
            : [group(kind, groupKey, members, p, depth)],
      );
    };
    return show({ first: 0, last: members.length - 1, level: 0 });
  };

  const place = (c: PowerComponent, depth: number): OneLineNode => {
    maxDepth = Math.max(maxDepth, depth);
    const kids = index.children.get(c.id) ?? [];
    const byKind = index.groups.get(c.id);
    const placed: OneLineNode[] = [];
    const shown = new Set<FoldKind>();
    for (const k of kids) {
      const kind = FOLD_KIND_OF[k.kind];
      const members = kind === null ? undefined : byKind?.get(kind);
      // Not folding, or opened into its members: each in document order, as without folds.
      if (
        kind === null ||
        !members ||
        !folds(members) ||
        (expanded.has(foldKey(kind, c.id)) && members.length <= OPEN_AT_MOST)
      ) {
        placed.push(place(k, depth + 1));
        continue;
      }
      // Shut, or opened into chunks: drawn where its first member would be.
      if (shown.has(kind)) continue;
      shown.add(kind);
      placed.push(...showGroup(kind, foldKey(kind, c.id), members, depth + 1, (m) => place(m, depth + 1)));
    }
    // Centred over its children: they take slots left to right, so the first and last are the extremes.
    const x = placed.length === 0 ? MARGIN + nextSlot++ * SLOT_W + NODE_W / 2 : (placed[0]!.x + placed.at(-1)!.x) / 2;
    const node: OneLineNode = {
      key: c.id,
      ids: [c.id],
      kind: c.kind,
      group: false,
      label: c.name,
      rating: ratingText(c),
      x,
      y: rowY(depth),
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

  /** A generator drawn on its own, a row above what it backs up (`depth` is that row). */
  const generator = (g: PowerComponent, depth: number): OneLineNode => {
    const node: OneLineNode = {
      key: g.id,
      ids: [g.id],
      kind: 'generator',
      group: false,
      label: g.name,
      rating: ratingText(g),
      x: MARGIN + nextSlot++ * SLOT_W + NODE_W / 2,
      y: rowY(depth),
      utilisationPct: pct(g.id),
      worstPct: worst(g.id),
      folds: [],
      overLimit: 0,
    };
    nodes.push(node);
    nodeOf.set(g.id, node);
    return node;
  };
  const backersShown = new Set<string>();
  for (const g of index.generators) {
    if (g.kind !== 'generator') continue;
    const backed = nodeOf.get(g.backsUpId);
    // What it backs up is not in the chain: drawn on the top row, unjoined.
    if (!index.byId.has(g.backsUpId)) {
      generator(g, 0);
      continue;
    }
    // What it backs up is inside a fold: so is the generator (holderOf reaches it through backsUpId).
    if (!backed || backed.key !== g.backsUpId) continue;
    const depth = Math.round((backed.y - rowY(0)) / ROW_H) - 1;
    const members = index.groups.get(g.backsUpId)!.get('generators')!;
    let drawn: OneLineNode[];
    if (!folds(members) || (expanded.has(foldKey('generators', g.backsUpId)) && members.length <= OPEN_AT_MOST))
      drawn = [generator(g, depth)];
    else if (backersShown.has(g.backsUpId)) continue;
    else {
      backersShown.add(g.backsUpId);
      drawn = showGroup('generators', foldKey('generators', g.backsUpId), members, depth, (m) => generator(m, depth));
    }
    for (const n of drawn) edges.push({ from: n.key, to: backed.key, dashed: true });
  }

  const holderOf = (id: string): OneLineNode | null => {
    let c = index.byId.get(id);
    for (let steps = 0; c && steps <= index.byId.size; steps++) {
      const node = nodeOf.get(c.id);
      if (node) return node;
      c = above(index, c);
    }
    return null;
  };
  for (const id of overLimitIds(power)) {
    const holder = holderOf(id);
    if (holder) holder.overLimit++;
  }
  for (const n of nodes)
    if (n.group && n.overLimit > 0) n.rating = `${n.overLimit} over limit · ${rangeOf.get(n) ?? 'double-click'}`;

  return {
    nodes,
    edges,
    width: MARGIN * 2 + Math.max(1, nextSlot) * SLOT_W,
    height: MARGIN * 2 + (maxDepth + 1) * ROW_H,
    holderOf,
  };
}
