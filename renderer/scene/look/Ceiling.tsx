/**
 * The ceiling in the presentation look: a plane at the hall's height facing down, with light
 * fittings (one InstancedMesh of glowing strips). Drawn in walk mode only, so it never hides the
 * hall from the orbit or plan views above it; being single-sided, it would be invisible from
 * above anyway.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { BoxGeometry, Object3D, type InstancedMesh } from 'three';
import type { Hall } from '../../../shared/index';
import { ceilingLights } from './layout';

const FITTING: [number, number, number] = [1.2, 0.04, 0.18];

export function Ceiling({ hall }: { hall: Hall }) {
  const ref = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const lights = useMemo(() => ceilingLights(hall.width, hall.depth), [hall.width, hall.depth]);
  const geometry = useMemo(() => new BoxGeometry(...FITTING), []);
  useEffect(() => () => geometry.dispose(), [geometry]);

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const dummy = new Object3D();
    lights.forEach((l, i) => {
      dummy.position.set(l.x, hall.height - FITTING[1] / 2 - 0.01, l.y);
      dummy.updateMatrix();
      mesh.setMatrixAt(i, dummy.matrix);
    });
    mesh.count = lights.length;
    mesh.instanceMatrix.needsUpdate = true;
    invalidate();
  }, [lights, hall.height, invalidate]);

  return (
    <group name="ceiling">
      <mesh
        position={[hall.width / 2, hall.height, hall.depth / 2]}
        rotation={[Math.PI / 2, 0, 0]}
        raycast={() => null}
      >
        <planeGeometry args={[hall.width, hall.depth]} />
        <meshStandardMaterial color="#d8dbde" emissive="#4a4e54" roughness={0.95} />
      </mesh>
      <instancedMesh
        key={lights.length}
        ref={ref}
        args={[geometry, undefined, Math.max(1, lights.length)]}
        raycast={() => null}
        frustumCulled={false}
      >
        <meshBasicMaterial color="#fffdf6" toneMapped={false} />
      </instancedMesh>
    </group>
  );
}
