/** The power checks, run together over one project document (loads, rack circuits, feeds). */
import type { CatalogView } from '../../catalog';
import type { ProjectDocument } from '../../model/schema';
import type { Finding } from '../types';
import { checkFeeds, type FeedLoad } from './feedCapacity';
import { rackLoadW } from './loads';
import { checkRackCircuits, type CircuitLoad } from './rackCircuits';

export interface PowerMetrics {
  rackLoadW: Map<string, number>;
  rowLoadW: Map<string, number>;
  hallLoadW: Map<string, number>;
  circuits: Map<string, CircuitLoad>;
  feeds: Map<string, FeedLoad>;
  rackRedundancy: Map<string, 'N' | '2N' | 'none'>;
  itLoadW: number;
  facilityLoadW: number;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

export function runPowerChecks(
  doc: ProjectDocument,
  catalog: CatalogView,
): { findings: Finding[]; metrics: PowerMetrics } {
  const rackLoads = new Map<string, number>();
  const rowLoads = new Map<string, number>();
  const hallLoads = new Map<string, number>(doc.halls.map((h) => [h.id, 0]));
  let itLoadW = 0;
  for (const rack of doc.racks) {
    const load = rackLoadW(rack, catalog, doc.settings.loadBasis);
    rackLoads.set(rack.id, load);
    if (rack.rowId !== null) add(rowLoads, rack.rowId, load);
    add(hallLoads, rack.hallId, load);
    itLoadW += load;
  }
  const circuits = checkRackCircuits(doc, rackLoads);
  const feeds = checkFeeds(doc, hallLoads);
  return {
    findings: [...circuits.findings, ...feeds.findings],
    metrics: {
      rackLoadW: rackLoads,
      rowLoadW: rowLoads,
      hallLoadW: hallLoads,
      circuits: circuits.circuits,
      feeds: feeds.feeds,
      rackRedundancy: circuits.rackRedundancy,
      itLoadW,
      facilityLoadW: itLoadW * doc.settings.designPue,
    },
  };
}
