/**
 * The security layer of one hall: zones as tints and fences coloured by protection class, a badge
 * over each door naming its lock, cameras with their field of view on the floor, and the way in a
 * finding shows. Drawn only while the security panel is open or a way in is shown, so the normal
 * view stays clean. Few objects (tens of zones, doors and cameras), so plain meshes.
 */
import { Html, Line } from '@react-three/drei';
import type { ThreeEvent } from '@react-three/fiber';
import {
  useEffect,
  useMemo,
  type CSSProperties,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide, Mesh, Shape, ShapeGeometry, Vector2, type Object3D } from 'three';
import type { Camera, Door, Hall, Point2, Zone } from '../../shared/index';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { stopHighlight } from '../store/stopHighlight';
import {
  BADGE_TONE_COLOURS,
  doorBadge,
  fenceTriangles,
  floorFanTriangles,
  fovSector,
  hallCentre,
  pathPoints,
  polygonCentroid,
  zoneColour,
} from './securityGeometry';

const PATH_COLOUR = '#d0309a';
const SELECTED = '#f2c14e';
const CAMERA_COLOUR = '#2b2f36';
const FAN_COLOUR = '#3d7cc9';
const FENCE_M = 2.4;
const LABEL_M = 2.8;
const PATH_LINE_M = 1.0;
const CAMERA_BOX_M = 0.25;
const FAN_SEGMENTS = 32;
/** Tints sit just above the floor (and a cage's above its hall's), so they neither flicker nor hide the grid. */
const HALL_TINT_M = 0.01;
const ZONE_TINT_M = 0.02;
const FAN_M = 0.03;
const MARK_M = 0.05;
/** As for the floor: a click that moved further than this (px) was an orbit or pan. */
const CLICK_TOLERANCE_PX = 4;
/** Labels and badges stay below the app's own panels and menus. */
const HTML_Z: [number, number] = [10, 0];

const NO_POINTER: CSSProperties = { pointerEvents: 'none' };

/** For meshes that must not take clicks: while drawing or placing, clicks go through to the floor. */
const NO_RAYCAST = () => {};

/** Tints and fences are see-through: a click on one gives way to a rack or unit seen behind it. */
const SEE_THROUGH = { seeThrough: true } as const;
const isSeeThrough = (o: Object3D) => o.userData.seeThrough === true;

const toggles = (e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }) => e.shiftKey || e.ctrlKey || e.metaKey;

function onOverlayClick(id: string, e: ThreeEvent<MouseEvent>) {
  if (e.delta > CLICK_TOLERANCE_PX || e.button !== 0 || useEditor.getState().tool.kind !== 'select') return;
  if (isSeeThrough(e.object) && e.intersections.some((i) => !isSeeThrough(i.object) && i.object.name !== 'floor'))
    return;
  e.stopPropagation();
  useEditor.getState().select([id], toggles(e) ? 'toggle' : 'replace');
}

/** Frees a geometry built here (not by a JSX element, which r3f frees) when it is replaced or unmounted. */
function useDisposal(geometry: BufferGeometry) {
  useEffect(() => () => geometry.dispose(), [geometry]);
}

function trianglesGeometry(positions: Float32Array): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(positions, 3));
  g.computeBoundingSphere();
  return g;
}

/** A closed loop through plan points at height `y`, as drei Line points. */
function loop(points: readonly Point2[], y: number): [number, number, number][] {
  return [...points, points[0]!].map((p) => [p.x, y, p.y]);
}

function hallCorners(hall: Hall): Point2[] {
  return [
    { x: 0, y: 0 },
    { x: hall.width, y: 0 },
    { x: hall.width, y: hall.depth },
    { x: 0, y: hall.depth },
  ];
}

interface ZoneProps {
  zone: Zone;
  hall: Hall;
  selected: boolean;
  onPath: boolean;
  selecting: boolean;
}

function ZoneLabel({ zone, at }: { zone: Zone; at: Point2 }) {
  const style: CSSProperties = {
    pointerEvents: 'none',
    whiteSpace: 'nowrap',
    font: '11px/1.3 system-ui, sans-serif',
    color: '#1d232a',
    background: 'rgba(255, 255, 255, 0.85)',
    borderLeft: `4px solid ${zoneColour(zone.protectionClass)}`,
    borderRadius: 3,
    padding: '1px 6px',
    userSelect: 'none',
  };
  return (
    // drei's own centring box takes the style: without it the box would catch clicks meant for the floor.
    <Html position={[at.x, LABEL_M, at.y]} center style={NO_POINTER} zIndexRange={HTML_Z}>
      <div className="zone-label" data-testid={`zone-label-${zone.id}`} style={style}>
        {`${zone.name} · class ${zone.protectionClass}`}
      </div>
    </Html>
  );
}

