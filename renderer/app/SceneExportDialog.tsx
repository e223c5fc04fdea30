/**
 * Export the 3D view: a PNG of the current camera's view at a chosen resolution (rendered
 * off-screen, so any size up to 4K whatever the window's), or the facility as a glTF binary (GLB).
 */
import { useState } from 'react';
import { exportModel, exportScreenshot } from '../export/sceneExportActions';
import { MAX_SHOT_SIDE, MIN_SHOT_SIDE, shotSizeError } from '../scene/sceneExport';
import { useEditor } from '../store/editor';
import { useEscapeToClose } from './useEscapeToClose';

const PRESETS = [
  { label: '1280 × 720', width: 1280, height: 720 },
  { label: '1920 × 1080', width: 1920, height: 1080 },
  { label: '2560 × 1440', width: 2560, height: 1440 },
  { label: '3840 × 2160 (4K)', width: 3840, height: 2160 },
] as const;

type Outcome = { kind: 'error' | 'info'; text: string };

/** Resolves once the browser has painted: the busy state shows before a large render holds the page for a moment. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

export function SceneExportDialog({ onClose }: { onClose: () => void }) {
  const doc = useEditor((s) => s.doc);
  const siteView = useEditor((s) => s.view === 'site');
  const [preset, setPreset] = useState<number | 'custom'>(1);
  const [custom, setCustom] = useState({ width: '1920', height: '1080' });
  const [busy, setBusy] = useState<'png' | 'glb' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEscapeToClose(onClose);

  const size = preset === 'custom' ? { width: Number(custom.width), height: Number(custom.height) } : PRESETS[preset]!;
  const sizeError = shotSizeError(size.width, size.height);

  const run = async (kind: 'png' | 'glb') => {
    setBusy(kind);
    setOutcome(null);
    try {
      await afterPaint();
      const result = kind === 'png' ? await exportScreenshot(doc, size.width, size.height) : await exportModel(doc);
      if (!result.ok) setOutcome({ kind: 'error', text: result.error });
      else if (result.value) setOutcome({ kind: 'info', text: `Saved ${result.value.name}.` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal narrow"
        role="dialog"
        aria-modal="true"
        aria-label="Export the 3D view"
        // The editor's shortcuts (R rotates, Delete removes…) must not act on the design behind the dialog.
        onKeyDown={(e) => e.stopPropagation()}
      >
        <header>
          <h2>Export the 3D view</h2>
          <button onClick={onClose}>Close (Esc)</button>
        </header>
        <fieldset disabled={busy !== null}>
          <legend>PNG resolution</legend>
          {PRESETS.map((p, i) => (
            <label key={p.label} className="check">
              <input type="radio" name="shot-size" checked={preset === i} onChange={() => setPreset(i)} />
              {p.label}
            </label>
          ))}
          <label className="check">
            <input type="radio" name="shot-size" checked={preset === 'custom'} onChange={() => setPreset('custom')} />
            Custom
          </label>
          {preset === 'custom' ? (
            <>
              {(['width', 'height'] as const).map((side) => (
                <label key={side} className="setting">
                  <span>{side === 'width' ? 'Width (px)' : 'Height (px)'}</span>
                  <input
                    type="number"
                    min={MIN_SHOT_SIDE}
                    max={MAX_SHOT_SIDE}
                    step={1}
                    value={custom[side]}
                    onChange={(e) => setCustom({ ...custom, [side]: e.target.value })}
                  />
                </label>
              ))}
              {sizeError ? <p className="hint">{sizeError}</p> : null}
            </>
          ) : null}
        </fieldset>
        <p className="hint">
          The PNG shows the current view, rendered off-screen at that size.{' '}
          {siteView
            ? 'The GLB holds the whole site: every hall’s floor, walls and doors, and every rack (by name, under its hall, in its colour on screen).'
            : 'The GLB holds the hall’s floor, walls and doors, the racks (by name, in their colours on screen), cooling units and containment.'}
        </p>
        <div className="buttons">
          <button disabled={busy !== null || sizeError !== null} onClick={() => void run('png')} autoFocus>
            {busy === 'png' ? `Rendering ${size.width} × ${size.height}…` : 'Export PNG'}
          </button>
          <button disabled={busy !== null} onClick={() => void run('glb')}>
            {busy === 'glb' ? 'Writing the GLB…' : 'Export GLB'}
          </button>
        </div>
        {outcome ? (
          <p className={`notice ${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'}>
            {outcome.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
