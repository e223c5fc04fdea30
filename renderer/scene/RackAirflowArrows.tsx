/**
 * Air through each air-cooled rack, front to back, as arrows above the rack (one InstancedMesh
 * for the shafts and one for the heads, so 10,000 racks cost two draw calls). Shown while racks
 * are coloured by cooling; the head points where the exhaust goes.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { ConeGeometry, CylinderGeometry, Object3D, type InstancedMesh } from 'three';
import { catalogFor, type Hall } from '../../shared/index';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { yawForRotation } from './geometry';
import { hallRacksOf } from './hallIndex';

const COLOUR = '#d9622b';
const ABOVE_M = 0.25;

export function RackAirflowArrows({ hall }: { hall: Hall }) {
  const hallRacks = useEditor((s) => hallRacksOf(s.doc.racks, hall.id));
  const customDevices = useEditor((s) => s.doc.customDevices);
  const { cooling } = useChecks();
  const shaftRef = useRef<InstancedMesh>(null);
  const headRef = useRef<InstancedMesh>(null);
  const racks = useMemo(
    () => hallRacks.filter((r) => (cooling.racks.get(r.id)?.airflowM3s ?? 0) > 0),
    [hallRacks, cooling],
  );
  // Along local +z (front → back), lying flat: cylinders and cones are built along +y.
  const shaft = useMemo(() => new CylinderGeometry(0.04, 0.04, 1, 6).rotateX(Math.PI / 2), []);
  const head = useMemo(() => new ConeGeometry(0.12, 0.3, 10).rotateX(Math.PI / 2), []);
  const catalog = useMemo(() => catalogFor({ customDevices }), [customDevices]);

  useLayoutEffect(() => {
    const s = shaftRef.current;
    const h = headRef.current;
    if (!s || !h) return;
    const o = new Object3D();
    racks.forEach((r, i) => {
      const type = catalog.rackType(r.rackTypeId);
      const depth = type?.depthM ?? 1.2;
      const top = (type?.heightM ?? 2.2) + ABOVE_M;
      o.position.set(r.position.x, top, r.position.y);
      o.rotation.set(0, yawForRotation(r.rotationDeg), 0);
      o.scale.set(1, 1, depth);
      o.updateMatrix();
      s.setMatrixAt(i, o.matrix);
      o.scale.set(1, 1, 1);
      o.translateZ(depth / 2 + 0.15);
      o.updateMatrix();
      h.setMatrixAt(i, o.matrix);
    });
    s.count = racks.length;
    h.count = racks.length;
    s.instanceMatrix.needsUpdate = true;
    h.instanceMatrix.needsUpdate = true;
  }, [racks, catalog]);

  const capacity = Math.max(1, racks.length);
  return (
    <group name="rack-airflow">
      <instancedMesh key={`s${capacity}`} ref={shaftRef} args={[shaft, undefined, capacity]} raycast={() => null}>
        <meshBasicMaterial color={COLOUR} />
      </instancedMesh>
      <instancedMesh key={`h${capacity}`} ref={headRef} args={[head, undefined, capacity]} raycast={() => null}>
        <meshBasicMaterial color={COLOUR} />
      </instancedMesh>
    </group>
  );
}
