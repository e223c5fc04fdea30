/**
 * Export the 3D view: a PNG rendered off-screen at the size asked for, or the facility as a GLB.
 * The mounted scene makes the bytes (renderer/scene/sceneExport.ts), the host saves them like the
 * other exports. Each action returns the host's result (ok null when the user cancels) or the reason it failed.
 */
import type { HostResult, ProjectDocument, SavedFile } from '../../shared/index';
import { host } from '../platform/host';
import { sceneExporter, type SceneExporter } from '../scene/sceneExport';
import { exportFileName } from './fileName';

type ExportResult = HostResult<SavedFile | null>;

async function bytesFrom<T>(make: (exporter: SceneExporter) => Promise<T>): Promise<HostResult<T>> {
  const exporter = sceneExporter.current;
  if (!exporter) return { ok: false, error: 'The 3D view is not open, so there is nothing to export.' };
  try {
    return { ok: true, value: await make(exporter) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The current view as a `width` × `height` PNG. */
export async function exportScreenshot(doc: ProjectDocument, width: number, height: number): Promise<ExportResult> {
  const png = await bytesFrom((exporter) => exporter.screenshot(width, height));
  if (!png.ok) return png;
  const suggestedName = exportFileName(doc.name, `3D view ${width}x${height}`, 'png');
  return host.exportFile({ format: 'png', suggestedName, bytes: png.value });
}

/** What is on screen as a glTF binary: the facility in the hall, or the whole site from the site view (named so). */
export async function exportModel(doc: ProjectDocument): Promise<ExportResult> {
  const glb = await bytesFrom((exporter) => exporter.glb());
  if (!glb.ok) return glb;
  return host.exportFile({
    format: 'glb',
    suggestedName: exportFileName(doc.name, glb.value.what, 'glb'),
    bytes: glb.value.bytes,
  });
}
