/**
 * Inspectors for the security design: a zone (name, kind, class, nesting), a door (the zones on
 * its sides, its control, interlock, exit hardware, alarm, declared camera), a camera (where it
 * looks), and the security of selected racks (tenant and class, in bulk). Every change is an
 * undoable command, refused with a reason when it would not validate.
 */
import {
  zoneKindSchema,
  doorControlSchema,
  type Camera,
  type Door,
  type ProtectionClass,
  type Rack,
  type Zone,
} from '../../shared/index';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { ZONE_KIND_NAMES, assignRacks, updateCamera, updateDoor, updateZone } from '../store/securityCommands';
import { deleteSelection } from './actions';
import { NumberInput } from './NumberInput';
import { QuantityInput } from './QuantityInput';
import { runEdit } from './runEdit';
import { TextInput } from './TextInput';

const CLASSES: ProtectionClass[] = [1, 2, 3, 4];
const CLASS_NAMES: Record<ProtectionClass, string> = {
  1: '1 · public / semi-public',
  2: '2 · all authorised persons',
  3: '3 · specified staff and visitors',
  4: '4 · specified staff with a need',
};

/** The four protection classes as options: "class 3", or with their EN 50600 meaning. */
export function ClassOptions({ long = false }: { long?: boolean }) {
  return CLASSES.map((c) => (
    <option key={c} value={c}>
      {long ? CLASS_NAMES[c] : `class ${c}`}
    </option>
  ));
}
export const CONTROL_NAMES: Record<Door['control'], string> = {
  none: 'None (open)',
  key: 'Mechanical key',
  card: 'Card reader',
  'card-pin': 'Card + PIN',
  biometric: 'Biometric (with card)',
  guard: 'Guard post',
  mantrap: 'Mantrap portal',
};
const OUTSIDE_VALUE = '';

function ZoneSelect(props: {
  label: string;
  value: string | null;
  zones: Zone[];
  onChange: (id: string | null) => void;
  none: string;
}) {
  return (
    <label className="setting">
      <span>{props.label}</span>
      <select
        aria-label={props.label}
        value={props.value ?? OUTSIDE_VALUE}
        onChange={(e) => props.onChange(e.target.value === OUTSIDE_VALUE ? null : e.target.value)}
      >
        <option value={OUTSIDE_VALUE}>{props.none}</option>
        {props.zones.map((z) => (
          <option key={z.id} value={z.id}>
            {z.name} (class {z.protectionClass})
          </option>
        ))}
      </select>
    </label>
  );
}

