/** Details and edits of a selected cooling unit or containment: ratings, connections, position. */
import { celsius, evaporativeSupplyC, type CoolingUnit } from '../../shared/index';
import { useChecks } from '../store/checks';
import {
  deleteContainment,
  deleteCoolingUnits,
  moveCoolingUnit,
  updateContainment,
  updateCoolingUnit,
} from '../store/coolingCommands';
import { useEditor } from '../store/editor';
import { kW, pct } from './format';
import { rotateSelection } from './actions';
import { NumberInput } from './NumberInput';
import { runEdit } from './runEdit';

type Field = { key: string; label: string; step: number };

const SIZE: Field[] = [
  { key: 'widthM', label: 'Width, m', step: 0.1 },
  { key: 'depthM', label: 'Depth, m', step: 0.1 },
  { key: 'heightM', label: 'Height, m', step: 0.1 },
];

/** The editable figures of each kind, with the units their names carry. */
const FIELDS: Record<CoolingUnit['kind'], Field[]> = {
  'air-handler': [
    { key: 'sensibleKw', label: 'Net sensible capacity, kW', step: 10 },
    { key: 'airflowM3h', label: 'Airflow, m³/h', step: 1000 },
    { key: 'supplyC', label: 'Supply air, °C', step: 0.5 },
    { key: 'fanKw', label: 'Fan power, kW', step: 0.5 },
    ...SIZE,
  ],
  'fan-wall': [
    { key: 'airflowM3h', label: 'Airflow, m³/h', step: 5000 },
    { key: 'outdoorDryBulbC', label: 'Outdoor design dry-bulb, °C', step: 0.5 },
    { key: 'outdoorWetBulbC', label: 'Coincident wet-bulb, °C', step: 0.5 },
    { key: 'padEffectiveness', label: 'Pad effectiveness (0 = none)', step: 0.05 },
    { key: 'fanKw', label: 'Fan power, kW', step: 0.5 },
    { key: 'widthM', label: 'Width, m', step: 0.5 },
    { key: 'heightM', label: 'Height, m', step: 0.5 },
  ],
  cdu: [
    { key: 'capacityKw', label: 'Capacity, kW', step: 10 },
    { key: 'flowLpm', label: 'Flow, L/min', step: 10 },
    { key: 'deltaTK', label: 'Design rise, K', step: 1 },
    { key: 'supplyC', label: 'Supply, °C', step: 1 },
    { key: 'pumpKw', label: 'Pump power, kW', step: 0.5 },
    ...SIZE,
  ],
  'immersion-tank': [
    { key: 'capacityKw', label: 'Capacity, kW', step: 10 },
    { key: 'slots', label: 'Slots', step: 1 },
    { key: 'pumpKw', label: 'Pumps and fans, kW', step: 0.5 },
    ...SIZE,
  ],
  'rear-door': [
    { key: 'capacityKw', label: 'Capacity, kW', step: 1 },
    { key: 'waterSupplyC', label: 'Water supply, °C', step: 0.5 },
    { key: 'waterReturnC', label: 'Water return, °C', step: 0.5 },
  ],
  'heat-rejection': [
    { key: 'capacityKw', label: 'Capacity at design ambient, kW', step: 50 },
    { key: 'designAmbientC', label: 'Design ambient, °C', step: 0.5 },
    { key: 'powerKw', label: 'Fans and pumps, kW', step: 1 },
  ],
};

