/**
 * Electrical power of the cooling plant, W (docs/engine/cooling.md, check 6), which the power
 * engine hangs on the chain as the facility's cooling load and counts in PUE:
 * - fans of air handlers and fan walls, and pumps of CDUs and tanks, at their rated power (they
 *   run at design flow: a conservative, load-independent figure);
 * - chillers: rejected heat / COP + their auxiliaries (`powerKw`);
 * - dry coolers and cooling towers: their fans and pumps in proportion to their loading.
 * Worked case 9c: an immersion container with 25 kW of pumps and fans for 700 kW of miners gives
 * partial PUE (700 + 25) / 700 = 1.036.
 */
import type { ProjectDocument } from '../../model/schema';
import type { LoopLoad } from './loops';

export interface CoolingPower {
  fansW: number;
  pumpsW: number;
  rejectionW: number;
  totalW: number;
  /** Per unit, W. */
  byUnit: Map<string, number>;
}

export function coolingPower(doc: ProjectDocument, loops: ReadonlyMap<string, LoopLoad>): CoolingPower {
  let fansW = 0;
  let pumpsW = 0;
  let rejectionW = 0;
  const byUnit = new Map<string, number>();
  for (const u of doc.cooling) {
    let w = 0;
    switch (u.kind) {
      case 'air-handler':
      case 'fan-wall':
        w = u.fanKw * 1000;
        fansW += w;
        break;
      case 'cdu':
      case 'immersion-tank':
        w = u.pumpKw * 1000;
        pumpsW += w;
        break;
      case 'heat-rejection': {
        const load = loops.get(u.id)?.loadW ?? 0;
        w =
          u.type === 'chiller' && u.cop !== null
            ? load / u.cop + u.powerKw * 1000
            : u.powerKw * 1000 * Math.min(1, load / (u.capacityKw * 1000));
        rejectionW += w;
        break;
      }
      case 'rear-door':
        break;
    }
    byUnit.set(u.id, w);
  }
  return { fansW, pumpsW, rejectionW, totalW: fansW + pumpsW + rejectionW, byUnit };
}
