/**
 * Automatic layout of the one-line diagram: the power chain drawn as a top-down tree, sources at
 * the top, rack circuits at the bottom. Leaves take consecutive slots; a parent sits centred over
 * its children. A parent's rack circuits fold into one node unless expanded, so a hall of
 * thousands of racks still draws as a readable diagram. Generators stand to the right of the tree
 * at the level of what they back up, joined by a dashed line.
 */
import type { PowerComponent, PowerMetrics, ProjectDocument } from '../../shared/index';

export const NODE_W = 150;
export const NODE_H = 46;
const SLOT_W = NODE_W + 24;
const ROW_H = 96;
const MARGIN = 20;
/** A parent with more rack circuits than this shows them folded into one node. */
export const FOLD_CIRCUITS_OVER = 4;

export interface OneLineNode {
  key: string;
  /** Component ids the node stands for (several for folded circuits). */
  ids: string[];
  kind: PowerComponent['kind'] | 'circuits';
  label: string;
  /** Rating, in words. */
  rating: string;
  x: number;
  y: number;
  /** Normal-operation utilisation, and the worst over the tested failures, %. */
  utilisationPct: number | null;
  worstPct: number | null;
  foldable: boolean;
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

export function layoutOneLine(doc: ProjectDocument, power: PowerMetrics, expanded: ReadonlySet<string>): OneLineLayout {
  const children = new Map<string, PowerComponent[]>();
  const roots: PowerComponent[] = [];
  const generators: PowerComponent[] = [];
  const ids = new Set(doc.power.map((p) => p.id));
  for (const p of doc.power) {
    if (p.kind === 'generator') generators.push(p);
    else if (p.parentId === null || !ids.has(p.parentId)) roots.push(p);
    else children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  }
  // Utilities first, then whatever is not yet connected to anything.
  roots.sort((a, b) => Number(b.kind === 'utility') - Number(a.kind === 'utility'));

  const nodes: OneLineNode[] = [];
  const edges: OneLineEdge[] = [];
  const nodeOf = new Map<string, OneLineNode>();
  let nextSlot = 0;
  let maxDepth = 0;
  const pct = (id: string) => power.components.get(id)?.utilisationPct ?? null;
  const worst = (id: string) => power.components.get(id)?.worst?.utilisationPct ?? null;
  const max = (xs: (number | null)[]) => {
    const real = xs.filter((x): x is number => x !== null);
    return real.length ? Math.max(...real) : null;
  };

  const place = (c: PowerComponent, depth: number): OneLineNode => {
    maxDepth = Math.max(maxDepth, depth);
    const kids = children.get(c.id) ?? [];
    const circuits = kids.filter((k) => k.kind === 'circuit');
    const fold = circuits.length > FOLD_CIRCUITS_OVER && !expanded.has(c.id);
    const placed: OneLineNode[] = [];
    for (const k of fold ? kids.filter((x) => x.kind !== 'circuit') : kids) placed.push(place(k, depth + 1));
    if (fold) {
      const group: OneLineNode = {
        key: `circuits:${c.id}`,
        ids: circuits.map((k) => k.id),
        kind: 'circuits',
        label: `${circuits.length} rack circuits`,
        rating: 'click to select, double-click to expand',
        x: MARGIN + nextSlot++ * SLOT_W + NODE_W / 2,
        y: MARGIN + (depth + 1) * ROW_H + NODE_H / 2,
        utilisationPct: max(circuits.map((k) => pct(k.id))),
        worstPct: max(circuits.map((k) => worst(k.id))),
        foldable: true,
      };
      maxDepth = Math.max(maxDepth, depth + 1);
      nodes.push(group);
      placed.push(group);
    }
    const x =
      placed.length > 0
        ? (Math.min(...placed.map((n) => n.x)) + Math.max(...placed.map((n) => n.x))) / 2
        : MARGIN + nextSlot++ * SLOT_W + NODE_W / 2;
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
      foldable: circuits.length > FOLD_CIRCUITS_OVER,
    };
    nodes.push(node);
    nodeOf.set(c.id, node);
    for (const p of placed) edges.push({ from: node.key, to: p.key, dashed: false });
    return node;
  };
  for (const r of roots) place(r, 0);

  for (const g of generators) {
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
      foldable: false,
    };
    nodes.push(node);
    if (backed) edges.push({ from: node.key, to: backed.key, dashed: true });
  }
  return {
    nodes,
    edges,
    width: MARGIN * 2 + Math.max(1, nextSlot) * SLOT_W,
    height: MARGIN * 2 + (maxDepth + 1) * ROW_H,
  };
}
