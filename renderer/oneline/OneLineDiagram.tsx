/**
 * The one-line diagram: the chain as an SVG tree, coloured by utilisation, clickable, and synced
 * with the selection both ways (select a component here and the racks it feeds light up in 3D;
 * select racks in 3D and their supply path is marked here). During a failure simulation, lost
 * components are greyed and overloaded ones are red.
 *
 * Folds (layout.ts), at every level of the chain, keep a campus to a few nodes until opened, and
 * an opened group to at most 12 pieces side by side. They never hide a problem or the selection: a
 * folded group with members or anything below them over their limit is drawn in the error colour
 * with the count; a component selected elsewhere (inspector, findings) opens the folds on its
 * path, and a folded group still holding a selection it could not open is marked.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PowerComponent } from '../../shared/index';
import { useChecks, useSimulation } from '../store/checks';
import { useEditor } from '../store/editor';
import { utilisationColour } from '../scene/rackTints';
import {
  EXPAND_ALL_MAX_NODES,
  everyFold,
  foldsHiding,
  isChunkOf,
  layoutOneLine,
  NODE_H,
  NODE_W,
  type OneLineNode,
} from './layout';
import './oneline.css';

const KIND_MARK: Record<OneLineNode['kind'], string> = {
  utility: 'UTIL',
  generator: 'GEN',
  generators: 'GENS',
  transformer: 'TX',
  transformers: 'TXS',
  switchgear: 'SWBD',
  switchgears: 'SWBDS',
  ups: 'UPS',
  upses: 'UPSS',
  distribution: 'DIST',
  distributions: 'DISTS',
  circuit: 'CKT',
  circuits: 'CKTS',
  mechanical: 'MECH',
  mechanicals: 'MECHS',
};

/** Characters of a name drawn as they are: 24 fill the node's 138 px inside its 6 px padding (≈ 5.75 px each at 11 px). */
const NAME_MAX = 24;
/**
 * A group's label longer than NAME_MAX is squeezed into the same 138 px up to this many
 * characters: "278 transformers · worst 100 %" is 30; 32 is ≈ 4.3 px a character, 25 % narrower
 * glyphs (29 of them checked legible in the e2e Chromium).
 */
const GROUP_LABEL_MAX = 32;

/**
 * A selection made elsewhere opens the folds on its path only when that is at most this many
 * folds. A fold opens into at most 12 pieces side by side (OPEN_AT_MOST), each with what hangs
 * below it down to the next fold. On the 10,000-rack stress campus a rack circuit is 5 folds down
 * (the 278 transformers, two levels of chunks of them, its UPS's 6 PDUs, its PDU's 12 circuits):
 * opening them draws 55 nodes, 5,956 px wide, instead of 2 (layout.test.ts); one rack's A and B
 * circuits are 7 folds. Selecting circuits all over a campus does not draw it all: the folded
 * groups then mark that they hold the selection.
 */
const AUTO_OPEN_MAX_FOLDS = 8;

/** `expanded` with the folds that hide the selected components opened, or `expanded` itself. */
function openedFor(
  power: readonly PowerComponent[],
  selection: readonly string[],
  expanded: ReadonlySet<string>,
): ReadonlySet<string> {
  const open = new Set<string>();
  for (const id of selection) for (const fold of foldsHiding(power, id)) if (!expanded.has(fold)) open.add(fold);
  if (open.size === 0 || open.size > AUTO_OPEN_MAX_FOLDS) return expanded;
  return new Set([...expanded, ...open]);
}

