/**
 * Registers the 3D view's exports (an off-screen PNG, a GLB of the facility) in `sceneExporter`
 * while the canvas is mounted, over the renderer, scene and camera on screen. Placed inside the
 * R3F canvas; the export actions call the registry, so the dialog needs no access to the canvas.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import { exportGlb, modelLabels, renderScreenshot, sceneExporter, type SceneExporter } from './sceneExport';

export function SceneExportBridge() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    const exporter: SceneExporter = {
      screenshot: (width, height) => renderScreenshot(gl, scene, camera, width, height),
      glb: async () => {
        const state = useEditor.getState();
        const { doc } = state;
        // The scene draws the active hall (Scene.tsx).
        const hall = activeHall(state);
        if (!hall) throw new Error('This project has no hall to export.');
        return exportGlb(scene, modelLabels(doc, hall));
      },
    };
    sceneExporter.current = exporter;
    return () => {
      // A newer registration (another camera) is not undone by this one's cleanup.
      if (sceneExporter.current === exporter) sceneExporter.current = null;
    };
  }, [gl, scene, camera]);
  return null;
}
