/**
 * Cooling equipment in the hall: air handlers, CDUs and tanks as boxes of their size, fan walls as
 * thin panels, rear doors as a slab on their rack's back. Clicking one selects it. When racks are
 * coloured by cooling, arrows show where each unit blows its supply air, scaled by airflow.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useMemo } from 'react';
import { catalogFor, FAN_WALL_DEPTH_M, type CoolingUnit, type Hall, type Rack } from '../../shared/index';
import type { DragPreview } from '../store/documentStore';
import { useEditor } from '../store/editor';
import { DOOR_DEPTH_M, FAN_WALL_SILL_M, UNIT_COLOUR as COLOUR, UNIT_SELECTED as SELECTED } from './coolingLook';
import { yawForRotation } from './geometry';
import { hallRacksOf } from './hallIndex';

/** Arrow length per m³/s of airflow, m (a 60,000 m³/h fan wall gets ≈ 3.3 m). */
const ARROW_M_PER_M3S = 0.2;

/** As for the floor: a click that moved further than this (px) was an orbit or pan. */
const CLICK_TOLERANCE_PX = 4;

function select(id: string, e: ThreeEvent<MouseEvent>) {
  if (e.delta > CLICK_TOLERANCE_PX || e.button !== 0) return;
  e.stopPropagation();
  useEditor.getState().select([id], e.shiftKey ? 'toggle' : 'replace');
}

/** Starts dragging the units (and racks) it is given, from where the pointer meets the floor. */
export type StartDrag = (ids: string[], clientX: number, clientY: number, pointerId: number) => void;

/** Box size (x, height, z in the unit's own frame) of a placed unit. */
function unitSize(u: CoolingUnit): [number, number, number] | null {
  switch (u.kind) {
    case 'air-handler':
    case 'cdu':
    case 'immersion-tank':
      return [u.widthM, u.heightM, u.depthM];
    case 'fan-wall':
      return [u.widthM, u.heightM, FAN_WALL_DEPTH_M];
    default:
      return null;
  }
}

function Arrow({ length }: { length: number }) {
  // Along the unit's local −z (its supply face), like a rack's front.
  return (
    <group rotation={[-Math.PI / 2, 0, 0]}>
      <mesh position={[0, length / 2, 0]}>
        <cylinderGeometry args={[0.06, 0.06, length, 8]} />
        <meshBasicMaterial color="#3d7cc9" />
      </mesh>
      <mesh position={[0, length + 0.2, 0]}>
        <coneGeometry args={[0.18, 0.4, 12]} />
        <meshBasicMaterial color="#3d7cc9" />
      </mesh>
    </group>
  );
}

function PlacedUnit(props: {
  unit: CoolingUnit;
  selected: boolean;
  arrows: boolean;
  offset: { dx: number; dy: number };
  startDrag: StartDrag;
}) {
  const { unit, selected, arrows, offset, startDrag } = props;
  if (!('position' in unit)) return null;
  const size = unitSize(unit)!;
  const airflowM3s = unit.kind === 'air-handler' || unit.kind === 'fan-wall' ? unit.airflowM3h / 3600 : 0;
  const baseY = unit.kind === 'fan-wall' ? FAN_WALL_SILL_M : 0;
  return (
    <group
      position={[unit.position.x + offset.dx, 0, unit.position.y + offset.dy]}
      rotation={[0, yawForRotation(unit.rotationDeg), 0]}
      name={`cooling-${unit.id}`}
    >
      <mesh
        position={[0, baseY + size[1] / 2, 0]}
        onClick={(e) => select(unit.id, e)}
        onPointerDown={(e) => {
          if (useEditor.getState().tool.kind !== 'select' || e.button !== 0 || e.shiftKey) return;
          e.stopPropagation();
          const { selection } = useEditor.getState();
          const ids = selection.includes(unit.id) ? selection : [unit.id];
          useEditor.getState().select(ids);
          startDrag(ids, e.nativeEvent.clientX, e.nativeEvent.clientY, e.pointerId);
        }}
      >
        <boxGeometry args={size} />
        <meshStandardMaterial color={selected ? SELECTED : COLOUR[unit.kind]} />
      </mesh>
      {arrows && airflowM3s > 0 ? (
        <group position={[0, baseY + size[1] / 2, -size[2] / 2]}>
          <Arrow length={Math.max(0.5, airflowM3s * ARROW_M_PER_M3S)} />
        </group>
      ) : null}
    </group>
  );
}

