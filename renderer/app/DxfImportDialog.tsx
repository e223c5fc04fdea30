/**
 * Import DXF…: a floor plan from a CAD drawing (docs/import.md). Pick a .dxf file, choose the
 * layers that draw the walls and the units it was drawn in, see the walls and the plan's size, and
 * import them as a new hall or into the hall on screen, in one undoable step.
 *
 * The file is read here in the renderer through a file input, which works in the desktop app and
 * in web mode alike; nothing leaves the machine.
 */
import { useMemo, useState } from 'react';
import {
  DXF_UNIT_NAMES,
  DXF_UNITS,
  dxfSizeProblem,
  planFromDxf,
  plural,
  readDxf,
  type DxfDrawing,
  type DxfLayer,
  type DxfPlan,
  type DxfUnits,
} from '../../shared/index';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import { freeHallCode } from '../store/hallCommands';
import { importPlanAsHall, importPlanIntoHall } from '../store/importCommands';
import { QuantityInput } from './QuantityInput';
import { useUnits } from './units';
import { useEscapeToClose } from './useEscapeToClose';

/** Layers whose names say they draw walls ("A-WALL", "Walls", "WALL-EXT") start chosen. */
const WALL_LAYER = /wall/i;
/** A wall as thick as a typical partition, m; the user sets the real one. */
const DEFAULT_THICKNESS_M = 0.2;

interface Loaded {
  fileName: string;
  drawing: DxfDrawing;
}

/** Resolves once the browser has painted, so "Reading…" shows before a large file holds the page. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

function layerCounts(l: DxfLayer): string {
  const parts = [
    l.lines > 0 ? plural(l.lines, 'line') : '',
    l.lwpolylines + l.polylines > 0 ? plural(l.lwpolylines + l.polylines, 'polyline') : '',
    ...Object.entries(l.unread).map(([type, n]) => `${n} ${type} (not read)`),
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : 'empty';
}

/** The walls as one SVG path, in plan metres (y down, as the plan view shows it). */
function wallPath(plan: DxfPlan): string {
  return plan.walls.map(({ a, b }) => `M${a.x} ${a.y}L${b.x} ${b.y}`).join('');
}

