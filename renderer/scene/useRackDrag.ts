/**
 * Dragging racks and cooling units on the floor. While the pointer moves, only a preview offset changes (UI state):
 * snapped to neighbours' edges, walls and the hall's edges, else to the grid (shared/layout/snapping.ts; Shift moves
 * freely), with what it would collide with. Releasing commits one undoable move, or says why it cannot land there.
 *
 * What stands around the group is read from its hall alone (hallIndex.ts) and indexed once per drag, for the drag
 * and its overlay together; a pointer move then looks at the few things near the group.
 */
import { useThree } from '@react-three/fiber';
import { useCallback, useEffect, useRef } from 'react';
import { Plane, Raycaster, Vector2, Vector3 } from 'three';
import {
  catalogFor,
  conflictsOf,
  hallObstacles,
  indexObstacles,
  itemRect,
  moveRect,
  snapMove,
  unionRect,
  type Hall,
  type ObstacleIndex,
  type Point2,
  type ProjectDocument,
  type Rect,
} from '../../shared/index';
import { moveItems, planItems } from '../store/layoutCommands';
import { useEditor } from '../store/editor';
import { hallDocument } from './hallIndex';

/** How close an edge must come to a line to snap onto it, m. */
const SNAP_TOLERANCE_M = 0.15;

interface DragStart {
  ids: string[];
  from: Point2;
  pointerId: number;
  /** The group's footprints and their bounding rectangle before the move, and what stands around them. */
  rects: { name: string; rect: Rect }[];
  box: Rect;
  index: ObstacleIndex;
}

const FLOOR = new Plane(new Vector3(0, 1, 0), 0);

/** The last drag's obstacles, so that DragOverlay, asking about the same drag, reuses them. */
let lastObstacles: { doc: ProjectDocument; hall: Hall; ids: readonly string[]; index: ObstacleIndex } | null = null;

/**
 * What stands in `hall` around the dragged `ids` (not themselves), indexed: built from the hall's
 * racks, units and walls only, once per drag (`ids` is the drag's own array, kept in the store's
 * preview for as long as the drag lasts).
 */
export function dragObstacles(doc: ProjectDocument, hall: Hall, ids: readonly string[]): ObstacleIndex {
  if (lastObstacles?.doc === doc && lastObstacles.hall === hall && lastObstacles.ids === ids)
    return lastObstacles.index;
  const index = indexObstacles(hall, hallObstacles(hallDocument(doc, hall.id), catalogFor(doc), hall.id, new Set(ids)));
  lastObstacles = { doc, hall, ids, index };
  return index;
}

/**
 * `ids` as plan items with their hall, as planItems answers for the whole document, reading only
 * `hall` when every id is one of its racks or units (a drag's usual case). Otherwise — an id of
 * another hall, or of something that is not a plan item — the whole document is asked, so that the
 * answer (and the refusal) stays the same.
 */
export function dragItems(doc: ProjectDocument, hall: Hall, ids: readonly string[]): ReturnType<typeof planItems> {
  const catalog = catalogFor(doc);
  const here = planItems(hallDocument(doc, hall.id), catalog, ids);
  if (here.hall !== null && here.items.length === new Set(ids).size) return here;
  return planItems(doc, catalog, ids);
}

/** Where a client-space pointer position meets the floor, in plan coordinates. */
export function useFloorPoint() {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  return useCallback(
    (clientX: number, clientY: number): Point2 | null => {
      const rect = gl.domElement.getBoundingClientRect();
      const ndc = new Vector2(
        ((clientX - rect.left) / rect.width) * 2 - 1,
        -((clientY - rect.top) / rect.height) * 2 + 1,
      );
      const raycaster = new Raycaster();
      raycaster.setFromCamera(ndc, camera);
      const hit = raycaster.ray.intersectPlane(FLOOR, new Vector3());
      return hit ? { x: hit.x, y: hit.z } : null;
    },
    [camera, gl],
  );
}

export function useRackDrag(hall: Hall) {
  const gl = useThree((s) => s.gl);
  // Read the controls when needed rather than holding them: they change with the camera.
  const get = useThree((s) => s.get);
  const setControlsEnabled = useCallback(
    (enabled: boolean) => {
      const controls = get().controls as { enabled: boolean } | null;
      if (controls) controls.enabled = enabled;
    },
    [get],
  );
  const floorPoint = useFloorPoint();
  const start = useRef<DragStart | null>(null);

  const end = useCallback(
    (commit: boolean) => {
      const drag = start.current;
      start.current = null;
      lastObstacles = null;
      setControlsEnabled(true);
      const { setDrag, run, doc, drag: preview, notify } = useEditor.getState();
      setDrag(null);
      if (!drag || !commit || !preview || (preview.dx === 0 && preview.dy === 0)) return;
      const result = moveItems(doc, drag.ids, preview.dx, preview.dy);
      if (result.ok) run(result.command);
      else notify({ kind: 'error', text: `Not moved: ${result.reason}`, details: [] });
    },
    [setControlsEnabled],
  );

  useEffect(() => {
    const el = gl.domElement;
    const onMove = (e: PointerEvent) => {
      const drag = start.current;
      if (!drag || e.pointerId !== drag.pointerId) return;
      const p = floorPoint(e.clientX, e.clientY);
      if (!p) return;
      const grid = useEditor.getState().doc.settings.gridM;
      const raw = { dx: p.x - drag.from.x, dy: p.y - drag.from.y };
      const snapped = e.shiftKey
        ? { dx: Number(raw.dx.toFixed(3)), dy: Number(raw.dy.toFixed(3)), guides: [] }
        : snapMove(drag.box, raw.dx, raw.dy, drag.index, { gridM: grid, toleranceM: SNAP_TOLERANCE_M });
      const blocked =
        drag.rects
          .map((r) => conflictsOf(r.name, moveRect(r.rect, snapped.dx, snapped.dy), drag.index)[0]?.message)
          .find((m) => m !== undefined) ?? null;
      useEditor.getState().setDrag({
        ids: drag.ids,
        dx: snapped.dx,
        dy: snapped.dy,
        guides: snapped.guides,
        box: moveRect(drag.box, snapped.dx, snapped.dy),
        blocked,
      });
    };
    const onUp = (e: PointerEvent) => {
      if (start.current && e.pointerId === start.current.pointerId) end(true);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && start.current) end(false);
    };
    el.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('keydown', onKey);
    };
  }, [gl, floorPoint, end]);

  /** Starts dragging `ids`, grabbed where the pointer meets the floor (not the rack's surface). */
  return useCallback(
    (ids: string[], clientX: number, clientY: number, pointerId: number) => {
      const from = floorPoint(clientX, clientY);
      if (!from) return;
      const { doc } = useEditor.getState();
      const found = dragItems(doc, hall, ids);
      if (found.hall === null || found.hall.id !== hall.id) return;
      const rects = found.items.map((i) => ({ name: i.name, rect: itemRect(i) }));
      const index = dragObstacles(doc, hall, ids);
      start.current = { ids, from, pointerId, rects, box: unionRect(rects.map((r) => r.rect))!, index };
      setControlsEnabled(false);
    },
    [setControlsEnabled, floorPoint, hall],
  );
}
