/** The 3D view: a CAD-like orbit/pan/zoom perspective, a top-down orthographic plan, or the whole site (site/). */
import { OrbitControls, OrthographicCamera, PerspectiveCamera } from '@react-three/drei';
import { Canvas, useThree } from '@react-three/fiber';
import { MOUSE } from 'three';
import type { Hall } from '../../shared/index';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import { Ceiling } from './look/Ceiling';
import { PresentationEnvironment } from './look/PresentationEnvironment';
import { SceneContent } from './SceneContent';
import { SceneExportBridge } from './SceneExportBridge';
import { SiteCameras, SiteContent } from './site/SiteView';
import { TestBridgeInstaller } from './TestBridge';
import { TourDriver } from './TourDriver';
import { WalkControls } from './WalkControls';

function PlanCamera({ hall }: { hall: Hall }) {
  const size = useThree((s) => s.size);
  // Fit the hall with a margin: pixels per metre along the tighter axis.
  const zoom = 0.9 * Math.min(size.width / (hall.width + 4), size.height / (hall.depth + 4));
  return (
    <OrthographicCamera
      makeDefault
      position={[hall.width / 2, 100, hall.depth / 2]}
      up={[0, 0, -1]}
      zoom={zoom}
      near={0.1}
      far={1000}
      onUpdate={(c) => c.lookAt(hall.width / 2, 0, hall.depth / 2)}
    />
  );
}

function Cameras({ hall }: { hall: Hall }) {
  const view = useEditor((s) => s.view);
  const target: [number, number, number] = [hall.width / 2, 0, hall.depth / 2];
  if (view === 'walk') {
    return (
      <>
        <PerspectiveCamera makeDefault fov={70} near={0.05} far={500} />
        <WalkControls hall={hall} />
      </>
    );
  }
  if (view === 'plan') {
    return (
      <>
        <PlanCamera hall={hall} />
        <OrbitControls
          key="plan"
          makeDefault
          target={target}
          enableRotate={false}
          screenSpacePanning
          mouseButtons={{ LEFT: MOUSE.PAN, MIDDLE: MOUSE.PAN, RIGHT: MOUSE.PAN }}
        />
      </>
    );
  }
  return (
    <>
      <PerspectiveCamera
        makeDefault
        fov={45}
        near={0.1}
        far={2000}
        position={[hall.width / 2, 0.8 * hall.width, hall.depth / 2 + 0.6 * hall.width]}
      />
      <OrbitControls
        key="perspective"
        makeDefault
        target={target}
        maxPolarAngle={Math.PI / 2 - 0.02}
        mouseButtons={{ LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN }}
      />
    </>
  );
}

export function Scene() {
  const hall = useEditor(activeHall);
  const placing = useEditor((s) => s.tool.kind === 'place-rack');
  const presentation = useEditor((s) => s.look === 'presentation');
  const walking = useEditor((s) => s.view === 'walk');
  const site = useEditor((s) => s.view === 'site');
  if (!hall) return <div className="scene-empty">This project has no hall.</div>;
  return (
    <Canvas
      className={placing ? 'scene placing' : 'scene'}
      frameloop="demand"
      dpr={[1, 2]}
      gl={{ preserveDrawingBuffer: true, antialias: true }}
      onContextMenu={(e) => e.preventDefault()}
      data-testid="scene"
    >
      <color attach="background" args={['#eef1f4']} />
      {/* The presentation look takes some of its light from its environment map (look/PresentationEnvironment). */}
      <ambientLight intensity={presentation ? 0.3 : 0.7} />
      <directionalLight position={[hall.width * 0.3, 40, hall.depth * 0.2]} intensity={presentation ? 1.2 : 1.6} />
      <hemisphereLight args={['#ffffff', '#8d96a0', 0.5]} />
      {presentation && !site ? <PresentationEnvironment hall={hall} /> : null}
      {presentation && walking ? <Ceiling hall={hall} /> : null}
      {site ? (
        <>
          <SiteCameras />
          <SiteContent />
        </>
      ) : (
        <>
          <Cameras hall={hall} />
          <SceneContent hall={hall} />
        </>
      )}
      <TourDriver />
      <SceneExportBridge />
      <TestBridgeInstaller />
    </Canvas>
  );
}