function WholeHallZone({ zone, hall, selected, onPath, selecting }: ZoneProps) {
  const colour = zoneColour(zone.protectionClass);
  const centre = hallCentre(hall);
  return (
    <group name={`zone-${zone.id}`}>
      <mesh
        position={[centre.x, HALL_TINT_M, centre.y]}
        rotation={[-Math.PI / 2, 0, 0]}
        userData={SEE_THROUGH}
        raycast={selecting ? Mesh.prototype.raycast : NO_RAYCAST}
        onClick={(e) => onOverlayClick(zone.id, e)}
      >
        <planeGeometry args={[hall.width, hall.depth]} />
        <meshBasicMaterial
          color={colour}
          transparent
          opacity={selected ? 0.3 : 0.15}
          depthWrite={false}
          side={DoubleSide}
        />
      </mesh>
      {selected || onPath ? (
        <Line
          points={loop(hallCorners(hall), MARK_M)}
          color={onPath ? PATH_COLOUR : colour}
          lineWidth={onPath ? 3 : 2}
        />
      ) : null}
      <ZoneLabel zone={zone} at={centre} />
    </group>
  );
}

function PolygonZone({ zone, polygon, selected, onPath, selecting }: ZoneProps & { polygon: Point2[] }) {
  const colour = zoneColour(zone.protectionClass);
  // The shape lies in x/y; turned down onto the floor its y becomes −z, so plan y goes in negated.
  const floor = useMemo(() => new ShapeGeometry(new Shape(polygon.map((p) => new Vector2(p.x, -p.y)))), [polygon]);
  const fence = useMemo(() => trianglesGeometry(fenceTriangles(polygon, FENCE_M)), [polygon]);
  useDisposal(floor);
  useDisposal(fence);
  const centroid = useMemo(() => polygonCentroid(polygon), [polygon]);
  const raycast = selecting ? Mesh.prototype.raycast : NO_RAYCAST;
  const material = (opacity: number) => (
    <meshBasicMaterial color={colour} transparent opacity={opacity} depthWrite={false} side={DoubleSide} />
  );
  return (
    <group name={`zone-${zone.id}`}>
      <mesh
        geometry={floor}
        position={[0, ZONE_TINT_M, 0]}
        rotation={[-Math.PI / 2, 0, 0]}
        userData={SEE_THROUGH}
        raycast={raycast}
        onClick={(e) => onOverlayClick(zone.id, e)}
      >
        {material(selected ? 0.35 : 0.15)}
      </mesh>
      <mesh geometry={fence} userData={SEE_THROUGH} raycast={raycast} onClick={(e) => onOverlayClick(zone.id, e)}>
        {material(selected ? 0.45 : 0.25)}
      </mesh>
      <Line
        points={loop(polygon, MARK_M)}
        color={onPath ? PATH_COLOUR : colour}
        lineWidth={onPath || selected ? 3 : 1.5}
      />
      <Line
        points={loop(polygon, FENCE_M)}
        color={onPath ? PATH_COLOUR : colour}
        lineWidth={onPath || selected ? 3 : 1.5}
      />
      <ZoneLabel zone={zone} at={centroid} />
    </group>
  );
}

const stop = (e: ReactPointerEvent | ReactMouseEvent) => e.stopPropagation();

function DoorBadge({
  door,
  selected,
  onPath,
  title,
}: {
  door: Door;
  selected: boolean;
  onPath: boolean;
  title: string;
}) {
  const badge = doorBadge(door);
  const style: CSSProperties = {
    whiteSpace: 'nowrap',
    font: '600 11px/1.2 system-ui, sans-serif',
    color: '#ffffff',
    background: BADGE_TONE_COLOURS[badge.tone],
    border: `2px solid ${selected ? SELECTED : onPath ? PATH_COLOUR : 'rgba(0, 0, 0, 0.25)'}`,
    boxShadow: onPath ? `0 0 0 2px ${PATH_COLOUR}` : 'none',
    borderRadius: 999,
    padding: '1px 8px',
    cursor: 'pointer',
    userSelect: 'none',
  };
  return (
    <Html position={[door.position.x, door.height + 0.5, door.position.y]} center zIndexRange={HTML_Z}>
      <button
        type="button"
        className="door-badge"
        data-testid={`door-badge-${door.id}`}
        title={title}
        style={style}
        // The canvas's own handlers (orbit, rack drag, floor click) listen around the badge: keep them out.
        onPointerDown={stop}
        onPointerUp={stop}
        onClick={(e) => {
          e.stopPropagation();
          useEditor.getState().select([door.id], toggles(e) ? 'toggle' : 'replace');
        }}
      >
        {badge.text}
      </button>
    </Html>
  );
}

function PathDoorMark({ door }: { door: Door }) {
  const inner = door.width / 2 + 0.3;
  return (
    <mesh position={[door.position.x, MARK_M, door.position.y]} rotation={[-Math.PI / 2, 0, 0]}>
      <ringGeometry args={[inner, inner + 0.25, 40]} />
      <meshBasicMaterial color={PATH_COLOUR} transparent opacity={0.9} depthWrite={false} side={DoubleSide} />
    </mesh>
  );
}