export function OneLineDiagram() {
  const doc = useEditor((s) => s.doc);
  const selectionList = useEditor((s) => s.selection);
  const { power } = useChecks();
  const simulation = useSimulation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => {
    const { doc: d, selection: s } = useEditor.getState();
    return openedFor(d.power, s, new Set());
  });
  const [notice, setNotice] = useState<string | null>(null);
  const layout = useMemo(() => layoutOneLine(doc, power, expanded), [doc, power, expanded]);
  const selection = useMemo(() => new Set(selectionList), [selectionList]);

  // A selection made in this diagram shows what was clicked and opens nothing; one made elsewhere
  // (inspector, findings, 3D) opens the folds on the way to it.
  const selectingHere = useRef(false);
  useEffect(
    () =>
      useEditor.subscribe((s, before) => {
        if (s.selection === before.selection || selectingHere.current) return;
        setExpanded((e) => openedFor(s.doc.power, s.selection, e));
      }),
    [],
  );
  const select = (ids: string[], mode: 'replace' | 'toggle') => {
    selectingHere.current = true;
    try {
      useEditor.getState().select(ids, mode);
    } finally {
      selectingHere.current = false;
    }
  };

  // The supply path of the selected racks: their circuits and every component above them.
  const onPath = useMemo(() => {
    const parent = new Map(doc.power.map((p) => [p.id, p.parentId]));
    const out = new Set<string>();
    for (const r of doc.racks) {
      if (!selection.has(r.id)) continue;
      for (let at = r.feeds.a; at !== null && at !== undefined; at = parent.get(at) ?? null) out.add(at);
      for (let at = r.feeds.b; at !== null && at !== undefined; at = parent.get(at) ?? null) out.add(at);
    }
    return out;
  }, [doc, selection]);

  // Drawn nodes that hold selected components inside a fold (the component itself not drawn).
  const holdsSelection = useMemo(() => {
    const out = new Set<string>();
    for (const id of selectionList) {
      const holder = layout.holderOf(id);
      if (holder && !holder.ids.includes(id)) out.add(holder.key);
    }
    return out;
  }, [layout, selectionList]);

  const dead = useMemo(() => new Set(simulation?.deadComponentIds ?? []), [simulation]);
  // Overloaded in the simulation, shown on the node that stands for them or hides them.
  const overloaded = useMemo(() => {
    const out = new Set<string>();
    for (const o of simulation?.overloaded ?? []) {
      const holder = layout.holderOf(o.id);
      if (holder) out.add(holder.key);
    }
    return out;
  }, [simulation, layout]);
  const byKey = useMemo(() => new Map(layout.nodes.map((n) => [n.key, n])), [layout]);

  const toggle = (n: OneLineNode) => {
    const next = new Set(expanded);
    const open = n.folds.every((f) => expanded.has(f));
    for (const f of n.folds) {
      if (!open) next.add(f);
      else {
        // Shut with its chunks, so it opens again one level at a time.
        next.delete(f);
        for (const k of expanded) if (isChunkOf(k, f)) next.delete(k);
      }
    }
    setExpanded(next);
  };

  const expandAll = () => {
    // Every component drawn as its own node: the whole chain.
    const total = doc.power.length;
    if (total > EXPAND_ALL_MAX_NODES) {
      setNotice(
        `Expanding all would draw ${total.toLocaleString('en-US')} nodes (more than ` +
          `${EXPAND_ALL_MAX_NODES.toLocaleString('en-US')}): double-click a folded group to open it.`,
      );
      return;
    }
    setNotice(null);
    setExpanded(new Set(everyFold(doc.power)));
  };

  return (
    <div className="oneline" data-testid="oneline">
      <div className="oneline-tools">
        <button onClick={expandAll}>Expand all</button>
        <button
          onClick={() => {
            setNotice(null);
            setExpanded(new Set());
          }}
        >
          Fold all
        </button>
        {notice ? (
          <span className="oneline-notice" role="status" data-testid="oneline-notice">
            {notice}
          </span>
        ) : (
          <span className="hint">
            Click to select (Shift adds); double-click a folded group, or the node above it, to open or fold it.
          </span>
        )}
      </div>
      <svg width={layout.width} height={layout.height} role="img" aria-label="One-line diagram of the power chain">
        {layout.edges.map((e) => {
          const a = byKey.get(e.from)!;
          const b = byKey.get(e.to)!;
          const path = e.dashed
            ? `M ${a.x} ${a.y} H ${b.x} V ${b.y - NODE_H / 2}`
            : `M ${a.x} ${a.y + NODE_H / 2} V ${(a.y + b.y) / 2} H ${b.x} V ${b.y - NODE_H / 2}`;
          const lost = b.ids.every((id) => dead.has(id));
          return (
            <path
              key={`${e.from}-${e.to}`}
              d={path}
              className={`oneline-edge${e.dashed ? ' standby' : ''}${lost ? ' lost' : ''}`}
            />
          );
        })}
        {layout.nodes.map((n) => {
          const selected = n.ids.some((id) => selection.has(id));
          const holds = holdsSelection.has(n.key);
          const path = n.ids.some((id) => onPath.has(id));
          const isDead = n.ids.every((id) => dead.has(id));
          const isOver = overloaded.has(n.key);
          const overLimit = n.group && n.overLimit > 0;
          const squeeze = n.group && n.label.length > NAME_MAX;
          const nameMax = n.group ? GROUP_LABEL_MAX : NAME_MAX;
          let shown = n.utilisationPct;
          if (simulation) {
            shown = null;
            for (const id of n.ids) {
              const u = simulation.utilisationPct.get(id);
              if (u !== undefined && (shown === null || u > shown)) shown = u;
            }
          }
          const classes = [
            'oneline-node',
            selected ? 'selected' : '',
            holds ? 'holds-selection' : '',
            path ? 'on-path' : '',
            isDead ? 'dead' : '',
            isOver ? 'over' : '',
            overLimit ? 'over-limit' : '',
          ].join(' ');
          const notes = (overLimit ? `, ${n.overLimit} over limit` : '') + (holds ? ', holds the selection' : '');
          return (
            <g
              key={n.key}
              className={classes}
              transform={`translate(${n.x - NODE_W / 2}, ${n.y - NODE_H / 2})`}
              role="button"
              tabIndex={0}
              aria-label={`${n.label}, ${n.rating}${notes}`}
              aria-pressed={selected}
              data-testid={`oneline-node-${n.key}`}
              onClick={(e) => select(n.ids, e.shiftKey ? 'toggle' : 'replace')}
              onDoubleClick={() => n.folds.length > 0 && toggle(n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') select(n.ids, 'replace');
              }}
            >
              <title>
                {`${n.label}\n${n.rating}` +
                  (n.utilisationPct !== null ? `\nNormal: ${n.utilisationPct.toFixed(1)} %` : '') +
                  (n.worstPct !== null ? `\nWorst tested failure: ${n.worstPct.toFixed(1)} %` : '') +
                  (overLimit ? `\n${n.overLimit} components over 100 % of their capacity inside` : '') +
                  (holds ? '\nHolds the selection' : '')}
              </title>
              <rect
                width={NODE_W}
                height={NODE_H}
                rx={4}
                style={{
                  stroke: n.worstPct !== null && !isDead && !overLimit ? utilisationColour(n.worstPct) : undefined,
                }}
              />
              <text x={6} y={14} className="mark">
                {KIND_MARK[n.kind]}
              </text>
              <text x={NODE_W - 6} y={14} className="pct" textAnchor="end">
                {isDead ? 'no supply' : shown !== null ? `${shown.toFixed(0)} %` : ''}
              </text>
              <text
                x={6}
                y={29}
                className="name"
                {...(squeeze ? { textLength: NODE_W - 12, lengthAdjust: 'spacingAndGlyphs' } : {})}
              >
                {n.label.length > nameMax ? `${n.label.slice(0, nameMax - 1)}…` : n.label}
              </text>
              <text x={6} y={41} className="rating">
                {n.rating.length > 28 ? `${n.rating.slice(0, 27)}…` : n.rating}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