/** The File group's "Import DXF…" button with the dialog it opens. */
export function DxfImportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)} title="Import the walls of a DXF floor plan as a new hall or into this one">
        Import DXF…
      </button>
      {open ? <DxfImportDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function DxfImportDialog({ onClose }: { onClose: () => void }) {
  const current = useEditor(activeHall);
  const units = useUnits();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [layers, setLayers] = useState<ReadonlySet<string>>(new Set());
  const [drawingUnits, setDrawingUnits] = useState<DxfUnits | null>(null);
  const [thickness, setThickness] = useState(DEFAULT_THICKNESS_M);
  const [target, setTarget] = useState<'new' | 'current'>('new');
  const [name, setName] = useState('');
  const [code, setCode] = useState(() => freeHallCode(useEditor.getState().doc));
  const [height, setHeight] = useState(() => current?.height ?? 5);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEscapeToClose(onClose);

  const wallHeight = target === 'current' && current ? current.height : height;
  const result = useMemo(() => {
    if (!loaded || drawingUnits === null) return null;
    return planFromDxf(loaded.drawing, {
      layers: [...layers],
      units: drawingUnits,
      wallThicknessM: thickness,
      wallHeightM: wallHeight,
    });
  }, [loaded, layers, drawingUnits, thickness, wallHeight]);
  const plan = result?.ok ? result.plan : null;

  const readFile = async (file: File | undefined) => {
    setLoaded(null);
    setReadError(null);
    setRefusal(null);
    if (!file) return;
    const tooLarge = dxfSizeProblem(file.size);
    if (tooLarge !== null) return setReadError(tooLarge);
    setReading(true);
    try {
      await afterPaint();
      const read = readDxf(await file.text());
      if (!read.ok) return setReadError(`${file.name}: ${read.error}`);
      const { drawing } = read;
      setLoaded({ fileName: file.name, drawing });
      setLayers(new Set(drawing.layers.filter((l) => WALL_LAYER.test(l.name)).map((l) => l.name)));
      setDrawingUnits(drawing.detectedUnits);
      setName(file.name.replace(/\.dxf$/i, ''));
    } catch (e) {
      setReadError(`${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setReading(false);
    }
  };

  const toggle = (layer: string) => {
    const next = new Set(layers);
    if (next.has(layer)) next.delete(layer);
    else next.add(layer);
    setLayers(next);
    setRefusal(null);
  };

  const runImport = () => {
    if (!plan) return;
    const { doc: now, run, setActiveHall, notify } = useEditor.getState();
    const hall = activeHall(useEditor.getState());
    const edit =
      target === 'new'
        ? importPlanAsHall(now, plan, { name, code, height, buildingId: hall?.buildingId ?? null })
        : hall
          ? importPlanIntoHall(now, hall.id, plan)
          : ({ ok: false, reason: 'There is no hall to import into.' } as const);
    if (!edit.ok) return setRefusal(edit.reason);
    run(edit.command);
    if (edit.id !== undefined) setActiveHall(edit.id);
    const into = target === 'new' ? `as ${name.trim()} (${code.trim().toUpperCase()})` : `into ${hall?.name}`;
    notify({
      kind: 'info',
      text: `Imported ${plural(plan.walls.length, 'wall')} from ${loaded?.fileName} ${into}.`,
      details: plan.warnings,
    });
    onClose();
  };

  const pad = plan ? Math.max(plan.widthM, plan.depthM, 1) * 0.03 : 0;
  const frame = target === 'current' && current ? current : plan ? { width: plan.widthM, depth: plan.depthM } : null;

  return (
    <div className="modal-backdrop">
      <div
        className="modal dxf-import"
        role="dialog"
        aria-modal="true"
        aria-label="Import a DXF floor plan"
        data-testid="dxf-import-dialog"
        // The editor's shortcuts (R rotates, Delete removes…) must not act on the design behind the dialog.
        onKeyDown={(e) => e.stopPropagation()}
      >
        <header>
          <h2>Import a DXF floor plan</h2>
          <button onClick={onClose}>Close (Esc)</button>
        </header>
        <label className="setting">
          <span>DXF file (ASCII, up to 50 MB)</span>
          <input
            type="file"
            accept=".dxf,.DXF"
            aria-label="DXF file"
            disabled={reading}
            onChange={(e) => void readFile(e.currentTarget.files?.[0])}
          />
        </label>
        {reading ? <p className="hint">Reading the drawing…</p> : null}
        {readError !== null ? (
          <p className="notice error" role="alert" data-testid="dxf-read-error">
            {readError}
          </p>
        ) : null}
        {loaded ? (
          <div className="dxf-body">
            <div className="dxf-options">
              <fieldset>
                <legend>Layers that draw walls</legend>
                {loaded.drawing.layers.length === 0 ? <p className="hint">The drawing has no layers.</p> : null}
                <ul className="dxf-layers">
                  {loaded.drawing.layers.map((l) => (
                    <li key={l.name}>
                      <label className="check" data-testid={`dxf-layer-${l.name}`}>
                        <input type="checkbox" checked={layers.has(l.name)} onChange={() => toggle(l.name)} />
                        <span className="dxf-layer-name">{l.name}</span>
                        <small>{layerCounts(l)}</small>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <fieldset>
                <legend>Units</legend>
                <p className="hint" data-testid="dxf-units-note">
                  Drawing units: {loaded.drawing.unitsNote}.
                </p>
                <label className="setting">
                  <span>Drawn in</span>
                  <select
                    aria-label="Drawing units"
                    value={drawingUnits ?? ''}
                    onChange={(e) =>
                      setDrawingUnits(e.currentTarget.value === '' ? null : (e.currentTarget.value as DxfUnits))
                    }
                  >
                    <option value="">Choose…</option>
                    {DXF_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {DXF_UNIT_NAMES[u]} ({u})
                      </option>
                    ))}
                  </select>
                </label>
                <QuantityInput label="Wall thickness" quantity="size" value={thickness} onCommit={setThickness} />
              </fieldset>
              <fieldset>
                <legend>Import</legend>
                <label className="check">
                  <input type="radio" name="dxf-target" checked={target === 'new'} onChange={() => setTarget('new')} />
                  As a new hall, sized to the plan
                </label>
                {target === 'new' ? (
                  <>
                    <label className="setting">
                      <span>Name</span>
                      <input
                        aria-label="Hall name"
                        value={name}
                        onChange={(e) => {
                          setName(e.currentTarget.value);
                          setRefusal(null);
                        }}
                      />
                    </label>
                    <label className="setting">
                      <span>Code (starts rack names)</span>
                      <input
                        aria-label="Hall code"
                        value={code}
                        onChange={(e) => {
                          setCode(e.currentTarget.value);
                          setRefusal(null);
                        }}
                      />
                    </label>
                    <QuantityInput label="Ceiling height" quantity="length" value={height} onCommit={setHeight} />
                  </>
                ) : null}
                <label className="check">
                  <input
                    type="radio"
                    name="dxf-target"
                    checked={target === 'current'}
                    disabled={!current}
                    onChange={() => setTarget('current')}
                  />
                  Into the current hall
                  {current
                    ? `, ${current.name} (${units.fmt(current.width, 'length')} × ${units.fmt(current.depth, 'length')})`
                    : ''}
                </label>
                {target === 'current' && current ? (
                  <p className="hint">
                    The plan&apos;s corner goes on the hall&apos;s origin; walls are as tall as its ceiling,{' '}
                    {units.fmt(current.height, 'length')}.
                  </p>
                ) : null}
              </fieldset>
            </div>
            <div className="dxf-result">
              {drawingUnits === null ? (
                <p className="hint">Choose the units the drawing was made in.</p>
              ) : result && !result.ok ? (
                <p className="notice error" role="alert" data-testid="dxf-plan-error">
                  {result.error}
                </p>
              ) : null}
              {plan && frame ? (
                <>
                  <p data-testid="dxf-plan-size">
                    Plan {units.fmt(plan.widthM, 'length')} × {units.fmt(plan.depthM, 'length')},{' '}
                    {plural(plan.walls.length, 'wall')}
                    {plan.skipped.arcs > 0 ? `; ${plural(plan.skipped.arcs, 'arc')} skipped` : ''}
                    {plan.skipped.other > 0
                      ? `; ${plan.skipped.other} other entit${plan.skipped.other === 1 ? 'y' : 'ies'} skipped`
                      : ''}
                  </p>
                  <svg
                    className="dxf-preview"
                    data-testid="dxf-preview"
                    role="img"
                    aria-label={`Preview of ${plural(plan.walls.length, 'wall')}, as the plan view will show them`}
                    viewBox={`${-pad} ${-pad} ${Math.max(frame.width, plan.widthM) + 2 * pad} ${Math.max(frame.depth, plan.depthM) + 2 * pad}`}
                  >
                    <rect className="dxf-frame" x={0} y={0} width={frame.width} height={frame.depth} />
                    <path className="dxf-walls" d={wallPath(plan)} />
                  </svg>
                  {plan.warnings.length > 0 ? (
                    <ul className="dxf-warnings" data-testid="dxf-warnings">
                      {plan.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  ) : null}
                </>
              ) : null}
            </div>
          </div>
        ) : (
          <p className="hint">
            Lines, polylines (straight sides) and closed outlines on the chosen layers become walls. Arcs, circles,
            text, hatches and blocks are not read; explode blocks in the CAD program first.
          </p>
        )}
        {refusal !== null ? (
          <p className="notice error" role="alert" data-testid="dxf-refusal">
            {refusal}
          </p>
        ) : null}
        <div className="buttons">
          <button disabled={!plan} onClick={runImport}>
            Import
          </button>
          <button onClick={onClose}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