function CameraMarker({ camera, selected, selecting }: { camera: Camera; selected: boolean; selecting: boolean }) {
  const fanPoints = useMemo(() => fovSector(camera, FAN_SEGMENTS), [camera]);
  const fan = useMemo(() => trianglesGeometry(floorFanTriangles(fanPoints, FAN_M)), [fanPoints]);
  useDisposal(fan);
  const raycast = selecting ? Mesh.prototype.raycast : NO_RAYCAST;
  const onClick = (e: ThreeEvent<MouseEvent>) => onOverlayClick(camera.id, e);
  // Plan bearings turn from +x towards +y (world +z); a positive yaw turns +x towards −z.
  const yaw = (-camera.directionDeg * Math.PI) / 180;
  const edge = selected ? [...fanPoints, fanPoints[0]!].map((p): [number, number, number] => [p.x, FAN_M, p.y]) : null;
  return (
    <group name={`camera-${camera.id}`}>
      <group position={[camera.position.x, camera.heightM, camera.position.y]} rotation={[0, yaw, 0]}>
        <mesh raycast={raycast} onClick={onClick}>
          <boxGeometry args={[CAMERA_BOX_M, CAMERA_BOX_M, CAMERA_BOX_M]} />
          <meshStandardMaterial color={selected ? SELECTED : CAMERA_COLOUR} />
        </mesh>
        {/* The lens, on the face the camera looks out of. */}
        <mesh
          position={[CAMERA_BOX_M / 2 + 0.05, 0, 0]}
          rotation={[0, 0, -Math.PI / 2]}
          raycast={raycast}
          onClick={onClick}
        >
          <cylinderGeometry args={[0.07, 0.09, 0.1, 16]} />
          <meshStandardMaterial color={CAMERA_COLOUR} />
        </mesh>
      </group>
      <mesh geometry={fan}>
        <meshBasicMaterial
          color={FAN_COLOUR}
          transparent
          opacity={selected ? 0.3 : 0.1}
          depthWrite={false}
          side={DoubleSide}
        />
      </mesh>
      {edge ? <Line points={edge} color={FAN_COLOUR} lineWidth={1.5} /> : null}
    </group>
  );
}

function SecurityLayers({ hall }: { hall: Hall }) {
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const selecting = useEditor((s) => s.tool.kind === 'select');
  const securityPath = useEditor((s) => s.securityPath);
  const { coverage } = useChecks().security;

  const zones = useMemo(() => doc.zones.filter((z) => z.hallId === hall.id), [doc.zones, hall.id]);
  const doors = useMemo(() => doc.doors.filter((d) => d.hallId === hall.id), [doc.doors, hall.id]);
  const cameras = useMemo(() => doc.cameras.filter((c) => c.hallId === hall.id), [doc.cameras, hall.id]);
  const cameraNames = useMemo(() => new Map(doc.cameras.map((c) => [c.id, c.name])), [doc.cameras]);
  const onPath = useMemo(() => new Set(securityPath ?? []), [securityPath]);
  const route = useMemo(
    () =>
      securityPath
        ? pathPoints(securityPath, doc, hall.id).map((p): [number, number, number] => [p.x, PATH_LINE_M, p.y])
        : [],
    [securityPath, doc, hall.id],
  );

  const doorTitle = (door: Door): string => {
    const watched = coverage.get(door.id);
    const cams = watched?.cameras.map((id) => cameraNames.get(id) ?? id) ?? [];
    const cctv = cams.length > 0 ? `seen by ${cams.join(', ')}` : watched?.declared ? 'CCTV declared' : 'no camera';
    return `${door.name}: ${door.control}; ${cctv}`;
  };

  return (
    <group name="security-overlay">
      {zones.map((zone) => {
        const props = {
          zone,
          hall,
          selected: selection.includes(zone.id),
          onPath: onPath.has(zone.id),
          selecting,
        };
        return zone.polygon ? (
          <PolygonZone key={zone.id} {...props} polygon={zone.polygon} />
        ) : (
          <WholeHallZone key={zone.id} {...props} />
        );
      })}
      {doors.map((door) => (
        <group key={door.id} name={`door-security-${door.id}`}>
          <DoorBadge
            door={door}
            selected={selection.includes(door.id)}
            onPath={onPath.has(door.id)}
            title={doorTitle(door)}
          />
          {onPath.has(door.id) ? <PathDoorMark door={door} /> : null}
        </group>
      ))}
      {cameras.map((camera) => (
        <CameraMarker key={camera.id} camera={camera} selected={selection.includes(camera.id)} selecting={selecting} />
      ))}
      {route.length >= 2 ? (
        // Drawn over everything: the way in matters more here than what stands in front of it.
        <Line points={route} color={PATH_COLOUR} lineWidth={4} depthTest={false} renderOrder={10} />
      ) : null}
    </group>
  );
}

export function SecurityOverlay({ hall }: { hall: Hall }) {
  const visible = useEditor(
    (s) => s.panel === 'security' || s.securityPath !== null || stopHighlight(s)?.kind === 'zones',
  );
  return visible ? <SecurityLayers hall={hall} /> : null;
}
