/** Details of the selection, and the edits that apply to it. */
import { useMemo, useState } from 'react';
import { catalogFor, kToF, m3sToCfm, m3sToM3h, type Rack } from '../../shared/index';
import { removeDevice, setDeviceFeed } from '../store/commands';
import { addComponent, assignCircuits, setRackPower } from '../store/powerCommands';
import { ComponentInspector } from './ComponentInspector';
import { CoolingInspector } from './CoolingInspector';
import { RackSecurity, SecurityInspector } from './SecurityInspector';
import { RackCooling } from './RackCooling';
import { runEdit } from './runEdit';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { deleteSelection, rotateSelection } from './actions';
import { EVERY_FEEDER, FeederOptionList } from './FeederOptionList';
import { feederOptions } from './feederOptions';
import { powerById } from './powerIndex';
import { kW, pct } from './format';
import { HallProperties } from './HallProperties';
import { RackLayout } from './RackLayout';
import { TextInput } from './TextInput';
import { renameRow } from '../store/outlinerCommands';

function RackDetails({ rack }: { rack: Rack }) {
  const doc = useEditor((s) => s.doc);
  const { power, cooling } = useChecks();
  const air = cooling.racks.get(rack.id);
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
        {air && air.airflowM3s > 0 ? (
          <>
            <dt>Airflow</dt>
            <dd data-testid="rack-airflow" title="ΔT = P / (ρ · c_p · V̇), ρ 1.2 kg/m³, c_p 1,005 J/(kg·K)">
              {Math.round(m3sToCfm(air.airflowM3s)).toLocaleString('en-US')} CFM (
              {Math.round(m3sToM3h(air.airflowM3s)).toLocaleString('en-US')} m³/h)
              {air.deltaTK !== null ? `, ΔT ${air.deltaTK.toFixed(1)} K (${kToF(air.deltaTK).toFixed(1)} °F)` : ''}
              {air.derived ? ' — partly derived at 20 °F' : ''}
            </dd>
          </>
        ) : null}
        <dt>Redundancy</dt>
        <dd data-testid="rack-redundancy">
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
        <button onClick={() => useEditor.getState().openElevation(rack.id)} title="Place devices by U">
          Elevation…
        </button>
      </div>
      <RackLayout racks={[rack]} />
      <RackPower key={rack.id} racks={[rack]} />
      <RackCooling racks={[rack]} />
      <RackSecurity racks={[rack]} />
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
                <select
                  aria-label={`Supplies of ${spec?.name ?? d.catalogId}`}
                  title={`Power supplies (${spec?.psu.count ?? '?'}, ${spec?.psu.redundant ?? '?'} spare): which feed side they plug into`}
                  value={d.feed}
                  onChange={(e) =>
                    useEditor.getState().run(setDeviceFeed(rack.id, d.id, e.target.value as 'AB' | 'A' | 'B'))
                  }
                >
                  <option value="AB">A+B</option>
                  <option value="A">A</option>
                  <option value="B">B</option>
                </select>
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

/** Declared redundancy, interruptible load, and which distribution feeds the racks' A and B circuits. */
function RackPower({ racks }: { racks: Rack[] }) {
  const doc = useEditor((s) => s.doc);
  const byId = powerById(doc.power);
  const [every, setEvery] = useState(false);
  const hallKey = [...new Set(racks.map((r) => r.hallId))].sort().join('\n');
  const { power, racks: allRacks } = doc;
  const { listed: feeders, total } = useMemo(
    () => feederOptions({ power, racks: allRacks }, new Set(hallKey.split('\n')), byId, every),
    [power, allRacks, hallKey, byId, every],
  );
  const parentOf = (id: string | null) => (id === null ? '' : (byId.get(id)?.parentId ?? ''));
  const common = (side: 'a' | 'b') => {
    const parents = new Set(racks.map((r) => parentOf(r.feeds[side])));
    return parents.size === 1 ? [...parents][0]! : '';
  };
  const [a, setA] = useState(common('a'));
  const [b, setB] = useState(common('b'));
  const ids = racks.map((r) => r.id);
  const redundancy = new Set(racks.map((r) => r.redundancy));
  return (
    <div className="rack-power" data-testid="rack-power">
      <h4>Power</h4>
      <label className="setting">
        <span>Declared</span>
        <select
          aria-label="Declared rack redundancy"
          value={redundancy.size === 1 ? [...redundancy][0] : ''}
          onChange={(e) =>
            useEditor.getState().run(setRackPower(ids, { redundancy: e.target.value as Rack['redundancy'] }))
          }
        >
          {redundancy.size > 1 ? <option value="">mixed</option> : null}
          <option value="N">N (one side, or sides shared)</option>
          <option value="2N">2N (either side carries it)</option>
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={racks.every((r) => r.interruptible)}
          onChange={(e) => useEditor.getState().run(setRackPower(ids, { interruptible: e.target.checked }))}
        />
        Interruptible load (may go dark on a failure, e.g. miners)
      </label>
      <label className="setting">
        <span>Side A from</span>
        <select
          aria-label="Side A fed from"
          value={a}
          onChange={(e) => (e.target.value === EVERY_FEEDER ? setEvery(true) : setA(e.target.value))}
        >
          <option value="">— leave —</option>
          <FeederOptionList listed={feeders} total={total} />
        </select>
      </label>
      <label className="setting">
        <span>Side B from</span>
        <select
          aria-label="Side B fed from"
          value={b}
          onChange={(e) => (e.target.value === EVERY_FEEDER ? setEvery(true) : setB(e.target.value))}
        >
          <option value="">— leave —</option>
          <FeederOptionList listed={feeders} total={total} />
        </select>
      </label>
      <button
        onClick={() =>
          runEdit(assignCircuits(useEditor.getState().doc, ids, { a: a === '' ? null : a, b: b === '' ? null : b }))
        }
        title="Connect each rack's A and B circuits under these, creating 63 A circuits where a side has none"
      >
        Assign circuits{racks.length > 1 ? ` for ${racks.length} racks` : ''}
      </button>
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
  // Sets: a selection of a whole 10,000-rack site must not cost racks × selection comparisons.
  const selected = useMemo(() => new Set(selection), [selection]);
  const racks = useMemo(() => doc.racks.filter((r) => selected.has(r.id)), [doc.racks, selected]);
  const components = useMemo(() => doc.power.filter((p) => selected.has(p.id)).map((p) => p.id), [doc.power, selected]);
  const coolingIds = useMemo(
    () => [...doc.cooling, ...doc.containments].filter((x) => selected.has(x.id)).map((x) => x.id),
    [doc.cooling, doc.containments, selected],
  );
  const securityIds = useMemo(
    () => [...doc.zones, ...doc.doors, ...doc.cameras].filter((x) => selected.has(x.id)).map((x) => x.id),
    [doc.zones, doc.doors, doc.cameras, selected],
  );
  const selectedRows = doc.rows.filter((r) => selected.has(r.id));
  const hall = selection.length === 1 ? doc.halls.find((h) => h.id === selection[0]) : undefined;
  const nothing =
    racks.length === 0 &&
    components.length === 0 &&
    coolingIds.length === 0 &&
    securityIds.length === 0 &&
    hall === undefined;

  return (
    <section className="inspector" aria-label="Inspector">
      <h2>Inspector</h2>
      {racks.length === 0 && components.length > 0 ? <ComponentInspector ids={components} /> : null}
      {racks.length === 0 && components.length === 0 && coolingIds.length > 0 ? (
        <CoolingInspector id={coolingIds[0]!} />
      ) : null}
      {racks.length === 0 && components.length === 0 && coolingIds.length === 0 && securityIds.length > 0 ? (
        <SecurityInspector id={securityIds[0]!} />
      ) : null}
      {nothing ? (
        <div>
          <p className="hint">
            Click a rack, cooling unit, zone, door badge or camera to select it; drag a rack to move it. Select power
            components on the one-line diagram or in the Power tab; place cooling units from the catalog; draw zones and
            place doors and cameras from the Security tab.
          </p>
          <button
            onClick={() => {
              const result = addComponent(useEditor.getState().doc, 'utility', null);
              if (runEdit(result) && result.ok && result.id) useEditor.getState().select([result.id]);
            }}
          >
            Add a utility service
          </button>
        </div>
      ) : null}
      {hall ? <HallProperties key={hall.id} hall={hall} /> : null}
      {racks.length === 1 ? <RackDetails rack={racks[0]!} /> : null}
      {racks.length > 1 ? (
        <div>
          {selectedRows.length === 1 ? (
            <TextInput
              label="Row"
              ariaLabel="Row name"
              value={selectedRows[0]!.name}
              onCommit={(name) => runEdit(renameRow(useEditor.getState().doc, selectedRows[0]!.id, name))}
            />
          ) : null}
          <h3>
            {racks.length} racks{selectedRows.length > 1 ? ` in ${selectedRows.length} rows` : ''}
          </h3>
          <p>IT load {kW(racks.reduce((s, r) => s + (power.rackLoadW.get(r.id) ?? 0), 0))}</p>
          <div className="buttons">
            <button onClick={rotateSelection}>Rotate 90°</button>
            <button onClick={deleteSelection}>Delete</button>
          </div>
          <RackLayout racks={racks} />
          <RackPower key={racks.map((r) => r.id).join(',')} racks={racks} />
          <RackCooling racks={racks} />
          <RackSecurity racks={racks} />
        </div>
      ) : null}
    </section>
  );
}
