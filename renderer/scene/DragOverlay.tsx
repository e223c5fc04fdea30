/**
 * What a drag shows while it lasts: the footprint where the group would land (red when it cannot,
 * with the reason), the lines it snapped to, and the clear distances to the nearest thing on each
 * side, read as a plan dimension (aisle widths, gaps to walls). The obstacles are the drag's own (useRackDrag.ts:
 * the hall's, indexed once per drag).
 */
import { Html, Line } from '@react-three/drei';
import { useMemo } from 'react';
import { clearances, formatQuantity, type Hall, type Rect } from '../../shared/index';
import { useEditor } from '../store/editor';
import { dragObstacles } from './useRackDrag';

const Y = 0.04;
const GUIDE = '#f28c28';
const OK = '#2f80ed';
const BAD = '#d64541';

export function DragOverlay({ hall }: { hall: Hall }) {
  const drag = useEditor((s) => s.drag);
  const doc = useEditor((s) => s.doc);
  const units = useEditor((s) => s.doc.settings.units);
  const ids = drag?.ids;
  // The drag's obstacles, built when it started (the document does not change while dragging).
  const index = useMemo(() => (ids ? dragObstacles(doc, hall, ids) : null), [doc, hall, ids]);
  if (!drag?.box || !index) return null;
  const box = drag.box;
  const colour = drag.blocked ? BAD : OK;
  const gaps = clearances(box, index);
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  const dims: { from: [number, number]; to: [number, number]; text: string; key: string }[] = [
    {
      key: 'minusX',
      from: [box.minX - gaps.minusX.distance, cy],
      to: [box.minX, cy],
      text: formatQuantity(gaps.minusX.distance, 'length', units),
    },
    {
      key: 'plusX',
      from: [box.maxX, cy],
      to: [box.maxX + gaps.plusX.distance, cy],
      text: formatQuantity(gaps.plusX.distance, 'length', units),
    },
    {
      key: 'minusY',
      from: [cx, box.minY - gaps.minusY.distance],
      to: [cx, box.minY],
      text: formatQuantity(gaps.minusY.distance, 'length', units),
    },
    {
      key: 'plusY',
      from: [cx, box.maxY],
      to: [cx, box.maxY + gaps.plusY.distance],
      text: formatQuantity(gaps.plusY.distance, 'length', units),
    },
  ];
  return (
    <group>
      <Line points={outline(box)} color={colour} lineWidth={2} />
      {(drag.guides ?? []).map((g, i) => (
        <Line
          key={i}
          points={
            g.axis === 'x'
              ? [
                  [g.at, Y, 0],
                  [g.at, Y, hall.depth],
                ]
              : [
                  [0, Y, g.at],
                  [hall.width, Y, g.at],
                ]
          }
          color={GUIDE}
          lineWidth={1}
          dashed
          dashSize={0.3}
          gapSize={0.2}
        />
      ))}
      {dims
        .filter((d) => Math.hypot(d.to[0] - d.from[0], d.to[1] - d.from[1]) > 0.01)
        .map((d) => (
          <group key={d.key}>
            <Line
              points={[
                [d.from[0], Y, d.from[1]],
                [d.to[0], Y, d.to[1]],
              ]}
              color="#555"
              lineWidth={1}
            />
            <Html
              position={[(d.from[0] + d.to[0]) / 2, Y, (d.from[1] + d.to[1]) / 2]}
              center
              className="dimension-label"
            >
              {d.text}
            </Html>
          </group>
        ))}
      {drag.blocked ? (
        <Html position={[box.maxX, 2.5, box.minY]} className="dimension-label blocked">
          <span data-testid="drag-blocked">{drag.blocked}</span>
        </Html>
      ) : null}
    </group>
  );
}

function outline(r: Rect): [number, number, number][] {
  return [
    [r.minX, Y, r.minY],
    [r.maxX, Y, r.minY],
    [r.maxX, Y, r.maxY],
    [r.minX, Y, r.maxY],
    [r.minX, Y, r.minY],
  ];
}
