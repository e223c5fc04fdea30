/**
 * Which instances of the site view's rack meshes an edit touched. The site view draws the
 * document's racks in document order, one instance each; the store's commands share every rack an
 * edit did not change, so a reference comparison finds the changed ones and only their slice of
 * the instance buffers is written and uploaded.
 */
import type { Rack } from '../../../shared/index';

export type RackDiff =
  /** Racks were added or removed (instances shift): write them all. */
  | { full: true }
  /** The same racks in the same places; `changed` are the instances to rewrite, [from, to] their span (empty when from > to). */
  | { full: false; changed: number[]; from: number; to: number };

export function diffRacks(previous: readonly Rack[] | null, next: readonly Rack[]): RackDiff {
  if (previous === null || previous.length !== next.length) return { full: true };
  const changed: number[] = [];
  for (let i = 0; i < next.length; i++) if (next[i] !== previous[i]) changed.push(i);
  return { full: false, changed, from: changed[0] ?? 0, to: changed.at(-1) ?? -1 };
}
