/** Defaults for a hall's code and floor, shared by the factory and the format migration. */
import type { Floor } from './schema';

/**
 * A slab rated at the TIA-942 Rated-3 computer-room figures, 12 kPa (250 lbf/ft²) uniform and
 * 4.5 kN (1,000 lbf) concentrated (figures.md §4.1: EPI; GSA P100 §4.3 quoting TIA-569), marked
 * undeclared until the user enters the building's own rating.
 */
export const DEFAULT_FLOOR: Floor = {
  kind: 'slab',
  raisedHeightM: 0,
  uniformLoadKpa: 12,
  pointLoadKn: 4.5,
  ratingDeclared: false,
};

/** "Hall A (ex-mining)" → "A", "Data hall 2" → "2"; otherwise H1, H2… by position. */
export function hallCodeFromName(name: unknown, index: number): string {
  const match = typeof name === 'string' ? /hall\s+([A-Za-z0-9]{1,8})\b/i.exec(name) : null;
  return match ? match[1]!.toUpperCase() : `H${index + 1}`;
}
