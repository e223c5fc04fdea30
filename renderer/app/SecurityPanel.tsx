/**
 * The security design at a glance: how deep each class-4 zone lies (the fewest authenticated
 * boundaries on any way in, with the route), the violations with their routes, and the zones,
 * doors, cameras, tenants and rules, with the tools to draw and place them. It renders engine
 * results only; edits are undoable commands.
 */
import { useState } from 'react';
import { describeRoute, zoneKindSchema, type ProtectionClass, type Settings, type ZoneKind } from '../../shared/index';
import { useChecks } from '../store/checks';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import {
  ZONE_KIND_NAMES,
  addDoor,
  addTenant,
  addZone,
  assignRacks,
  cageAround,
  deleteTenant,
  updateSecuritySettings,
  updateTenant,
} from '../store/securityCommands';
import { NumberInput } from './NumberInput';
import { runEdit } from './runEdit';
import { ClassOptions, CONTROL_NAMES } from './SecurityInspector';
import { useUnits } from './units';

/** Clear space between a cage and the racks it closes in, m: the one the button promises. */
const CAGE_CLEARANCE_M = 0.6;

function addAndSelect(result: ReturnType<typeof addZone>) {
  if (runEdit(result) && result.ok && result.id) useEditor.getState().select([result.id]);
}

function ShownPath() {
  const path = useEditor((s) => s.securityPath);
  const doc = useEditor((s) => s.doc);
  const { security } = useChecks();
  if (!path) return null;
  return (
    <div className="notice info" data-testid="shown-path">
      <strong>Way in:</strong> {describeRoute(path, doc, security.graph)}{' '}
      <button onClick={() => useEditor.getState().showPath(null)}>Hide (Esc)</button>
    </div>
  );
}

