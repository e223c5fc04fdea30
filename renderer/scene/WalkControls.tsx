/**
 * First-person walking at eye height (shared/walk/collision.ts): W A S D or the arrow keys move
 * (arrows left and right turn), Shift runs, and the mouse looks around — with the pointer locked
 * after a click, or by dragging where pointer lock is not available. Walls and racks stop the
 * walker; doors let it through. The canvas renders on demand, so each frame of a move asks for
 * the next; the walker's plan position goes to the store for the minimap.
 *
 * What the walker bumps into is the hall's alone (hallIndex.ts), worked out again only when the
 * hall's racks, cooling units, walls or doors change; each frame looks only at the boxes within a
 * step's reach, found in a grid (shared/layout/obstacles.ts), so a frame costs the same in a hall of
 * 20 racks or 10,000.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import {
  BODY_RADIUS_M,
  EYE_HEIGHT_M,
  indexObstacles,
  walk,
  walkObstacles,
  walkStart,
  type Hall,
  type ObstacleIndex,
  type Obstacles,
  type Point2,
} from '../../shared/index';
import { useEditor } from '../store/editor';
import { hallCoolingOf, hallDocument, hallDoorsOf, hallRacksOf, hallWallsOf } from './hallIndex';

const WALK_M_S = 2;
const RUN_M_S = 5;
const TURN_DEG_S = 90;
/** Radians of look per pixel of mouse movement. */
const LOOK_PER_PX = 0.003;
const MAX_PITCH = Math.PI / 2 - 0.05;
/** A press that moves further than this (px) before release is a drag, not a click. */
const DRAG_PX = 4;

