/** How the selected racks are cooled: heat split, inlet estimate, liquid loop, rear door, containment. */
import type { Rack } from '../../shared/index';
import { useChecks } from '../store/checks';
import { addContainment, addCoolingUnit, setRackLiquidLoop } from '../store/coolingCommands';
import { useEditor } from '../store/editor';
import { kW } from './format';
import { runEdit } from './runEdit';
import { useUnits } from './units';

const TECHNOLOGY: Record<string, string> = {
  'open-air': 'air, open room',
  'contained-air': 'air, contained aisle',
  'rear-door': 'air with rear-door heat exchanger',
  'direct-liquid': 'direct-to-chip liquid',
  immersion: 'immersion',
};

export function RackCooling({ racks }: { racks: Rack[] }) {
  const doc = useEditor((s) => s.doc);
  const { cooling } = useChecks();
  const { fmt, dual } = useUnits();
  const ids = racks.map((r) => r.id);
  const loops = doc.cooling.filter((u) => u.kind === 'cdu' || u.kind === 'immersion-tank');
  const loopValue =
    new Set(racks.map((r) => r.liquidLoopId ?? '')).size === 1 ? (racks[0]!.liquidLoopId ?? '') : 'mixed';
  const single = racks.length === 1 ? racks[0]! : null;
  const t = single ? cooling.racks.get(single.id) : undefined;
  const inlet = single ? cooling.inlets.get(single.id) : undefined;
  const door = single ? doc.cooling.find((u) => u.kind === 'rear-door' && u.rackId === single.id) : undefined;
  const contained = racks.some((r) => doc.containments.some((c) => r.rowId !== null && c.rowIds.includes(r.rowId)));

  const contain = (type: 'hot' | 'cold') => {
    const result = addContainment(useEditor.getState().doc, ids, type);
    if (runEdit(result) && result.ok && result.id) useEditor.getState().select([result.id]);
  };

  return (
    <div data-testid="rack-cooling">
      <h4>Cooling</h4>
      {t ? (
        <dl className="facts">
          <dt>Technology</dt>
          <dd data-testid="rack-technology">{TECHNOLOGY[t.technology]}</dd>
          <dt>Heat</dt>
          <dd>
            {kW(t.roomW)} to room air
            {t.liquidW > 0 ? `, ${kW(t.liquidW)} to liquid` : ''}
            {t.doorW > 0 ? `, ${kW(t.doorW)} to the rear door` : ''}
          </dd>
          {inlet ? (
            <>
              <dt title="T_in = T_supply + r·ΔT/(1 − r): a design estimate; the thermal simulation refines it">
                Inlet (estimate)
              </dt>
              <dd data-testid="rack-inlet">
                {dual(inlet.inletC, 'temperature')}
                {t.envelope
                  ? ` — limit ${fmt(t.envelope.allowableMaxC, 'temperature')}, margin ${fmt(inlet.marginK!, 'temperatureDelta')}`
                  : ''}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {loops.length > 0 ? (
        <label className="setting">
          <span>Liquid loop</span>
          <select
            aria-label="Liquid loop"
            value={loopValue}
            onChange={(e) =>
              runEdit(setRackLiquidLoop(useEditor.getState().doc, ids, e.target.value === '' ? null : e.target.value))
            }
          >
            {loopValue === 'mixed' ? <option value="mixed">(mixed)</option> : null}
            <option value="">none</option>
            {loops.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="buttons">
        {single && !door ? (
          <button
            onClick={() => {
              const result = addCoolingUnit(useEditor.getState().doc, 'rear-door', { rackId: single.id });
              runEdit(result);
            }}
          >
            Add rear door
          </button>
        ) : null}
        {door ? <button onClick={() => useEditor.getState().select([door.id])}>Rear door…</button> : null}
        {!contained ? (
          <>
            <button onClick={() => contain('hot')} title="Contain the aisle the selected racks' rows exhaust into">
              Contain hot aisle
            </button>
            <button onClick={() => contain('cold')} title="Contain the aisle the selected racks' rows draw from">
              Contain cold aisle
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
