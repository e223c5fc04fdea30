/**
 * Cable trays in the presentation look: a galvanised ladder tray above each row of racks, 0.6 m
 * over its tallest rack, hung from the ceiling on rods (drawn with the ceiling, in walk mode). Two
 * InstancedMeshes (trays, rods) of unit boxes scaled per instance, whatever the number of rows.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { BoxGeometry, Object3D, type InstancedMesh } from 'three';
import type { CatalogView, Hall, Rack } from '../../../shared/index';
import { useEnvironmentMap } from './environmentMap';
import { cableTrays } from './layout';

const TRAY_WIDTH_M = 0.45;
const TRAY_HEIGHT_M = 0.1;
const ROD_M = 0.02;
/** Hanger rods every so many metres along a tray, one each side. */
const ROD_PITCH_M = 2.4;

export function CableTrays({
  hall,
  racks,
  catalog,
  withRods,
}: {
  hall: Hall;
  racks: readonly Rack[];
  catalog: CatalogView;
  /** Draw the hanger rods up to the ceiling (only where the ceiling is drawn). */
  withRods: boolean;
}) {
  const trayRef = useRef<InstancedMesh>(null);
  const rodRef = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const envMap = useEnvironmentMap((s) => s.map);
  const box = useMemo(() => new BoxGeometry(1, 1, 1), []);
  useEffect(() => () => box.dispose(), [box]);

  const trays = useMemo(() => cableTrays(racks, catalog), [racks, catalog]);
  const rods = useMemo(
    () =>
      (withRods ? trays : []).flatMap((t) => {
        const n = Math.max(2, Math.round(t.length / ROD_PITCH_M) + 1);
        const out: { x: number; y: number; bottom: number }[] = [];
        for (let i = 0; i < n; i++) {
          const along = -t.length / 2 + 0.1 + ((t.length - 0.2) * i) / (n - 1);
          for (const side of [-1, 1]) {
            const across = (side * TRAY_WIDTH_M) / 2;
            out.push(
              t.alongX
                ? { x: t.x + along, y: t.y + across, bottom: t.bottom }
                : { x: t.x + across, y: t.y + along, bottom: t.bottom },
            );
          }
        }
        return out;
      }),
    [trays, withRods],
  );

  useLayoutEffect(() => {
    const trayMesh = trayRef.current;
    const rodMesh = rodRef.current;
    if (!trayMesh || !rodMesh) return;
    const dummy = new Object3D();
    trays.forEach((t, i) => {
      dummy.position.set(t.x, t.bottom + TRAY_HEIGHT_M / 2, t.y);
      dummy.scale.set(t.alongX ? t.length : TRAY_WIDTH_M, TRAY_HEIGHT_M, t.alongX ? TRAY_WIDTH_M : t.length);
      dummy.updateMatrix();
      trayMesh.setMatrixAt(i, dummy.matrix);
    });
    rods.forEach((r, i) => {
      const length = Math.max(0.05, hall.height - r.bottom);
      dummy.position.set(r.x, r.bottom + length / 2, r.y);
      dummy.scale.set(ROD_M, length, ROD_M);
      dummy.updateMatrix();
      rodMesh.setMatrixAt(i, dummy.matrix);
    });
    trayMesh.count = trays.length;
    rodMesh.count = rods.length;
    trayMesh.instanceMatrix.needsUpdate = true;
    rodMesh.instanceMatrix.needsUpdate = true;
    invalidate();
  }, [trays, rods, hall.height, invalidate]);

  return (
    <group name="cable-trays">
      <instancedMesh
        key={`trays-${trays.length}`}
        ref={trayRef}
        args={[box, undefined, Math.max(1, trays.length)]}
        raycast={() => null}
        frustumCulled={false}
      >
        <meshStandardMaterial color="#b9bec4" metalness={0.7} roughness={0.4} envMap={envMap} />
      </instancedMesh>
      <instancedMesh
        key={`rods-${rods.length}`}
        ref={rodRef}
        args={[box, undefined, Math.max(1, rods.length)]}
        raycast={() => null}
        frustumCulled={false}
      >
        <meshStandardMaterial color="#8b9097" metalness={0.6} roughness={0.5} envMap={envMap} />
      </instancedMesh>
    </group>
  );
}