const MOVE_KEYS = new Set(['KeyW', 'KeyA', 'KeyS', 'KeyD', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/** The walk's boxes (racks, floor-standing units) in a grid, to find those near the walker. */
export function walkGrid(hall: Hall, obstacles: Obstacles): ObstacleIndex {
  return indexObstacles(
    hall,
    obstacles.boxes.map((rect, i) => ({ id: String(i), name: '', kind: 'rack' as const, rect })),
  );
}

/**
 * The obstacles a step of `delta` from `from` can meet: the walls, and the boxes within the step's
 * length plus the body's radius of `from`. Every point the step tries lies within |delta| of
 * `from` (walk() tries the whole sub-step or one axis of it, never more), and a box blocks a point
 * only within the radius of it, so a box further away can block nothing: walk() gives the same
 * answer with these as with all the hall's boxes.
 */
export function obstaclesWithinReach(
  obstacles: Obstacles,
  grid: ObstacleIndex,
  from: Point2,
  delta: Point2,
): Obstacles {
  const reach = Math.hypot(delta.x, delta.y) + BODY_RADIUS_M;
  const near = grid.near({ minX: from.x, maxX: from.x, minY: from.y, maxY: from.y }, reach);
  return { ...obstacles, boxes: near.map((o) => o.rect) };
}

export function WalkControls({ hall }: { hall: Hall }) {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  // The hall's own arrays: the same across edits elsewhere, so those cost nothing here.
  const racks = useEditor((s) => hallRacksOf(s.doc.racks, hall.id));
  const cooling = useEditor((s) => hallCoolingOf(s.doc.cooling, hall.id));
  const walls = useEditor((s) => hallWallsOf(s.doc.walls, hall.id));
  const doors = useEditor((s) => hallDoorsOf(s.doc.doors, hall.id));
  const customDevices = useEditor((s) => s.doc.customDevices);
  // walkObstacles reads the hall, the catalog and these four arrays, keeping the hall's items of them.
  const obstacles = useMemo(() => {
    const doc = useEditor.getState().doc;
    return walkObstacles({ ...doc, halls: [hall], racks, cooling, walls, doors, customDevices } as typeof doc, hall.id);
  }, [hall, racks, cooling, walls, doors, customDevices]);
  const grid = useMemo(() => walkGrid(hall, obstacles), [hall, obstacles]);
  const keys = useRef(new Set<string>());
  const pose = useRef({ x: 0, y: 0, yaw: 0, pitch: 0, run: false });

  const aim = useCallback(() => {
    const p = pose.current;
    camera.position.set(p.x, EYE_HEIGHT_M, p.y);
    camera.lookAt(
      p.x + Math.cos(p.yaw) * Math.cos(p.pitch),
      EYE_HEIGHT_M + Math.sin(p.pitch),
      p.y + Math.sin(p.yaw) * Math.cos(p.pitch),
    );
    useEditor.getState().setWalker({ x: p.x, y: p.y, headingDeg: (p.yaw * 180) / Math.PI });
    invalidate();
  }, [camera, invalidate]);

  // Enter at the hall's first door, facing in.
  useEffect(() => {
    const start = walkStart(hallDocument(useEditor.getState().doc, hall.id), hall.id);
    pose.current = {
      ...pose.current,
      x: start.position.x,
      y: start.position.y,
      yaw: (start.headingDeg * Math.PI) / 180,
      pitch: 0,
    };
    aim();
  }, [hall.id, aim]);

  useEffect(() => {
    const canvas = gl.domElement;
    const down = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (MOVE_KEYS.has(e.code)) {
        keys.current.add(e.code);
        e.preventDefault();
        invalidate();
      }
      pose.current.run = e.shiftKey;
    };
    const up = (e: KeyboardEvent) => {
      keys.current.delete(e.code);
      pose.current.run = e.shiftKey;
    };
    const blur = () => keys.current.clear();
    const look = (e: MouseEvent) => {
      const locked = document.pointerLockElement === canvas;
      if (!locked && (e.buttons & 1) === 0) return;
      const p = pose.current;
      p.yaw += e.movementX * LOOK_PER_PX;
      p.pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, p.pitch - e.movementY * LOOK_PER_PX));
      aim();
    };
    // A plain click locks the pointer for mouse look (Esc releases it); a drag looks around without
    // locking, which also serves hosts that refuse pointer lock.
    let pressedAt: { x: number; y: number } | null = null;
    const press = (e: MouseEvent) => {
      pressedAt = { x: e.clientX, y: e.clientY };
    };
    const lock = (e: MouseEvent) => {
      const dragged = pressedAt !== null && Math.hypot(e.clientX - pressedAt.x, e.clientY - pressedAt.y) > DRAG_PX;
      if (!dragged) canvas.requestPointerLock?.()?.catch?.(() => undefined);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    canvas.addEventListener('mousemove', look);
    canvas.addEventListener('mousedown', press);
    canvas.addEventListener('click', lock);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
      canvas.removeEventListener('mousemove', look);
      canvas.removeEventListener('mousedown', press);
      canvas.removeEventListener('click', lock);
      if (document.pointerLockElement === canvas) document.exitPointerLock();
    };
  }, [gl, invalidate, aim]);

  useFrame((_, dt) => {
    const k = keys.current;
    if (k.size === 0) return;
    const p = pose.current;
    const step = Math.min(dt, 0.1);
    const turn = (k.has('ArrowRight') ? 1 : 0) - (k.has('ArrowLeft') ? 1 : 0);
    p.yaw += (turn * TURN_DEG_S * Math.PI * step) / 180;
    const forward = (k.has('KeyW') || k.has('ArrowUp') ? 1 : 0) - (k.has('KeyS') || k.has('ArrowDown') ? 1 : 0);
    const strafe = (k.has('KeyD') ? 1 : 0) - (k.has('KeyA') ? 1 : 0);
    const speed = (p.run ? RUN_M_S : WALK_M_S) * step;
    // Plan x → world X, plan y → world Z; facing yaw, "right" is yaw + 90° (clockwise seen from above).
    const dx = (forward * Math.cos(p.yaw) - strafe * Math.sin(p.yaw)) * speed;
    const dy = (forward * Math.sin(p.yaw) + strafe * Math.cos(p.yaw)) * speed;
    const from = { x: p.x, y: p.y };
    const delta = { x: dx, y: dy };
    const next = walk(from, delta, obstaclesWithinReach(obstacles, grid, from, delta));
    p.x = next.x;
    p.y = next.y;
    aim();
  });
  return null;
}
