/**
 * The racks' status LEDs in the presentation look: one InstancedMesh for every LED in the hall
 * (one or two a rack, see `rackLeds`), unlit and not tone-mapped so they glow. Level of detail: the
 * mesh is hidden while the camera is more than LED_LOD_M from the hall's box, where an LED would be
 * smaller than a pixel anyway; the check is one distance a frame.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Color, Object3D, PlaneGeometry, Vector3, type InstancedMesh } from 'three';
import type { CatalogView, Hall, Rack } from '../../../shared/index';
import type { DragPreview } from '../../store/documentStore';
import { yawForRotation } from '../geometry';
import { distanceToHall, LED_LOD_M, LED_SIZE_M, rackLeds, type LedState } from './layout';

const LED_COLOUR: Record<LedState, Color> = { ok: new Color('#35e06a'), warn: new Color('#ffb020') };
/** In front of the door panel (which stands 21 mm proud of the rack's front). */
const LED_PROUD_M = 0.026;
const UP = new Vector3(0, 1, 0);

export function RackLeds({
  hall,
  racks,
  catalog,
  drag,
}: {
  hall: Hall;
  racks: readonly Rack[];
  catalog: CatalogView;
  drag: DragPreview | null;
}) {
  const ref = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  // A plane facing −z, the racks' front.
  const geometry = useMemo(() => new PlaneGeometry(LED_SIZE_M, LED_SIZE_M).rotateY(Math.PI), []);
  useEffect(() => () => geometry.dispose(), [geometry]);

  const leds = useMemo(
    () =>
      racks.flatMap((rack) => {
        const type = catalog.rackType(rack.rackTypeId);
        return type ? rackLeds(rack, type).map((led) => ({ rack, led, depth: type.depthM })) : [];
      }),
    [racks, catalog],
  );
  const capacity = Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, leds.length))));

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const dummy = new Object3D();
    const offset = new Vector3();
    const dragged = drag ? new Set(drag.ids) : null;
    leds.forEach(({ rack, led, depth }, i) => {
      const moving = drag !== null && dragged!.has(rack.id);
      const yaw = yawForRotation(rack.rotationDeg);
      offset.set(led.x, led.y, -depth / 2 - LED_PROUD_M).applyAxisAngle(UP, yaw);
      dummy.position.set(
        rack.position.x + (moving ? drag.dx : 0) + offset.x,
        offset.y,
        rack.position.y + (moving ? drag.dy : 0) + offset.z,
      );
      dummy.rotation.set(0, yaw, 0);
      dummy.updateMatrix();
      mesh.setMatrixAt(i, dummy.matrix);
      mesh.setColorAt(i, LED_COLOUR[led.state]);
    });
    mesh.count = leds.length;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    invalidate();
  }, [leds, drag, invalidate, capacity]);

  const camera = useThree((s) => s.camera);
  useFrame(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const p = camera.position;
    mesh.visible = distanceToHall({ x: p.x, y: p.z, z: p.y }, hall) <= LED_LOD_M;
  });

  return (
    <instancedMesh
      key={capacity}
      name="rack-leds"
      ref={ref}
      args={[geometry, undefined, capacity]}
      raycast={() => null}
      frustumCulled={false}
    >
      <meshBasicMaterial toneMapped={false} />
    </instancedMesh>
  );
}
