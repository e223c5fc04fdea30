/**
 * Registers the 3D view's exports (an off-screen PNG, a GLB of what is on screen) in
 * `sceneExporter` while the canvas is mounted, over the renderer, scene and camera on screen.
 * Placed inside the R3F canvas; the export actions call the registry, so the dialog needs no
 * access to the canvas.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import {
  exportGlb,
  exportSiteGlb,
  HALL_MODEL,
  modelLabels,
  renderScreenshot,
  sceneExporter,
  siteModelLabels,
  SITE_MODEL,
  type SceneExporter,
} from './sceneExport';

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
        // The site view draws every hall (site/SiteView.tsx): its model is the whole site's, and says so.
        if (state.view === 'site') return { bytes: await exportSiteGlb(scene, siteModelLabels(doc)), what: SITE_MODEL };
        // Otherwise the scene draws the active hall (Scene.tsx).
        const hall = activeHall(state);
        if (!hall) throw new Error('This project has no hall to export.');
        return { bytes: await exportGlb(scene, modelLabels(doc, hall)), what: HALL_MODEL };
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
