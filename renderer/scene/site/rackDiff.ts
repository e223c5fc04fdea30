/**
 * Which instances of the site view's rack mesh an edit touched. The site view draws the document's
 * racks in document order, one instance each. The racks by hall (hallIndex.ts) hand back the very
 * array of every hall an edit did not touch, so only the halls whose arrays changed are compared,
 * rack by rack by reference (the store's commands share every rack an edit did not change), and
 * only the changed racks' slice of the instance buffer is written and uploaded: the work is the
 * edited halls', not the site's.
 */
import type { RackIndex } from '../hallIndex';

export type RackDiff =
  /** Racks were added, removed or moved to another hall (instances shift): write them all. */
  | { full: true }
  /** The same racks in the same places; `changed` are the instances to rewrite, ascending, [from, to] their span (empty when from > to). */
  | { full: false; changed: number[]; from: number; to: number };

export function diffRacks(previous: RackIndex | null, next: RackIndex): RackDiff {
  // The same positions object: no rack came, went or changed hall, so every hall has its old length.
  if (previous === null || previous.positions !== next.positions) return { full: true };
  const changed: number[] = [];
  for (const [hallId, racks] of next.byHall) {
    const before = previous.byHall.get(hallId);
    if (before === racks) continue;
    const at = next.positions.get(hallId)!;
    for (let k = 0; k < racks.length; k++) if (racks[k] !== before?.[k]) changed.push(at[k]!);
  }
  changed.sort((a, b) => a - b);
  return { full: false, changed, from: changed[0] ?? 0, to: changed.at(-1) ?? -1 };
}