function ZoneInspector({ zone }: { zone: Zone }) {
  const doc = useEditor((s) => s.doc);
  const { security } = useChecks();
  const edit = (patch: Partial<Zone>) => runEdit(updateZone(useEditor.getState().doc, zone.id, patch));
  const route = security.routes.get(zone.id);
  const racks = [...security.racks.values()].filter((p) => p.zoneId === zone.id).length;
  const hall = doc.halls.find((h) => h.id === zone.hallId);
  return (
    <div data-testid="zone-inspector">
      <h3>{zone.name}</h3>
      <dl className="facts">
        <dt>Drawn</dt>
        <dd>
          {hall
            ? zone.polygon
              ? `polygon in ${hall.name}`
              : `all of ${hall.name}`
            : 'not drawn (a room of the graph)'}
        </dd>
        <dt>Racks inside</dt>
        <dd>{racks}</dd>
        <dt>Way in</dt>
        <dd data-testid="zone-boundaries">
          {route
            ? `${route.cost} authenticated boundar${route.cost === 1 ? 'y' : 'ies'} at the weakest`
            : 'no modelled way in'}
        </dd>
      </dl>
      <TextInput label="Name" ariaLabel="Name" value={zone.name} onCommit={(name) => edit({ name })} />
      <label className="setting">
        <span>Protection class</span>
        <select
          aria-label="Protection class"
          value={zone.protectionClass}
          onChange={(e) => edit({ protectionClass: Number(e.target.value) as ProtectionClass })}
        >
          <ClassOptions long />
        </select>
      </label>
      <label className="setting">
        <span>Kind</span>
        <select
          aria-label="Zone kind"
          value={zone.kind}
          onChange={(e) => edit({ kind: e.target.value as Zone['kind'] })}
        >
          {zoneKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {ZONE_KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      <ZoneSelect
        label="Nests in"
        value={zone.parentId}
        zones={doc.zones.filter((z) => z.id !== zone.id)}
        none="— nothing (outermost) —"
        onChange={(parentId) => edit({ parentId })}
      />
      {route ? (
        <button onClick={() => useEditor.getState().showPath(route.steps)} data-testid="zone-show-path">
          Show the weakest way in
        </button>
      ) : null}
      <button onClick={deleteSelection}>Delete zone</button>
    </div>
  );
}

function DoorInspector({ door }: { door: Door }) {
  const doc = useEditor((s) => s.doc);
  const { security } = useChecks();
  const edit = (patch: Partial<Door>) => runEdit(updateDoor(useEditor.getState().doc, door.id, patch));
  const cover = security.coverage.get(door.id);
  const cameraNames = (cover?.cameras ?? []).map((id) => doc.cameras.find((c) => c.id === id)?.name ?? id);
  return (
    <div data-testid="door-inspector">
      <h3>{door.name}</h3>
      <TextInput label="Name" ariaLabel="Name" value={door.name} onCommit={(name) => edit({ name })} />
      <ZoneSelect
        label="Side A"
        value={door.zoneA}
        zones={doc.zones}
        none="— outside the site —"
        onChange={(zoneA) => edit({ zoneA })}
      />
      <ZoneSelect
        label="Side B"
        value={door.zoneB}
        zones={doc.zones}
        none="— outside the site —"
        onChange={(zoneB) => edit({ zoneB })}
      />
      <label className="setting">
        <span>Control</span>
        <select
          aria-label="Door control"
          value={door.control}
          onChange={(e) => edit({ control: e.target.value as Door['control'] })}
        >
          {doorControlSchema.options.map((c) => (
            <option key={c} value={c}>
              {CONTROL_NAMES[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="setting">
        <span>Interlocked with</span>
        <select
          aria-label="Interlocked with"
          value={door.interlockId ?? ''}
          onChange={(e) => edit({ interlockId: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">— none —</option>
          {doc.doors
            .filter((d) => d.id !== door.id)
            .map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={door.egressOnly} onChange={(e) => edit({ egressOnly: e.target.checked })} />
        Egress only (exit hardware, no way in)
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={door.emergencyExit}
          onChange={(e) => edit({ emergencyExit: e.target.checked })}
        />
        Emergency exit
      </label>
      <label className="check">
        <input type="checkbox" checked={door.alarmed} onChange={(e) => edit({ alarmed: e.target.checked })} />
        Alarmed (door contact)
      </label>
      <label className="check">
        <input type="checkbox" checked={door.cctvDeclared} onChange={(e) => edit({ cctvDeclared: e.target.checked })} />
        Watched by a camera not drawn
      </label>
      <p className="hint" data-testid="door-cctv">
        {cameraNames.length > 0
          ? `Seen by ${cameraNames.join(', ')}.`
          : door.cctvDeclared
            ? 'Covered by a declared camera.'
            : 'No camera sees it.'}
      </p>
      <button onClick={deleteSelection}>Delete door</button>
    </div>
  );
}

function CameraInspector({ camera }: { camera: Camera }) {
  const edit = (patch: Partial<Camera>) => runEdit(updateCamera(useEditor.getState().doc, camera.id, patch));
  return (
    <div data-testid="camera-inspector">
      <h3>{camera.name}</h3>
      <TextInput label="Name" ariaLabel="Name" value={camera.name} onCommit={(name) => edit({ name })} />
      <NumberInput
        label="Direction, °"
        value={camera.directionDeg}
        step={5}
        onCommit={(directionDeg) => edit({ directionDeg })}
      />
      <NumberInput label="Field of view, °" value={camera.fovDeg} step={5} onCommit={(fovDeg) => edit({ fovDeg })} />
      <QuantityInput label="Range" quantity="length" value={camera.rangeM} onCommit={(rangeM) => edit({ rangeM })} />
      <QuantityInput
        label="Height"
        quantity="length"
        value={camera.heightM}
        onCommit={(heightM) => edit({ heightM })}
      />
      <button onClick={deleteSelection}>Delete camera</button>
    </div>
  );
}

/** The inspector for a selected zone, door or camera; null when the id is none of them. */
export function SecurityInspector({ id }: { id: string }) {
  const doc = useEditor((s) => s.doc);
  const zone = doc.zones.find((z) => z.id === id);
  if (zone) return <ZoneInspector zone={zone} />;
  const door = doc.doors.find((d) => d.id === id);
  if (door) return <DoorInspector door={door} />;
  const camera = doc.cameras.find((c) => c.id === id);
  if (camera) return <CameraInspector camera={camera} />;
  return null;
}

/** Tenant and protection class of the selected racks, with the zone they stand in. */
export function RackSecurity({ racks }: { racks: Rack[] }) {
  const doc = useEditor((s) => s.doc);
  const { security } = useChecks();
  const ids = racks.map((r) => r.id);
  const same = <T,>(values: T[]) => (new Set(values).size === 1 ? values[0]! : undefined);
  const tenant = same(racks.map((r) => r.tenantId));
  const own = same(racks.map((r) => r.requiredClass));
  const placed = racks.map((r) => security.racks.get(r.id));
  const zoneIds = same(placed.map((p) => p?.zoneId ?? null));
  const zone = zoneIds ? doc.zones.find((z) => z.id === zoneIds) : undefined;
  const required = same(placed.map((p) => p?.required));
  const assign = (patch: Parameters<typeof assignRacks>[2]) =>
    runEdit(assignRacks(useEditor.getState().doc, ids, patch));
  return (
    <div className="rack-security" data-testid="rack-security">
      <h4>Security</h4>
      <dl className="facts">
        <dt>Stands in</dt>
        <dd data-testid="rack-zone">
          {zone ? `${zone.name} (class ${zone.protectionClass})` : zoneIds === null ? 'no zone' : 'several zones'}
        </dd>
        <dt>Needs</dt>
        <dd>{required !== undefined ? `class ${required}` : 'mixed'}</dd>
      </dl>
      <label className="setting">
        <span>Tenant</span>
        <select
          aria-label="Tenant"
          value={tenant === undefined ? '*' : (tenant ?? '')}
          onChange={(e) => assign({ tenantId: e.target.value === '' ? null : e.target.value })}
        >
          {tenant === undefined ? <option value="*">mixed</option> : null}
          <option value="">— site’s own —</option>
          {doc.tenants.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="setting">
        <span>Own class</span>
        <select
          aria-label="Rack protection class"
          value={own === undefined ? '*' : own === null ? '' : String(own)}
          onChange={(e) =>
            assign({ requiredClass: e.target.value === '' ? null : (Number(e.target.value) as ProtectionClass) })
          }
        >
          {own === undefined ? <option value="*">mixed</option> : null}
          <option value="">— tenant’s or by content —</option>
          <ClassOptions />
        </select>
      </label>
    </div>
  );
}