function UnitInspector({ unit }: { unit: CoolingUnit }) {
  const doc = useEditor((s) => s.doc);
  const { cooling } = useChecks();
  const loop = cooling.loops.get(unit.id);
  const edit = (patch: Record<string, unknown>) => runEdit(updateCoolingUnit(useEditor.getState().doc, unit.id, patch));
  const rejections = doc.cooling.filter((u) => u.kind === 'heat-rejection');
  const record = unit as unknown as Record<string, number>;
  return (
    <div data-testid="inspector-cooling">
      <h3>{unit.name}</h3>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{'type' in unit ? `${unit.kind} (${unit.type})` : unit.kind}</dd>
        {loop ? (
          <>
            <dt>Load</dt>
            <dd data-testid="cooling-unit-load">
              {kW(loop.loadW)} of {kW(loop.capacityW)} ({pct((100 * loop.loadW) / loop.capacityW)})
            </dd>
          </>
        ) : null}
        {loop?.flowNeededLpm != null ? (
          <>
            <dt>Flow needed</dt>
            <dd>
              {loop.flowNeededLpm.toFixed(0)} of {loop.flowLpm} L/min
            </dd>
          </>
        ) : null}
        {unit.kind === 'fan-wall' ? (
          <>
            <dt title="T = T_db − ε (T_db − T_wb)">Supply after pad</dt>
            <dd>{celsius(evaporativeSupplyC(unit.outdoorDryBulbC, unit.outdoorWetBulbC, unit.padEffectiveness))}</dd>
          </>
        ) : null}
      </dl>
      <label className="setting">
        <span>Name</span>
        <input
          key={unit.name}
          defaultValue={unit.name}
          aria-label="Name"
          onBlur={(e) => e.currentTarget.value !== unit.name && edit({ name: e.currentTarget.value })}
        />
      </label>
      <label className="setting">
        <span>Existing (from the mining days)</span>
        <input type="checkbox" checked={unit.existing} onChange={(e) => edit({ existing: e.target.checked })} />
      </label>
      {FIELDS[unit.kind].map((f) => (
        <NumberInput
          key={f.key}
          label={f.label}
          step={f.step}
          value={record[f.key]!}
          onCommit={(v) => edit({ [f.key]: v })}
        />
      ))}
      {unit.kind === 'heat-rejection' && unit.type === 'chiller' ? (
        <NumberInput label="COP" step={0.1} value={unit.cop ?? 0} onCommit={(v) => edit({ cop: v })} />
      ) : null}
      {'rejectionId' in unit ? (
        <label className="setting">
          <span>Heat goes to</span>
          <select
            aria-label="Heat goes to"
            value={unit.rejectionId ?? ''}
            onChange={(e) => edit({ rejectionId: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">nothing (not connected)</option>
            {rejections.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {unit.kind === 'rear-door' ? (
        <label className="setting">
          <span>Water from</span>
          <select
            aria-label="Water from"
            value={unit.loopId ?? ''}
            onChange={(e) => edit({ loopId: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">nothing (not connected)</option>
            {doc.cooling
              .filter((u) => u.kind === 'cdu' || u.kind === 'heat-rejection')
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </label>
      ) : null}
      {unit.kind === 'air-handler' ? (
        <label className="setting">
          <span>Discharges into</span>
          <select
            aria-label="Discharges into"
            value={unit.containmentId ?? ''}
            onChange={(e) => edit({ containmentId: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">the room</option>
            {doc.containments
              .filter((c) => c.hallId === unit.hallId)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </label>
      ) : null}
      {'position' in unit ? (
        <>
          <NumberInput
            label="x, m"
            step={0.3}
            value={unit.position.x}
            onCommit={(x) => useEditor.getState().run(moveCoolingUnit(unit.id, { x, y: unit.position.y }))}
          />
          <NumberInput
            label="y, m"
            step={0.3}
            value={unit.position.y}
            onCommit={(y) => useEditor.getState().run(moveCoolingUnit(unit.id, { x: unit.position.x, y }))}
          />
        </>
      ) : null}
      <div className="buttons">
        {'position' in unit ? (
          <button onClick={rotateSelection} title="Rotate 90° (R)">
            Rotate 90°
          </button>
        ) : null}
        <button
          onClick={() => {
            if (runEdit(deleteCoolingUnits(useEditor.getState().doc, [unit.id]))) useEditor.getState().select([]);
          }}
        >
          Delete
        </button>
      </div>
    </div>
  );
}

function ContainmentInspector({ id }: { id: string }) {
  const doc = useEditor((s) => s.doc);
  const { cooling } = useChecks();
  const c = doc.containments.find((x) => x.id === id)!;
  const group = cooling.rooms.flatMap((r) => r.groups).find((g) => g.containmentId === id);
  const edit = (patch: Parameters<typeof updateContainment>[2]) =>
    runEdit(updateContainment(useEditor.getState().doc, id, patch));
  return (
    <div data-testid="inspector-containment">
      <h3>{c.name}</h3>
      <dl className="facts">
        <dt>Rows</dt>
        <dd>{c.rowIds.map((r) => doc.rows.find((x) => x.id === r)?.name ?? r).join(', ')}</dd>
        {group ? (
          <>
            <dt>Racks</dt>
            <dd>{group.rackIds.length}</dd>
            <dt>Heat to air</dt>
            <dd>{kW(group.airW)}</dd>
          </>
        ) : null}
      </dl>
      <label className="setting">
        <span>Type</span>
        <select
          aria-label="Containment type"
          value={c.type}
          onChange={(e) => edit({ type: e.target.value as 'hot' | 'cold' })}
        >
          <option value="hot">Hot aisle</option>
          <option value="cold">Cold aisle</option>
        </select>
      </label>
      <NumberInput
        label="Bypass fraction"
        step={0.01}
        value={c.bypassFraction}
        onCommit={(v) => edit({ bypassFraction: v })}
      />
      <NumberInput
        label="Recirculation fraction"
        step={0.01}
        value={c.recirculationFraction}
        onCommit={(v) => edit({ recirculationFraction: v })}
      />
      <div className="buttons">
        <button
          onClick={() => {
            if (runEdit(deleteContainment(useEditor.getState().doc, id))) useEditor.getState().select([]);
          }}
        >
          Remove containment
        </button>
      </div>
    </div>
  );
}

/** The inspector for a selection of cooling entities: the first one selected. */
export function CoolingInspector({ id }: { id: string }) {
  const unit = useEditor((s) => s.doc.cooling.find((u) => u.id === id));
  const isContainment = useEditor((s) => s.doc.containments.some((c) => c.id === id));
  if (unit) return <UnitInspector key={id} unit={unit} />;
  if (isContainment) return <ContainmentInspector key={id} id={id} />;
  return null;
}
