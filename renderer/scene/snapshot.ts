/**
 * A PNG of the 3D view as it stands, for the design report. The canvas keeps its drawing buffer
 * (Scene.tsx), so reading it back gives the last frame; null when there is no scene to read.
 */
export async function sceneSnapshot(): Promise<Uint8Array | null> {
  const canvas = document.querySelector<HTMLCanvasElement>('.scene-host canvas');
  if (!canvas || canvas.width === 0 || canvas.height === 0) return null;
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}
