/**
 * Racks, drawn with one InstancedMesh per rack type (body) plus one for the front doors, so the
 * draw-call count does not grow with the rack count. Picking maps an instance id back to a rack.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { BoxGeometry, Color, Object3D, type InstancedMesh } from 'three';
import type { Rack, RackTypeSpec } from '../../shared/index';
import type { DragPreview, Look } from '../store/documentStore';
import { yawForRotation } from './geometry';
import { useEnvironmentMap } from './look/environmentMap';
import { canvasTexture, PERFORATION_TILE_M, perforationPixels } from './look/textures';

const BODY_COLOR: Record<string, string> = { miner: '#8a6d4b', default: '#2f3640' };
const SELECTED = new Color('#2f80ed');
const FRONT = new Color('#7fd1ff');
const FRONT_SELECTED = new Color('#ffffff');
/** The presentation look: dark steel racks; the perforated door shows its texture's own colours. */
const PRESENTATION_BODY: Record<string, string> = { miner: '#5a4e42', default: '#3a4049' };
const DOOR = new Color('#ffffff');
const DOOR_SELECTED = new Color('#8fc3ff');

/** Capacity grows in powers of two so adding racks one by one does not rebuild the mesh each time. */
function capacityFor(n: number): number {
  return Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, n))));
}

export interface RackTypeInstancesProps {
  rackType: RackTypeSpec;
  racks: Rack[];
  selection: ReadonlySet<string>;
  /** Colour per rack id (hex); racks without one keep their type's colour. */
  tints: ReadonlyMap<string, string>;
  drag: DragPreview | null;
  onRackPointerDown: (rack: Rack, e: ThreeEvent<PointerEvent>) => void;
  onRackContextMenu: (rack: Rack, e: ThreeEvent<MouseEvent>) => void;
  /** The presentation look draws dark steel bodies and perforated doors (docs/presentation.md). */
  look?: Look;
}

export function RackTypeInstances({
  rackType,
  racks,
  selection,
  tints,
  drag,
  onRackPointerDown,
  onRackContextMenu,
  look = 'engineering',
}: RackTypeInstancesProps) {
  const presentation = look === 'presentation';
  const envMap = useEnvironmentMap((s) => s.map);
  const bodyRef = useRef<InstancedMesh>(null);
  const frontRef = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const capacity = capacityFor(racks.length);
  const { widthM: w, depthM: d, heightM: h } = rackType;

  const bodyGeometry = useMemo(() => new BoxGeometry(w, h, d).translate(0, h / 2, 0), [w, h, d]);
  // The front door: a thin panel just proud of the −Z face, marking where the rack breathes in.
  const frontGeometry = useMemo(() => {
    const g = new BoxGeometry(w * 0.86, h * 0.9, 0.02).translate(0, h * 0.5, -d / 2 - 0.011);
    // One unit of uv per PERFORATION_TILE_M, so the door texture repeats at its real scale.
    const uv = g.getAttribute('uv');
    for (let i = 0; i < uv.count; i++)
      uv.setXY(i, (uv.getX(i) * w * 0.86) / PERFORATION_TILE_M, (uv.getY(i) * h * 0.9) / PERFORATION_TILE_M);
    return g;
  }, [w, h, d]);
  useEffect(() => () => bodyGeometry.dispose(), [bodyGeometry]);
  useEffect(() => () => frontGeometry.dispose(), [frontGeometry]);
  const doorTexture = useMemo(() => (presentation ? canvasTexture(perforationPixels(), 4) : null), [presentation]);
  useEffect(() => () => doorTexture?.dispose(), [doorTexture]);
  const baseColor = useMemo(() => {
    const palette = presentation ? PRESENTATION_BODY : BODY_COLOR;
    return new Color(rackType.id.startsWith('miner') ? palette.miner : palette.default);
  }, [rackType.id, presentation]);
  const frontColour = presentation ? DOOR : FRONT;
  const frontSelected = presentation ? DOOR_SELECTED : FRONT_SELECTED;

  useLayoutEffect(() => {
    const body = bodyRef.current;
    const front = frontRef.current;
    if (!body || !front) return;
    const dummy = new Object3D();
    const dragged = drag ? new Set(drag.ids) : null;
    const colours = new Map<string, Color>();
    const colourOf = (hex: string) => {
      let c = colours.get(hex);
      if (!c) colours.set(hex, (c = new Color(hex)));
      return c;
    };
    racks.forEach((rack, i) => {
      const moving = dragged?.has(rack.id) ?? false;
      dummy.position.set(rack.position.x + (moving ? drag!.dx : 0), 0, rack.position.y + (moving ? drag!.dy : 0));
      dummy.rotation.set(0, yawForRotation(rack.rotationDeg), 0);
      dummy.updateMatrix();
      body.setMatrixAt(i, dummy.matrix);
      front.setMatrixAt(i, dummy.matrix);
      const selected = selection.has(rack.id);
      const tint = tints.get(rack.id);
      body.setColorAt(i, selected ? SELECTED : tint ? colourOf(tint) : baseColor);
      front.setColorAt(i, selected ? frontSelected : frontColour);
    });
    body.count = racks.length;
    front.count = racks.length;
    for (const mesh of [body, front]) {
      mesh.instanceMatrix.needsUpdate = true;
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
      mesh.computeBoundingSphere();
    }
    invalidate();
  }, [racks, selection, tints, drag, baseColor, frontColour, frontSelected, invalidate, capacity]);

  const onPointerDown = (e: ThreeEvent<PointerEvent>) => {
    const rack = e.instanceId !== undefined ? racks[e.instanceId] : undefined;
    if (rack) onRackPointerDown(rack, e);
  };
  const onContextMenu = (e: ThreeEvent<MouseEvent>) => {
    const rack = e.instanceId !== undefined ? racks[e.instanceId] : undefined;
    if (rack) onRackContextMenu(rack, e);
  };

  return (
    <group name={`racks:${rackType.id}`}>
      <instancedMesh
        key={`body-${capacity}`}
        ref={bodyRef}
        args={[bodyGeometry, undefined, capacity]}
        onPointerDown={onPointerDown}
        onContextMenu={onContextMenu}
        // A click on a rack must not fall through to the floor behind it (which clears the selection).
        onClick={(e) => e.stopPropagation()}
        frustumCulled={false}
      >
        {presentation ? (
          <meshStandardMaterial key="presentation" metalness={0.35} roughness={0.5} envMap={envMap} />
        ) : (
          <meshStandardMaterial key="engineering" />
        )}
      </instancedMesh>
      <instancedMesh
        key={`front-${capacity}`}
        ref={frontRef}
        args={[frontGeometry, undefined, capacity]}
        raycast={() => null}
        frustumCulled={false}
      >
        {doorTexture ? (
          <meshStandardMaterial key="presentation" map={doorTexture} metalness={0.4} roughness={0.55} envMap={envMap} />
        ) : (
          <meshStandardMaterial key="engineering" emissive="#1b6f99" emissiveIntensity={0.4} />
        )}
      </instancedMesh>
    </group>
  );
}
