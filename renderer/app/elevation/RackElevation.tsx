/**
 * The elevation of one rack (`elevationRackId`): its front by U with the devices in it, the catalog
 * to drag devices from, the rack's totals, and the selected device's controls. Every change is an
 * undoable edit checked by the engine (shared/layout/elevation.ts); a refused drop says why.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  canPlace,
  catalogFor,
  rackElevation,
  uLabel,
  type DevicePlacement,
  type PlaceCheck,
} from '../../../shared/index';
import { addDevice } from '../../store/commands';
import { addDeviceAt, moveDevice, removePlacedDevice, setPlacedDeviceFeed } from '../../store/elevationCommands';
import { useEditor } from '../../store/editor';
import type { EditResult } from '../../store/powerCommands';
import { runEdit } from '../runEdit';
import { DeviceList } from './DeviceList';
import './elevation.css';
import { ElevationLadder, U_PX } from './ElevationLadder';
import { ElevationSummary } from './ElevationSummary';
import { SelectedDevice } from './SelectedDevice';
import { useUDrag, type DragSource, type DragState } from './useUDrag';

const closeElevation = () => useEditor.getState().openElevation(null);

/** Runs an elevation edit; a refusal from before is out of date once the user acts again. */
function apply(result: EditResult): boolean {
  useEditor.getState().notify(null);
  return runEdit(result);
}

/** Fields where keys are typed, which keep their keys (arrows move the caret there, not the device). */
const typedInto = (target: EventTarget | null) =>
  target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;

function DropHint({ drag, check }: { drag: DragState; check: PlaceCheck | null }) {
  return (
    <div
      className={`elevation-ghost ${check === null ? '' : check.ok ? 'fits' : 'refused'}`}
      data-testid="elevation-drop-hint"
      style={{ left: drag.x + 14, top: drag.y + 14 }}
    >
      <strong>
        {drag.source.name} ({drag.source.uHeight}U)
      </strong>
      <span>
        {check === null ? 'Drop it on a U of the rack' : check.ok ? `${uLabel(check.range)}: fits` : check.reason}
      </span>
    </div>
  );
}

function ElevationDialog({ rackId }: { rackId: string }) {
  const doc = useEditor((s) => s.doc);
  const notice = useEditor((s) => s.notice);
  const catalog = useMemo(() => catalogFor(doc), [doc]);
  const elevation = useMemo(() => rackElevation(doc, rackId, catalog), [doc, rackId, catalog]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const ladderRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const uHeight = elevation?.uHeight ?? 0;

  /** The U under a client-space point, or null off the ladder. */
  const uAt = useCallback(
    (x: number, y: number) => {
      const r = ladderRef.current?.getBoundingClientRect();
      if (!r || x < r.left || x > r.right || y < r.top || y >= r.bottom) return null;
      return uHeight - Math.floor((y - r.top) / U_PX);
    },
    [uHeight],
  );

  const drop = useCallback(
    (source: DragSource, atU: number) => {
      const current = useEditor.getState().doc;
      if (source.kind === 'placed') {
        const placed = current.racks.find((r) => r.id === rackId)?.devices.find((d) => d.id === source.id);
        if (placed?.uPosition === atU) return;
      }
      const result =
        source.kind === 'catalog'
          ? addDeviceAt(current, rackId, source.id, atU)
          : moveDevice(current, rackId, source.id, atU);
      if (apply(result) && result.ok && result.id) setSelectedId(result.id);
    },
    [rackId],
  );
  const { drag, begin, cancel } = useUDrag(uAt, drop);

  const selected = elevation?.devices.find((d) => d.placementId === selectedId);
  const edit = useMemo(
    () => ({
      move(byU: 1 | -1) {
        if (!selected) return;
        apply(moveDevice(useEditor.getState().doc, rackId, selected.placementId, selected.range.bottom + byU));
      },
      remove() {
        if (!selected) return;
        if (apply(removePlacedDevice(useEditor.getState().doc, rackId, selected.placementId))) setSelectedId(null);
      },
      feed(feed: DevicePlacement['feed']) {
        if (selected) apply(setPlacedDeviceFeed(useEditor.getState().doc, rackId, selected.placementId, feed));
      },
      add(catalogId: string) {
        if (!apply(addDevice(useEditor.getState().doc, rackId, catalogId))) return;
        const added = useEditor
          .getState()
          .doc.racks.find((r) => r.id === rackId)
          ?.devices.at(-1);
        if (added) setSelectedId(added.id);
      },
    }),
    [rackId, selected],
  );

  useEffect(() => dialogRef.current?.focus(), []);

  useEffect(() => {
    // Caught before the editor's shortcuts: behind this dialog, R would rotate and Delete remove the
    // selected racks. Undo, redo and save (with Ctrl/Cmd) still reach the editor.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        e.preventDefault();
        if (drag) cancel();
        else closeElevation();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typedInto(e.target)) return;
      e.stopPropagation();
      const action =
        e.key === 'ArrowUp'
          ? () => edit.move(1)
          : e.key === 'ArrowDown'
            ? () => edit.move(-1)
            : e.key === 'Delete' || e.key === 'Backspace'
              ? edit.remove
              : null;
      if (action && selected) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [drag, cancel, edit, selected]);

  if (!elevation) return null;
  const check =
    drag && drag.atU !== null
      ? canPlace(elevation, drag.source.uHeight, drag.atU, drag.source.kind === 'placed' ? drag.source.id : undefined)
      : null;

  return (
    <div className="modal-backdrop">
      <div
        className={drag ? 'modal elevation-dialog dragging' : 'modal elevation-dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={`Elevation of ${elevation.rackName}`}
        data-testid="elevation"
        tabIndex={-1}
        ref={dialogRef}
      >
        <header>
          <h2>
            Elevation of {elevation.rackName} <small>{elevation.rackTypeName}</small>
          </h2>
          <button type="button" onClick={closeElevation}>
            Close (Esc)
          </button>
        </header>
        {notice?.kind === 'error' ? (
          <div className="notice error" data-testid="elevation-notice">
            <p>{notice.text}</p>
            <button type="button" aria-label="Dismiss" onClick={() => useEditor.getState().notify(null)}>
              ×
            </button>
          </div>
        ) : null}
        <div className="elevation-body">
          <DeviceList devices={catalog.devices()} onGrab={begin} onAdd={edit.add} />
          <ElevationLadder
            elevation={elevation}
            loadBasis={doc.settings.loadBasis}
            selectedId={selectedId}
            onSelect={setSelectedId}
            dragged={drag?.source ?? null}
            check={check}
            onGrab={begin}
            ladderRef={ladderRef}
          />
          <div className="elevation-side">
            <h3>Rack</h3>
            <ElevationSummary elevation={elevation} units={doc.settings.units} />
            {elevation.problems.length > 0 ? (
              <ul className="elevation-problems" data-testid="elevation-problems">
                {elevation.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
            <h3>Selected device</h3>
            <SelectedDevice
              device={selected}
              units={doc.settings.units}
              onMove={edit.move}
              onRemove={edit.remove}
              onFeed={edit.feed}
            />
          </div>
        </div>
      </div>
      {drag ? <DropHint drag={drag} check={check} /> : null}
    </div>
  );
}

/** Renders nothing while no rack's elevation is open. */
export function RackElevation() {
  const rackId = useEditor((s) => s.elevationRackId);
  return rackId === null ? null : <ElevationDialog key={rackId} rackId={rackId} />;
}
