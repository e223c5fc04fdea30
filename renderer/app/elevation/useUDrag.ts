/**
 * Dragging a device onto the rack's U ladder with pointer events (not HTML5 drag and drop, whose
 * drag images and events differ between browsers and which test drivers drive poorly). The drag
 * starts after a few pixels of movement, so a press alone still selects; the document changes only
 * on release, through `onDrop`.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

export interface DragSource {
  kind: 'catalog' | 'placed';
  /** Catalog id, or placement id of a placed device. */
  id: string;
  name: string;
  uHeight: number;
  /** How many U above the device's lowest U it was grabbed (0 from the device list). */
  grabOffsetU: number;
}

export interface DragState {
  source: DragSource;
  x: number;
  y: number;
  /** The lowest U the device would take if dropped now, or null off the ladder. */
  atU: number | null;
}

/** Pixels the pointer moves before a press becomes a drag. */
const DRAG_THRESHOLD_PX = 4;

export function useUDrag(
  uAt: (clientX: number, clientY: number) => number | null,
  onDrop: (source: DragSource, atU: number) => void,
) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const stop = useRef<(() => void) | null>(null);
  // The latest callbacks, so a drag in progress uses them without re-binding its listeners.
  const latest = useRef({ uAt, onDrop });
  useEffect(() => {
    latest.current = { uAt, onDrop };
  });

  const cancel = useCallback(() => {
    stop.current?.();
    setDrag(null);
  }, []);

  const begin = useCallback(
    (source: DragSource, e: ReactPointerEvent) => {
      if (e.button !== 0) return;
      stop.current?.();
      const start = { x: e.clientX, y: e.clientY };
      let started = false;
      const targetU = (x: number, y: number) => {
        const u = latest.current.uAt(x, y);
        return u === null ? null : u - source.grabOffsetU;
      };
      const move = (ev: PointerEvent) => {
        if (!started && Math.hypot(ev.clientX - start.x, ev.clientY - start.y) < DRAG_THRESHOLD_PX) return;
        started = true;
        setDrag({ source, x: ev.clientX, y: ev.clientY, atU: targetU(ev.clientX, ev.clientY) });
      };
      const up = (ev: PointerEvent) => {
        const atU = started ? targetU(ev.clientX, ev.clientY) : null;
        cancel();
        if (atU !== null) latest.current.onDrop(source, atU);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', cancel);
      stop.current = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', cancel);
        stop.current = null;
      };
    },
    [cancel],
  );

  useEffect(() => () => stop.current?.(), []);

  return { drag, begin, cancel };
}
