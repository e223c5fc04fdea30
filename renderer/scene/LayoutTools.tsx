/**
 * The drawing tools in the view: walls and rooms (click corners, or type a length and press Enter;
 * a click on the first corner closes a room, Enter ends an open run), and rows and row pairs
 * (click the start, then the end). A live preview shows the walls with their lengths, or the racks
 * the row would lay, red with the reason when they cannot go there. Shift draws off the grid and,
 * for walls, at any angle.
 */
import { Html, Line } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { BoxGeometry, Color, Object3D, type InstancedMesh } from 'three';
import {
  catalogFor,
  conflictsOf,
  footprintRect,
  formatQuantity,
  hallObstacles,
  indexObstacles,
  parseQuantity,
  rackTypeSize,
  type Hall,
  type Point2,
} from '../../shared/index';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import { addWalls, layRowsCommand } from '../store/layoutCommands';
import { defaultPlacementFeeds } from '../store/commands';
import { snapPoint } from './geometry';
import { plannedRows, nextCorner } from './toolGeometry';
import { useFloorPoint } from './useRackDrag';

/** A click this close to the first corner closes the room, m. */
const CLOSE_M = 0.3;
const WALL_COLOUR = '#d0309a';
const GHOST_OK = new Color('#35a86b');
const GHOST_BAD = new Color('#d64541');
const MAX_GHOSTS = 1_000;
const TYPED_KEYS = /^[0-9.'" ]$/;

/** A floor point as the tools take it: on the grid, or (Shift) free to the millimetre. */
function toolPoint(p: Point2, free: boolean): { point: Point2; free: boolean } {
  const grid = useEditor.getState().doc.settings.gridM;
  return { point: free ? { x: Number(p.x.toFixed(3)), y: Number(p.y.toFixed(3)) } : snapPoint(p, grid), free };
}

/** A click on the floor with a drawing tool (the floor's click handler passes it on). */
export function layoutToolClick(p: Point2, shift: boolean): void {
  const at = toolPoint(p, shift);
  const current = useEditor.getState().tool;
  if (current.kind === 'draw-walls') {
    const first = current.points[0];
    const last = current.points.at(-1);
    if (first && current.points.length >= 3 && Math.hypot(first.x - at.point.x, first.y - at.point.y) < CLOSE_M)
      return finishWalls(true);
    const corner = last ? nextCorner(last, at.point, at.free, null) : at.point;
    useEditor.getState().setTool({ kind: 'draw-walls', points: [...current.points, corner] });
  } else if (current.kind === 'lay-row') {
    if (!current.start) useEditor.getState().setTool({ ...current, start: at.point });
    else layRow(current.pair, current.start, at.point, shift);
  }
}

function finishWalls(closed: boolean): void {
  const state = useEditor.getState();
  const { tool, doc, run, notify, setTool, layoutOptions } = state;
  const hall = activeHall(state);
  if (tool.kind !== 'draw-walls' || !hall) return;
  const result = addWalls(doc, hall.id, tool.points, closed, layoutOptions.wallThicknessM);
  if (!result.ok) return notify({ kind: 'error', text: result.reason, details: [] });
  run(result.command);
  setTool({ kind: 'draw-walls', points: [] });
}

function layRow(pair: boolean, start: Point2, end: Point2, keepTool: boolean): void {
  const state = useEditor.getState();
  const { doc, run, notify, setTool, select, layoutOptions, placementFeeds } = state;
  const hall = activeHall(state);
  if (!hall) return;
  const planned = plannedRows(catalogFor(doc), layoutOptions, pair, start, end);
  if (planned.problem) return notify({ kind: 'error', text: planned.problem, details: [] });
  const result = layRowsCommand(
    doc,
    hall.id,
    layoutOptions.rackTypeId,
    planned.slots,
    placementFeeds ?? defaultPlacementFeeds(doc),
  );
  if (!result.ok) return notify({ kind: 'error', text: result.reason, details: [] });
  run(result.command);
  select(result.ids);
  setTool(keepTool ? { kind: 'lay-row', pair, start: null } : { kind: 'select' });
}

export function LayoutTools({ hall }: { hall: Hall }) {
  const kind = useEditor((s) => s.tool.kind);
  // Mounted only while a drawing tool is on, so leaving it forgets the preview and any half-typed length.
  return kind === 'draw-walls' || kind === 'lay-row' ? <ToolPreview key={kind} hall={hall} /> : null;
}

function ToolPreview({ hall }: { hall: Hall }) {
  const tool = useEditor((s) => s.tool);
  const gl = useThree((s) => s.gl);
  const floorPoint = useFloorPoint();
  const [hover, setHover] = useState<{ point: Point2; free: boolean } | null>(null);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    const el = gl.domElement;
    const onMove = (e: PointerEvent) => {
      const p = floorPoint(e.clientX, e.clientY);
      setHover(p ? toolPoint(p, e.shiftKey) : null);
    };
    el.addEventListener('pointermove', onMove);
    return () => el.removeEventListener('pointermove', onMove);
  }, [gl, floorPoint]);

  // Typed lengths for walls: digits (and ' " for feet and inches), Backspace, Enter.
  const hoverRef = useRef(hover);
  const typedRef = useRef(typed);
  useEffect(() => {
    hoverRef.current = hover;
    typedRef.current = typed;
  });
  useEffect(() => {
    if (tool.kind !== 'draw-walls') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey)
        return;
      const current = useEditor.getState().tool;
      if (current.kind !== 'draw-walls') return;
      if (TYPED_KEYS.test(e.key) && current.points.length > 0) {
        setTyped((t) => t + e.key);
        e.preventDefault();
      } else if (e.key === 'Backspace' && typedRef.current !== '') {
        setTyped((t) => t.slice(0, -1));
        e.preventDefault();
        e.stopImmediatePropagation();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        const last = current.points.at(-1);
        const text = typedRef.current;
        if (last && text.trim() !== '') {
          const { doc, notify, setTool } = useEditor.getState();
          const length = parseQuantity(text, 'length', doc.settings.units);
          setTyped('');
          if (length === null || !(length > 0))
            return notify({ kind: 'error', text: `"${text}" is not a length.`, details: [] });
          const pointer = hoverRef.current?.point ?? { x: last.x + 1, y: last.y };
          setTool({
            kind: 'draw-walls',
            points: [...current.points, nextCorner(last, pointer, hoverRef.current?.free ?? false, length)],
          });
        } else if (current.points.length >= 2) finishWalls(false);
      }
    };
    // Capture: typed Backspace must not reach the editor's Delete shortcut first.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [tool.kind]);
  if (tool.kind === 'draw-walls') return <WallDraft points={tool.points} hover={hover} typed={typed} />;
  if (tool.kind === 'lay-row' && tool.start && hover)
    return <RowDraft hall={hall} pair={tool.pair} start={tool.start} end={hover.point} />;
  return null;
}

