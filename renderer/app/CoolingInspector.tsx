/** Details and edits of a selected cooling unit or containment: ratings, connections, position. */
import { evaporativeSupplyC, type CoolingUnit, type Quantity } from '../../shared/index';
import { useChecks } from '../store/checks';
import {
  deleteContainment,
  deleteCoolingUnits,
  moveCoolingUnit,
  updateContainment,
  updateCoolingUnit,
} from '../store/coolingCommands';
import { useEditor } from '../store/editor';
import { pct } from './format';
import { rotateSelection } from './actions';
import { NumberInput } from './NumberInput';
import { QuantityInput } from './QuantityInput';
import { runEdit } from './runEdit';
import { useUnits } from './units';

/** A figure of a unit: with a physical quantity it shows in the project's units, else as a plain number. */
type Field =
  { key: string; label: string; quantity: Quantity; valueUnit?: number } | { key: string; label: string; step: number };

/** The document keeps these ratings in kW; the inputs take them in any power unit. */
const KW = 1_000;

const SIZE: Field[] = [
  { key: 'widthM', label: 'Width', quantity: 'size' },
  { key: 'depthM', label: 'Depth', quantity: 'size' },
  { key: 'heightM', label: 'Height', quantity: 'size' },
];

/** The editable figures of each kind, with the units their names carry in the document. */
const FIELDS: Record<CoolingUnit['kind'], Field[]> = {
  'air-handler': [
    { key: 'sensibleKw', label: 'Net sensible capacity', quantity: 'cooling', valueUnit: KW },
    { key: 'airflowM3h', label: 'Airflow', quantity: 'airflow' },
    { key: 'supplyC', label: 'Supply air', quantity: 'temperature' },
    { key: 'fanKw', label: 'Fan power', quantity: 'power', valueUnit: KW },
    ...SIZE,
  ],
  'fan-wall': [
    { key: 'airflowM3h', label: 'Airflow', quantity: 'airflow' },
    { key: 'outdoorDryBulbC', label: 'Outdoor design dry-bulb', quantity: 'temperature' },
    { key: 'outdoorWetBulbC', label: 'Coincident wet-bulb', quantity: 'temperature' },
    { key: 'padEffectiveness', label: 'Pad effectiveness (0 = none)', step: 0.05 },
    { key: 'fanKw', label: 'Fan power', quantity: 'power', valueUnit: KW },
    // A fan wall is part of the building: its size reads as a wall's, in m or ft.
    { key: 'widthM', label: 'Width', quantity: 'length' },
    { key: 'heightM', label: 'Height', quantity: 'length' },
  ],
  cdu: [
    { key: 'capacityKw', label: 'Capacity', quantity: 'cooling', valueUnit: KW },
    { key: 'flowLpm', label: 'Flow', quantity: 'liquidFlow' },
    { key: 'deltaTK', label: 'Design rise', quantity: 'temperatureDelta' },
    { key: 'supplyC', label: 'Supply', quantity: 'temperature' },
    { key: 'pumpKw', label: 'Pump power', quantity: 'power', valueUnit: KW },
    ...SIZE,
  ],
  'immersion-tank': [
    { key: 'capacityKw', label: 'Capacity', quantity: 'cooling', valueUnit: KW },
    { key: 'slots', label: 'Slots', step: 1 },
    { key: 'pumpKw', label: 'Pumps and fans', quantity: 'power', valueUnit: KW },
    ...SIZE,
  ],
  'rear-door': [
    { key: 'capacityKw', label: 'Capacity', quantity: 'cooling', valueUnit: KW },
    { key: 'waterSupplyC', label: 'Water supply', quantity: 'temperature' },
    { key: 'waterReturnC', label: 'Water return', quantity: 'temperature' },
  ],
  'heat-rejection': [
    { key: 'capacityKw', label: 'Capacity at design ambient', quantity: 'cooling', valueUnit: KW },
    { key: 'designAmbientC', label: 'Design ambient', quantity: 'temperature' },
    { key: 'powerKw', label: 'Fans and pumps', quantity: 'power', valueUnit: KW },
  ],
};

function FieldInput({ field, value, onCommit }: { field: Field; value: number; onCommit: (v: number) => void }) {
  return 'quantity' in field ? (
    <QuantityInput
      label={field.label}
      quantity={field.quantity}
      valueUnit={field.valueUnit}
      value={value}
      onCommit={onCommit}
    />
  ) : (
    <NumberInput label={field.label} step={field.step} value={value} onCommit={onCommit} />
  );
}

function UnitInspector({ unit }: { unit: CoolingUnit }) {
  const doc = useEditor((s) => s.doc);
  const { cooling } = useChecks();
  const { fmt } = useUnits();
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
              {fmt(loop.loadW, 'cooling')} of {fmt(loop.capacityW, 'cooling')} (
              {pct((100 * loop.loadW) / loop.capacityW)})
            </dd>
          </>
        ) : null}
        {loop?.flowNeededLpm != null ? (
          <>
            <dt>Flow needed</dt>
            <dd>
              {fmt(loop.flowNeededLpm, 'liquidFlow')} of {loop.flowLpm !== null ? fmt(loop.flowLpm, 'liquidFlow') : '—'}
            </dd>
          </>
        ) : null}
        {unit.kind === 'fan-wall' ? (
          <>
            <dt title="T = T_db − ε (T_db − T_wb)">Supply after pad</dt>
            <dd>
              {fmt(
                evaporativeSupplyC(unit.outdoorDryBulbC, unit.outdoorWetBulbC, unit.padEffectiveness),
                'temperature',
              )}
            </dd>
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
        <FieldInput key={f.key} field={f} value={record[f.key]!} onCommit={(v) => edit({ [f.key]: v })} />
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
          <QuantityInput
            label="x"
            quantity="length"
            value={unit.position.x}
            onCommit={(x) => useEditor.getState().run(moveCoolingUnit(unit.id, { x, y: unit.position.y }))}
          />
          <QuantityInput
            label="y"
            quantity="length"
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
  const { fmt } = useUnits();
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
            <dd>{fmt(group.airW, 'cooling')}</dd>
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
