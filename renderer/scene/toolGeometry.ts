/**
 * Pure helpers of the drawing tools: where the next wall corner goes (orthogonal to the last
 * unless free, or at a typed length), and the row or row pair a tool would lay between two points.
 */
import {
  rackTypeSize,
  rowPairSlots,
  rowProblem,
  rowSlots,
  type CatalogView,
  type Point2,
  type RowSlot,
} from '../../shared/index';
import type { LayoutOptions } from '../store/documentStore';

/**
 * The next corner of a wall run from `last` towards `pointer`: along the nearer axis (CAD ortho
 * mode) unless `free`; at `typedM` metres when a length was typed, else at the pointer.
 */
export function nextCorner(last: Point2, pointer: Point2, free: boolean, typedM: number | null): Point2 {
  const dx = pointer.x - last.x;
  const dy = pointer.y - last.y;
  const dir = free ? { x: dx, y: dy } : Math.abs(dx) >= Math.abs(dy) ? { x: dx, y: 0 } : { x: 0, y: dy };
  const length = Math.hypot(dir.x, dir.y);
  if (typedM === null) return { x: last.x + dir.x, y: last.y + dir.y };
  // A typed length with the pointer still on the last corner runs along +x.
  const unit = length === 0 ? { x: 1, y: 0 } : { x: dir.x / length, y: dir.y / length };
  const round = (v: number) => Number(v.toFixed(4));
  return { x: round(last.x + unit.x * typedM), y: round(last.y + unit.y * typedM) };
}

/** The rows a row tool lays from `start` to `end` with `options`, or why it cannot. */
export function plannedRows(
  catalog: CatalogView,
  options: LayoutOptions,
  pair: boolean,
  start: Point2,
  end: Point2,
): { slots: RowSlot[][]; problem: string | null } {
  const size = rackTypeSize(catalog, options.rackTypeId);
  const line = {
    start,
    end,
    pitchM: options.pitchM ?? size.widthM,
    ...(options.count === null ? {} : { count: options.count }),
  };
  const problem = rowProblem(line, size);
  if (problem) return { slots: [], problem };
  if (!pair) return { slots: [rowSlots({ ...line, facing: options.facing })], problem: null };
  if (!(options.aisleWidthM > 0)) return { slots: [], problem: 'The aisle needs a width.' };
  return {
    slots: rowPairSlots({ ...line, aisle: options.aisle, aisleWidthM: options.aisleWidthM }, size),
    problem: null,
  };
}
