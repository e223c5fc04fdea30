/**
 * Dragging racks and cooling units on the floor. While the pointer moves, only a preview offset changes (UI state);
 * releasing commits one undoable move, snapped to the grid and kept inside the hall.
 */
import { useThree } from '@react-three/fiber';
import { useCallback, useEffect, useRef } from 'react';
import { Plane, Raycaster, Vector2, Vector3 } from 'three';
import type { Hall, Point2 } from '../../shared/index';
import { movePlaced } from '../store/commands';
import { useEditor } from '../store/editor';
import { clamp, snap } from './geometry';

const FLOOR = new Plane(new Vector3(0, 1, 0), 0);

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
  const start = useRef<{ ids: string[]; from: Point2; pointerId: number } | null>(null);

  const end = useCallback(
    (commit: boolean) => {
      const drag = start.current;
      start.current = null;
      setControlsEnabled(true);
      const { setDrag, run, doc, drag: preview } = useEditor.getState();
      setDrag(null);
      if (!drag || !commit || !preview || (preview.dx === 0 && preview.dy === 0)) return;
      const ids = new Set(drag.ids);
      const placed = [...doc.racks, ...doc.cooling.flatMap((u) => ('position' in u ? [u] : []))];
      const moves = placed
        .filter((r) => ids.has(r.id))
        .map((r) => ({
          id: r.id,
          position: {
            x: clamp(r.position.x + preview.dx, 0, hall.width),
            y: clamp(r.position.y + preview.dy, 0, hall.depth),
          },
        }));
      run(movePlaced(moves));
    },
    [setControlsEnabled, hall.width, hall.depth],
  );

  useEffect(() => {
    const el = gl.domElement;
    const onMove = (e: PointerEvent) => {
      const drag = start.current;
      if (!drag || e.pointerId !== drag.pointerId) return;
      const p = floorPoint(e.clientX, e.clientY);
      if (!p) return;
      const grid = useEditor.getState().doc.settings.gridM;
      useEditor
        .getState()
        .setDrag({ ids: drag.ids, dx: snap(p.x - drag.from.x, grid), dy: snap(p.y - drag.from.y, grid) });
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
      start.current = { ids, from, pointerId };
      setControlsEnabled(false);
    },
    [setControlsEnabled, floorPoint],
  );
}