function Depth() {
  const doc = useEditor((s) => s.doc);
  const { security } = useChecks();
  const required = doc.settings.security.minBoundariesClass4;
  const top = doc.zones.filter((z) => z.protectionClass === 4);
  if (top.length === 0) return <p className="hint">No class-4 zone yet.</p>;
  return (
    <table className="depth" data-testid="security-depth">
      <tbody>
        {top.map((z) => {
          const route = security.routes.get(z.id);
          const ok = route !== undefined && route.cost >= required;
          return (
            <tr key={z.id} className={ok ? 'good' : 'bad'}>
              <td>{z.name}</td>
              <td data-testid={`depth-${z.id}`}>
                {route ? `${ok ? '✓' : '✗'} ${route.cost} of ${required} boundaries` : 'no way in modelled'}
              </td>
              <td>
                {route ? (
                  <button onClick={() => useEditor.getState().showPath(route.steps)} title="Show the weakest way in">
                    Show path
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Violations() {
  const { findings, security } = useChecks();
  const select = useEditor((s) => s.select);
  const ours = findings.filter((f) => f.rule.startsWith('security.'));
  if (!security.modelled)
    return (
      <p className="hint" data-testid="security-not-modelled">
        No protection zones yet, so security is not checked. Add zones (site, building, hall…) with their classes, and
        the doors between them.
      </p>
    );
  if (ours.length === 0)
    return (
      <p className="good" data-testid="security-ok">
        ✓ Every rule holds.
      </p>
    );
  return (
    <ul className="finding-list" data-testid="security-findings">
      {ours.map((f) => (
        <li key={f.key} className={f.severity}>
          <button className="link" onClick={() => select(f.entities)} title={`${f.formula} — ${f.source}`}>
            {f.message}
          </button>
          {f.path ? (
            <button onClick={() => useEditor.getState().showPath(f.path!)} data-testid={`show-path-${f.rule}`}>
              Show path
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Tools() {
  const tool = useEditor((s) => s.tool);
  const [kind, setKind] = useState<ZoneKind>('cage');
  const [cls, setCls] = useState<ProtectionClass>(4);
  const hall = useEditor(activeHall);
  const drawing = tool.kind === 'draw-zone';
  const { fmt } = useUnits();
  const cage = () => {
    const { doc: current, selectedRackIds } = useEditor.getState();
    addAndSelect(cageAround(current, selectedRackIds(), CAGE_CLEARANCE_M));
  };
  return (
    <div className="security-tools">
      <div className="row-actions">
        <label className="setting">
          <span>New zone</span>
          <select aria-label="New zone kind" value={kind} onChange={(e) => setKind(e.target.value as ZoneKind)}>
            {zoneKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {ZONE_KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </label>
        <select
          aria-label="New zone class"
          value={cls}
          onChange={(e) => setCls(Number(e.target.value) as ProtectionClass)}
        >
          <ClassOptions />
        </select>
      </div>
      <div className="row-actions">
        <button
          aria-pressed={drawing}
          data-testid="draw-zone"
          title="Click the corners on the floor; Enter or a click on the first corner closes it"
          onClick={() =>
            useEditor
              .getState()
              .setTool(
                drawing ? { kind: 'select' } : { kind: 'draw-zone', points: [], zoneKind: kind, protectionClass: cls },
              )
          }
        >
          {drawing ? `Drawing… (${tool.points.length} corners, Enter closes)` : 'Draw in the hall'}
        </button>
        {hall ? (
          <button
            onClick={() =>
              addAndSelect(addZone(useEditor.getState().doc, { kind, protectionClass: cls, hallId: hall.id }))
            }
          >
            All of {hall.name}
          </button>
        ) : null}
        <button
          title="A room of the building the model does not draw (lobby, corridor, electrical room)"
          onClick={() => addAndSelect(addZone(useEditor.getState().doc, { kind, protectionClass: cls }))}
        >
          Room not drawn
        </button>
        <button
          onClick={cage}
          title={`A class-4 cage around the selected racks, ${fmt(CAGE_CLEARANCE_M, 'length', { digits: 1, feetInches: true })} clear`}
        >
          Cage around selection
        </button>
      </div>
      <div className="row-actions">
        <button
          aria-pressed={tool.kind === 'place-door'}
          data-testid="place-door"
          onClick={() =>
            useEditor.getState().setTool(tool.kind === 'place-door' ? { kind: 'select' } : { kind: 'place-door' })
          }
          title="Click on a wall or a zone's edge (Shift keeps the tool)"
        >
          Place door
        </button>
        <button
          title="A door between two rooms the model does not draw"
          onClick={() => addAndSelect(addDoor(useEditor.getState().doc, {}))}
        >
          Door between rooms
        </button>
        <button
          aria-pressed={tool.kind === 'place-camera'}
          data-testid="place-camera"
          onClick={() =>
            useEditor.getState().setTool(tool.kind === 'place-camera' ? { kind: 'select' } : { kind: 'place-camera' })
          }
        >
          Place camera
        </button>
      </div>
    </div>
  );
}

function Lists() {
  const doc = useEditor((s) => s.doc);
  const select = useEditor((s) => s.select);
  const zoneName = (id: string | null) => (id === null ? 'outside' : (doc.zones.find((z) => z.id === id)?.name ?? id));
  return (
    <>
      <h4>Zones</h4>
      <ul className="entity-list" data-testid="zone-list">
        {doc.zones.map((z) => (
          <li key={z.id}>
            <button className="link" onClick={() => select([z.id])}>
              {z.name}
            </button>{' '}
            <span className={`class-chip class-${z.protectionClass}`}>class {z.protectionClass}</span>
          </li>
        ))}
      </ul>
      <h4>Doors</h4>
      <ul className="entity-list" data-testid="door-list">
        {doc.doors.map((d) => (
          <li key={d.id}>
            <button className="link" onClick={() => select([d.id])}>
              {d.name}
            </button>{' '}
            <span className="hint">
              {zoneName(d.zoneA)} ↔ {zoneName(d.zoneB)} · {CONTROL_NAMES[d.control]}
              {d.egressOnly ? ' · egress only' : ''}
            </span>
          </li>
        ))}
      </ul>
      {doc.cameras.length > 0 ? (
        <>
          <h4>Cameras</h4>
          <ul className="entity-list">
            {doc.cameras.map((c) => (
              <li key={c.id}>
                <button className="link" onClick={() => select([c.id])}>
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Tenants() {
  const doc = useEditor((s) => s.doc);
  const selected = useEditor((s) => s.selectedRackIds().length);
  const edit = (id: string, patch: Parameters<typeof updateTenant>[2]) =>
    runEdit(updateTenant(useEditor.getState().doc, id, patch));
  return (
    <>
      <h4>Tenants</h4>
      <table className="tenants" data-testid="tenants">
        <tbody>
          {doc.tenants.map((t) => (
            <tr key={t.id}>
              <td>
                <input
                  key={t.name}
                  aria-label={`Tenant ${t.name} name`}
                  defaultValue={t.name}
                  onBlur={(e) => e.currentTarget.value !== t.name && edit(t.id, { name: e.currentTarget.value })}
                />
              </td>
              <td>
                <select
                  aria-label={`${t.name} needs`}
                  value={t.requiredClass}
                  onChange={(e) => edit(t.id, { requiredClass: Number(e.target.value) as ProtectionClass })}
                >
                  <ClassOptions />
                </select>
              </td>
              <td>
                <label className="check" title="Racks of this tenant may not share a zone with anyone else's">
                  <input
                    type="checkbox"
                    checked={t.separate}
                    onChange={(e) => edit(t.id, { separate: e.target.checked })}
                  />
                  caged apart
                </label>
              </td>
              <td>
                <button
                  disabled={selected === 0}
                  onClick={() =>
                    runEdit(
                      assignRacks(useEditor.getState().doc, useEditor.getState().selectedRackIds(), { tenantId: t.id }),
                    )
                  }
                  title="Give the selected racks to this tenant"
                >
                  Assign {selected || ''} selected
                </button>
                <button onClick={() => runEdit(deleteTenant(useEditor.getState().doc, t.id))} title="Remove the tenant">
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button onClick={() => runEdit(addTenant(useEditor.getState().doc))}>+ Tenant</button>
    </>
  );
}

function Rules() {
  const rules = useEditor((s) => s.doc.settings.security);
  const edit = (patch: Partial<Settings['security']>) =>
    runEdit(updateSecuritySettings(useEditor.getState().doc, patch));
  const classSelect = (label: string, key: 'gpuRackClass' | 'minerRackClass' | 'otherRackClass') => (
    <label className="setting">
      <span>{label}</span>
      <select
        aria-label={label}
        value={rules[key]}
        onChange={(e) => edit({ [key]: Number(e.target.value) as ProtectionClass })}
      >
        <ClassOptions long />
      </select>
    </label>
  );
  return (
    <details>
      <summary>Security rules</summary>
      <label className="setting">
        <span>Entry to class 4</span>
        <select
          aria-label="Entry to class 4"
          value={rules.class4Entry}
          onChange={(e) => edit({ class4Entry: e.target.value as Settings['security']['class4Entry'] })}
        >
          <option value="mantrap">Mantrap only (SEC-3 strict)</option>
          <option value="mantrap-or-two-factor">Mantrap or two-factor</option>
          <option value="reader">Any reader (SEC-3 off)</option>
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={rules.cctvRequired}
          onChange={(e) => edit({ cctvRequired: e.target.checked })}
        />
        Cameras required on controlled, exterior and exit doors (SEC-4, SEC-6)
      </label>
      <NumberInput
        label="Boundaries to class 4 (SEC-9)"
        value={rules.minBoundariesClass4}
        step={1}
        onCommit={(minBoundariesClass4) => edit({ minBoundariesClass4 })}
      />
      {classSelect('GPU racks need', 'gpuRackClass')}
      {classSelect('Miner racks need', 'minerRackClass')}
      {classSelect('Other racks need', 'otherRackClass')}
    </details>
  );
}

export function SecurityPanel() {
  return (
    <section className="security-panel" aria-label="Security">
      <ShownPath />
      <h3>Depth of protection</h3>
      <Depth />
      <h3>Rules</h3>
      <Violations />
      <h3>Design</h3>
      <Tools />
      <Lists />
      <Tenants />
      <Rules />
    </section>
  );
}