function WallDraft({
  points,
  hover,
  typed,
}: {
  points: Point2[];
  hover: { point: Point2; free: boolean } | null;
  typed: string;
}) {
  const units = useEditor((s) => s.doc.settings.units);
  const last = points.at(-1);
  const preview = last && hover ? nextCorner(last, hover.point, hover.free, null) : null;
  const all = preview ? [...points, preview] : points;
  if (all.length === 0) return null;
  const at = (p: Point2) => [p.x, 0.06, p.y] as [number, number, number];
  const length = (a: Point2, b: Point2) =>
    formatQuantity(Math.hypot(b.x - a.x, b.y - a.y), 'length', units, { feetInches: true });
  return (
    <group>
      {points.map((p, i) => (
        <mesh key={i} position={at(p)} raycast={() => null}>
          <sphereGeometry args={[i === 0 ? 0.2 : 0.12, 12, 8]} />
          <meshBasicMaterial color={WALL_COLOUR} />
        </mesh>
      ))}
      {all.length >= 2 ? <Line points={all.map(at)} color={WALL_COLOUR} lineWidth={3} /> : null}
      {all.slice(1).map((b, i) => {
        const a = all[i]!;
        return (
          <Html key={i} position={at({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 })} center className="dimension-label">
            {length(a, b)}
          </Html>
        );
      })}
      {last ? (
        <Html position={at(preview ?? last)} className="dimension-label typed">
          <span data-testid="wall-typed">
            {typed
              ? `${typed} ↵`
              : points.length >= 2
                ? 'type a length, Enter; Enter again ends'
                : 'type a length, Enter'}
          </span>
        </Html>
      ) : null}
    </group>
  );
}

function RowDraft({ hall, pair, start, end }: { hall: Hall; pair: boolean; start: Point2; end: Point2 }) {
  const doc = useEditor((s) => s.doc);
  const options = useEditor((s) => s.layoutOptions);
  const catalog = useMemo(() => catalogFor(doc), [doc]);
  const index = useMemo(
    () => indexObstacles(hall, hallObstacles(doc, catalog, hall.id, new Set())),
    [doc, catalog, hall],
  );
  const planned = plannedRows(catalog, options, pair, start, end);
  const size = rackTypeSize(catalog, options.rackTypeId);
  const height = catalog.rackType(options.rackTypeId)?.heightM ?? 2.2;
  const slots = planned.slots.flat().slice(0, MAX_GHOSTS);
  const bad = slots.map(
    (s) => conflictsOf('', footprintRect(s.position, size.widthM, size.depthM, s.rotationDeg), index).length > 0,
  );
  const mesh = useRef<InstancedMesh>(null);
  const geometry = useMemo(() => new BoxGeometry(1, 1, 1), []);
  useLayoutEffect(() => {
    const m = mesh.current;
    if (!m) return;
    const o = new Object3D();
    slots.forEach((s, i) => {
      const turned = s.rotationDeg % 180 !== 0;
      o.position.set(s.position.x, height / 2, s.position.y);
      o.scale.set(turned ? size.depthM : size.widthM, height, turned ? size.widthM : size.depthM);
      o.updateMatrix();
      m.setMatrixAt(i, o.matrix);
      m.setColorAt(i, bad[i] ? GHOST_BAD : GHOST_OK);
    });
    m.count = slots.length;
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
  });
  const blocked = bad.filter(Boolean).length;
  return (
    <group>
      <instancedMesh ref={mesh} args={[geometry, undefined, MAX_GHOSTS]} raycast={() => null}>
        <meshBasicMaterial transparent opacity={0.45} />
      </instancedMesh>
      <Html position={[end.x, height + 0.3, end.y]} className="dimension-label">
        <span data-testid="row-draft">
          {planned.problem ??
            `${planned.slots.map((s) => s.length).join(' + ')} racks${blocked > 0 ? ` — ${blocked} blocked` : ''}`}
        </span>
      </Html>
    </group>
  );
}