function RearDoor(props: {
  unit: CoolingUnit;
  rack: Rack;
  selected: boolean;
  size: [number, number, number];
  offset: { dx: number; dy: number };
}) {
  const { unit, rack, selected, offset } = props;
  const [w, h, d] = props.size;
  return (
    <group
      position={[rack.position.x + offset.dx, 0, rack.position.y + offset.dy]}
      rotation={[0, yawForRotation(rack.rotationDeg), 0]}
      name={`cooling-${unit.id}`}
    >
      {/* The back face is local +z: the front (intake) faces −z. */}
      <mesh
        position={[0, h / 2, d / 2 + DOOR_DEPTH_M / 2]}
        onClick={(ev) => select(unit.id, ev)}
        // Keep the rack behind the door from starting a drag: the click is for the door.
        onPointerDown={(ev) => {
          if (useEditor.getState().tool.kind === 'select' && ev.button === 0) ev.stopPropagation();
        }}
      >
        <boxGeometry args={[w, h, DOOR_DEPTH_M]} />
        <meshStandardMaterial color={selected ? SELECTED : COLOUR['rear-door']} />
      </mesh>
    </group>
  );
}

const NO_OFFSET = { dx: 0, dy: 0 };

/** The drag preview's offset for an entity being dragged (a unit, or the rack a door hangs on). */
function offsetOf(drag: DragPreview | null, id: string): { dx: number; dy: number } {
  return drag && drag.ids.includes(id) ? drag : NO_OFFSET;
}

export function CoolingUnits({ hall, startDrag }: { hall: Hall; startDrag: StartDrag }) {
  const allUnits = useEditor((s) => s.doc.cooling);
  // This hall's racks only: a rear door hangs on a rack of the hall it is drawn in, and an edit
  // elsewhere leaves this array as it was (hallIndex.ts).
  const racks = useEditor((s) => hallRacksOf(s.doc.racks, hall.id));
  const customDevices = useEditor((s) => s.doc.customDevices);
  const catalog = useMemo(() => catalogFor({ customDevices }), [customDevices]);
  const selection = useEditor((s) => s.selection);
  const arrows = useEditor((s) => s.colouring === 'cooling');
  const drag = useEditor((s) => s.drag);
  const rackById = useMemo(() => new Map(racks.map((r) => [r.id, r])), [racks]);
  // Split once per cooling array (a rack edit shares it): the units standing in this hall, and the rear doors.
  const split = useMemo(
    () => ({
      placed: allUnits.filter((u) => 'hallId' in u && u.hallId === hall.id),
      rearDoors: allUnits.filter((u) => u.kind === 'rear-door'),
    }),
    [allUnits, hall.id],
  );
  const units = useMemo(
    () => [...split.placed, ...split.rearDoors.filter((u) => u.kind === 'rear-door' && rackById.has(u.rackId))],
    [split, rackById],
  );
  return (
    <group name="cooling-units">
      {units.map((u) => {
        const selected = selection.includes(u.id);
        if (u.kind === 'rear-door') {
          const rack = rackById.get(u.rackId);
          const type = rack ? catalog.rackType(rack.rackTypeId) : undefined;
          return rack && rack.hallId === hall.id ? (
            <RearDoor
              key={u.id}
              unit={u}
              rack={rack}
              selected={selected}
              size={[type?.widthM ?? 0.6, type?.heightM ?? 2.2, type?.depthM ?? 1.2]}
              offset={offsetOf(drag, rack.id)}
            />
          ) : null;
        }
        if (!('hallId' in u) || u.hallId !== hall.id) return null;
        return (
          <PlacedUnit
            key={u.id}
            unit={u}
            selected={selected}
            arrows={arrows}
            offset={offsetOf(drag, u.id)}
            startDrag={startDrag}
          />
        );
      })}
    </group>
  );
}
