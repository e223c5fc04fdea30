/**
 * Declared cooling redundancy (docs/engine/cooling.md): N+k must carry the room with its k
 * largest units lost, 2N with the larger half lost (⌈n/2⌉ units). "Largest" is by the quantity
 * being checked (sensible kW or airflow), the hardest case for the room.
 */
import type { Settings } from '../../model/schema';

export type CoolingRedundancy = Settings['cooling']['redundancy'];

export function unitsLost(model: CoolingRedundancy, unitCount: number): number {
  switch (model) {
    case 'N':
      return 0;
    case 'N+1':
      return Math.min(1, unitCount);
    case 'N+2':
      return Math.min(2, unitCount);
    case '2N':
      return Math.ceil(unitCount / 2);
  }
}

export interface Available {
  /** Sum of every unit's value. */
  installed: number;
  /** What is left with the declared loss. */
  available: number;
  /** The units lost in that case, largest first. */
  lostIds: string[];
}

export function availableAfterLoss(
  units: readonly { id: string; value: number }[],
  model: CoolingRedundancy,
): Available {
  const sorted = [...units].sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
  const lost = sorted.slice(0, unitsLost(model, units.length));
  const installed = units.reduce((s, u) => s + u.value, 0);
  return {
    installed,
    available: installed - lost.reduce((s, u) => s + u.value, 0),
    lostIds: lost.map((u) => u.id),
  };
}
