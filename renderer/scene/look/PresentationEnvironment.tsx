/**
 * The presentation look's lighting, all made here and nothing fetched (no HDR files, no drei
 * presets, which download from a CDN):
 *
 * - an environment map for the racks' and trays' reflections, rendered once (`frames={1}`, 128² a
 *   face) from a few Lightformers: rows of ceiling strip lights, a bright end wall and a dim floor
 *   bounce (look/environmentMap.ts says why only those materials take it);
 * - contact shadows under racks and floor-standing units, baked on the CPU from the plan
 *   (look/shadows.ts) into an alpha texture over the floor, baked again only when the racks or
 *   units change. No shadow maps and no shadow pass: a frame draws one textured plane.
 */
import { Environment, Lightformer } from '@react-three/drei';
import { memo, useEffect, useMemo, useState } from 'react';
import { ClampToEdgeWrapping, Scene } from 'three';
import { catalogFor, type Hall } from '../../../shared/index';
import { useEditor } from '../../store/editor';
import { hallRacksOf } from '../hallIndex';
import { useEnvironmentMap } from './environmentMap';
import { contactShadowPixels, footprints } from './shadows';
import { canvasTexture } from './textures';

/** The virtual studio the environment map is rendered from: a room of lights around the origin. */
const Studio = memo(function Studio() {
  // Environment sets its map on this private scene's `environment`; the look's metal parts take it from there.
  const [target] = useState(() => new Scene());
  useEffect(() => {
    useEnvironmentMap.setState({ map: target.environment });
    return () => useEnvironmentMap.setState({ map: null });
  }, [target]);
  return (
    <Environment scene={target} frames={1} resolution={128}>
      <color attach="background" args={['#2a2e33']} />
      {[-6, -2, 2, 6].map((x) => (
        <Lightformer
          key={x}
          form="rect"
          intensity={2.5}
          color="#fff8ee"
          position={[x, 6, 0]}
          rotation-x={Math.PI / 2}
          scale={[1, 14, 1]}
        />
      ))}
      <Lightformer form="rect" intensity={1.2} color="#dfe8f2" position={[0, 2, -12]} scale={[20, 4, 1]} />
      <Lightformer
        form="rect"
        intensity={0.5}
        color="#c9cdd2"
        position={[0, -4, 0]}
        rotation-x={-Math.PI / 2}
        scale={[30, 30, 1]}
      />
    </Environment>
  );
});

/** The baked contact shadows (look/shadows.ts) on a plane just above the floor; baked again when racks or units change. */
function FloorShadows({ hall }: { hall: Hall }) {
  const racks = useEditor((s) => hallRacksOf(s.doc.racks, hall.id));
  const cooling = useEditor((s) => s.doc.cooling);
  const customDevices = useEditor((s) => s.doc.customDevices);
  const texture = useMemo(() => {
    const catalog = catalogFor({ customDevices });
    const t = canvasTexture(contactShadowPixels(footprints(hall.id, racks, cooling, catalog), hall.width, hall.depth));
    t.wrapS = t.wrapT = ClampToEdgeWrapping;
    return t;
  }, [hall.id, hall.width, hall.depth, racks, cooling, customDevices]);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    <mesh
      name="contact-shadows"
      rotation={[-Math.PI / 2, 0, 0]}
      position={[hall.width / 2, 0.004, hall.depth / 2]}
      raycast={() => null}
      renderOrder={-1}
    >
      <planeGeometry args={[hall.width, hall.depth]} />
      <meshBasicMaterial map={texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
}

export function PresentationEnvironment({ hall }: { hall: Hall }) {
  return (
    <>
      <Studio />
      <FloorShadows hall={hall} />
    </>
  );
}
