/**
 * Box and lasso selection on the floor with the select tool: a left drag from empty floor in the
 * plan view (Shift-drag in 3D, where a plain drag orbits); Alt drags a lasso instead of a box.
 * Racks and floor cooling units whose centre falls inside on screen are selected; Ctrl adds them
 * to the selection. The outline is an HTML element over the canvas; nothing changes the document.
 * Only the hall's own racks and units are projected (hallIndex.ts), not the site's.
 */
import { useThree } from '@react-three/fiber';
import { useCallback, useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { Hall } from '../../shared/index';
import { useEditor } from '../store/editor';
import { hallCoolingOf, hallRacksOf } from './hallIndex';
import { insideBox, insidePolygon, type ScreenPoint } from './marquee';

/** Below this drag distance (px) the gesture was a click, which clears the selection as before. */
const MIN_DRAG_PX = 4;

interface Gesture {
  pointerId: number;
  lasso: boolean;
  add: boolean;
  points: ScreenPoint[];
  /** The box element, or the lasso's polygon. */
  outline: HTMLElement | SVGPolygonElement;
  /** What to remove at the end: the box, or the lasso's svg. */
  root: Element;
}

export function useMarquee(hall: Hall) {
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  const gesture = useRef<Gesture | null>(null);

  const setControlsEnabled = useCallback(
    (enabled: boolean) => {
      const controls = get().controls as { enabled: boolean } | null;
      if (controls) controls.enabled = enabled;
    },
    [get],
  );

  useEffect(() => {
    const draw = (g: Gesture) => {
      const host = gl.domElement.getBoundingClientRect();
      const local = g.points.map((p) => ({ x: p.x - host.left, y: p.y - host.top }));
      if (g.lasso) {
        g.outline.setAttribute('points', local.map((p) => `${p.x},${p.y}`).join(' '));
        return;
      }
      const a = local[0]!;
      const b = local.at(-1)!;
      Object.assign((g.outline as HTMLElement).style, {
        left: `${Math.min(a.x, b.x)}px`,
        top: `${Math.min(a.y, b.y)}px`,
        width: `${Math.abs(a.x - b.x)}px`,
        height: `${Math.abs(a.y - b.y)}px`,
      });
    };
    const finish = (commit: boolean) => {
      const g = gesture.current;
      gesture.current = null;
      setControlsEnabled(true);
      if (!g) return;
      g.root.remove();
      if (!commit) return;
      const a = g.points[0]!;
      const b = g.points.at(-1)!;
      const { doc, select, selection } = useEditor.getState();
      if (Math.hypot(a.x - b.x, a.y - b.y) < MIN_DRAG_PX) {
        if (!g.add) select([]);
        return;
      }
      // The camera as it is now: a view switch or a resize during the drag must not cancel it.
      const { camera } = get();
      const rect = gl.domElement.getBoundingClientRect();
      const v = new Vector3();
      const onScreen = (x: number, height: number, y: number): ScreenPoint => {
        v.set(x, height, y).project(camera);
        return { x: rect.left + ((v.x + 1) / 2) * rect.width, y: rect.top + ((1 - v.y) / 2) * rect.height };
      };
      const inside = (p: ScreenPoint) => (g.lasso ? insidePolygon(p, g.points) : insideBox(p, a, b));
      const picked = [
        ...hallRacksOf(doc.racks, hall.id).filter((r) => inside(onScreen(r.position.x, 1, r.position.y))),
        ...hallCoolingOf(doc.cooling, hall.id).filter(
          (u) => 'position' in u && inside(onScreen(u.position.x, 1, u.position.y)),
        ),
      ].map((x) => x.id);
      select(g.add ? [...selection, ...picked] : picked);
    };
    const onMove = (e: PointerEvent) => {
      const g = gesture.current;
      if (!g || e.pointerId !== g.pointerId) return;
      if (g.lasso) g.points.push({ x: e.clientX, y: e.clientY });
      else g.points[1] = { x: e.clientX, y: e.clientY };
      draw(g);
    };
    const onUp = (e: PointerEvent) => {
      if (gesture.current && e.pointerId === gesture.current.pointerId) finish(true);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && gesture.current) finish(false);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('keydown', onKey);
      finish(false);
    };
  }, [gl, get, hall.id, setControlsEnabled]);

  /** Starts a box (or, with `lasso`, a lasso) at a client-space point. */
  return useCallback(
    (clientX: number, clientY: number, pointerId: number, lasso: boolean, add: boolean) => {
      const parent = gl.domElement.parentElement;
      if (!parent) return;
      let outline: HTMLElement | SVGPolygonElement;
      let root: Element;
      if (lasso) {
        root = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        root.setAttribute('class', 'marquee-lasso');
        outline = document.createElementNS('http://www.w3.org/2000/svg', 'polygon');
        root.appendChild(outline);
      } else {
        outline = document.createElement('div');
        outline.className = 'marquee-box';
        outline.dataset.testid = 'marquee';
        root = outline;
      }
      parent.appendChild(root);
      gesture.current = {
        root,
        pointerId,
        lasso,
        add,
        points: [
          { x: clientX, y: clientY },
          { x: clientX, y: clientY },
        ],
        outline,
      };
      setControlsEnabled(false);
    },
    [gl, setControlsEnabled],
  );
}
