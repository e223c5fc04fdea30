/** Details of the selection, and the edits that apply to it. */
import { useMemo } from 'react';
import { catalogFor, type Rack } from '../../shared/index';
import { removeDevice } from '../store/commands';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { deleteSelection, rotateSelection } from './actions';
import { kW, pct } from './format';

function RackDetails({ rack }: { rack: Rack }) {
  const doc = useEditor((s) => s.doc);
  const { power } = useChecks();
  const catalog = useMemo(() => catalogFor(doc), [doc]);
  const rackType = catalog.rackType(rack.rackTypeId);
  const load = power.rackLoadW.get(rack.id) ?? 0;
  const usedU = rack.devices.reduce((u, d) => u + (catalog.device(d.catalogId)?.uHeight ?? 0), 0);

  return (
    <div data-testid="inspector-rack">
      <h3>{rack.name}</h3>
      <dl className="facts">
        <dt>Type</dt>
        <dd>{rackType?.name ?? rack.rackTypeId}</dd>
        <dt>Position</dt>
        <dd>
          x {rack.position.x.toFixed(2)} m, y {rack.position.y.toFixed(2)} m, {rack.rotationDeg}°
        </dd>
        <dt>IT load</dt>
        <dd data-testid="rack-load">{kW(load)}</dd>
        <dt>Space</dt>
        <dd>
          {usedU} of {rackType?.uHeight ?? '?'} U
        </dd>
        <dt>Redundancy</dt>
        <dd>
          declared {rack.redundancy}, achieved {power.rackRedundancy.get(rack.id) ?? 'none'}
        </dd>
        {(['a', 'b'] as const).map((side) => {
          const id = rack.feeds[side];
          const c = id ? doc.power.find((p) => p.id === id) : undefined;
          const m = id ? power.components.get(id) : undefined;
          return (
            <FeedFact
              key={side}
              side={side.toUpperCase()}
              text={
                c?.kind === 'circuit' && m
                  ? `${c.name}: ${c.voltageV} V ${c.phases}φ ${c.breakerA} A — ${kW(m.loadW)} of ${kW(m.usableW)} (${pct(m.utilisationPct ?? 0)})`
                  : 'not connected'
              }
            />
          );
        })}
      </dl>
      <div className="buttons">
        <button onClick={rotateSelection} title="Rotate 90° (R)">
          Rotate 90°
        </button>
        <button onClick={deleteSelection} title="Delete (Del)">
          Delete
        </button>
      </div>
      <h4>Devices</h4>
      {rack.devices.length === 0 ? <p className="hint">Empty: add devices from the catalog.</p> : null}
      <ul className="devices">
        {[...rack.devices]
          .sort((a, b) => b.uPosition - a.uPosition)
          .map((d) => {
            const spec = catalog.device(d.catalogId);
            return (
              <li key={d.id}>
                <span>
                  U{d.uPosition} {spec?.name ?? d.catalogId}
                </span>
                <small>
                  {spec ? kW(doc.settings.loadBasis === 'nameplate' ? spec.nameplateW : spec.typicalW) : ''}
                </small>
                <button
                  aria-label={`Remove ${spec?.name ?? d.catalogId}`}
                  onClick={() => useEditor.getState().run(removeDevice(rack.id, d.id))}
                >
                  ×
                </button>
              </li>
            );
          })}
      </ul>
    </div>
  );
}

function FeedFact({ side, text }: { side: string; text: string }) {
  return (
    <>
      <dt>Feed {side}</dt>
      <dd>{text}</dd>
    </>
  );
}

export function Inspector() {
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const { power } = useChecks();
  const racks = doc.racks.filter((r) => selection.includes(r.id));

  return (
    <section className="inspector" aria-label="Inspector">
      <h2>Inspector</h2>
      {racks.length === 0 ? <p className="hint">Click a rack to select it; drag to move it.</p> : null}
      {racks.length === 1 ? <RackDetails rack={racks[0]!} /> : null}
      {racks.length > 1 ? (
        <div>
          <h3>{racks.length} racks</h3>
          <p>IT load {kW(racks.reduce((s, r) => s + (power.rackLoadW.get(r.id) ?? 0), 0))}</p>
          <div className="buttons">
            <button onClick={rotateSelection}>Rotate 90°</button>
            <button onClick={deleteSelection}>Delete</button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
