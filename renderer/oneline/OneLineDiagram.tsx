/**
 * The one-line diagram: the chain as an SVG tree, coloured by utilisation, clickable, and synced
 * with the selection both ways (select a component here and the racks it feeds light up in 3D;
 * select racks in 3D and their supply path is marked here). During a failure simulation, lost
 * components are greyed and overloaded ones are red.
 */
import { useMemo, useState } from 'react';
import { useChecks, useSimulation } from '../store/checks';
import { useEditor } from '../store/editor';
import { utilisationColour } from '../scene/rackTints';
import { layoutOneLine, NODE_H, NODE_W, type OneLineNode } from './layout';

const KIND_MARK: Record<OneLineNode['kind'], string> = {
  utility: 'UTIL',
  generator: 'GEN',
  transformer: 'TX',
  switchgear: 'SWBD',
  ups: 'UPS',
  distribution: 'DIST',
  circuit: 'CKT',
  circuits: 'CKTS',
  mechanical: 'MECH',
};

export function OneLineDiagram() {
  const doc = useEditor((s) => s.doc);
  const selectionList = useEditor((s) => s.selection);
  const { power } = useChecks();
  const simulation = useSimulation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const layout = useMemo(() => layoutOneLine(doc, power, expanded), [doc, power, expanded]);
  const selection = useMemo(() => new Set(selectionList), [selectionList]);

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

  const dead = useMemo(() => new Set(simulation?.deadComponentIds ?? []), [simulation]);
  const overloaded = useMemo(() => new Set(simulation?.overloaded.map((o) => o.id) ?? []), [simulation]);
  const byKey = useMemo(() => new Map(layout.nodes.map((n) => [n.key, n])), [layout]);
  const foldable = layout.nodes.filter((n) => n.foldable && n.kind !== 'circuits').map((n) => n.ids[0]!);

  const toggle = (n: OneLineNode) => {
    const owner = n.kind === 'circuits' ? n.key.slice('circuits:'.length) : n.ids[0]!;
    const next = new Set(expanded);
    if (next.has(owner)) next.delete(owner);
    else next.add(owner);
    setExpanded(next);
  };

  return (
    <div className="oneline" data-testid="oneline">
      <div className="oneline-tools">
        <button onClick={() => setExpanded(new Set(foldable))}>Show every circuit</button>
        <button onClick={() => setExpanded(new Set())}>Fold circuits</button>
        <span className="hint">
          Click to select (Shift adds); double-click a PDU or a folded group to show or fold its circuits.
        </span>
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
          const path = n.ids.some((id) => onPath.has(id));
          const isDead = n.ids.every((id) => dead.has(id));
          const isOver = n.ids.some((id) => overloaded.has(id));
          const shown = simulation ? (simulation.utilisationPct.get(n.ids[0]!) ?? null) : n.utilisationPct;
          const classes = [
            'oneline-node',
            selected ? 'selected' : '',
            path ? 'on-path' : '',
            isDead ? 'dead' : '',
            isOver ? 'over' : '',
          ].join(' ');
          return (
            <g
              key={n.key}
              className={classes}
              transform={`translate(${n.x - NODE_W / 2}, ${n.y - NODE_H / 2})`}
              role="button"
              tabIndex={0}
              aria-label={`${n.label}, ${n.rating}`}
              aria-pressed={selected}
              data-testid={`oneline-node-${n.key}`}
              onClick={(e) => useEditor.getState().select(n.ids, e.shiftKey ? 'toggle' : 'replace')}
              onDoubleClick={() => n.foldable && toggle(n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') useEditor.getState().select(n.ids);
              }}
            >
              <title>
                {`${n.label}\n${n.rating}` +
                  (n.utilisationPct !== null ? `\nNormal: ${n.utilisationPct.toFixed(1)} %` : '') +
                  (n.worstPct !== null ? `\nWorst tested failure: ${n.worstPct.toFixed(1)} %` : '')}
              </title>
              <rect
                width={NODE_W}
                height={NODE_H}
                rx={4}
                style={{ stroke: n.worstPct !== null && !isDead ? utilisationColour(n.worstPct) : undefined }}
              />
              <text x={6} y={14} className="mark">
                {KIND_MARK[n.kind]}
              </text>
              <text x={NODE_W - 6} y={14} className="pct" textAnchor="end">
                {isDead ? 'no supply' : shown !== null ? `${shown.toFixed(0)} %` : ''}
              </text>
              <text x={6} y={29} className="name">
                {n.label.length > 24 ? `${n.label.slice(0, 23)}…` : n.label}
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
