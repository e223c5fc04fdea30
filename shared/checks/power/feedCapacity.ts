/**
 * Utility feeds against the halls they supply. A service carries the facility load, not only IT:
 * facility = IT · design PUE (The Green Grid: PUE = facility / IT) until the cooling design gives
 * its own figure. Usable service power = S_kVA · PF · derating, the NEC continuous-load rule
 * applying to services as to branch circuits (NEC 230.42(A)(1), figures.md §2.2).
 */
import type { ProjectDocument, Utility } from '../../model/schema';
import { finding, type Finding } from '../types';

const FORMULA = 'IT · PUE_design ≤ S_kVA · 1000 · PF · derating';
const SOURCE = 'NEC 230.42(A)(1) continuous load on services; PUE per The Green Grid WP#49';

export interface FeedLoad {
  feed: Utility;
  usableW: number;
  itLoadW: number;
  facilityLoadW: number;
  hallIds: string[];
}

export function checkFeeds(
  doc: ProjectDocument,
  hallLoads: ReadonlyMap<string, number>,
): { findings: Finding[]; feeds: Map<string, FeedLoad> } {
  const feeds = new Map<string, FeedLoad>();
  for (const p of doc.power) {
    if (p.kind !== 'utility') continue;
    const usableW = p.capacityKva * 1000 * p.powerFactor * doc.settings.deratingFactor;
    feeds.set(p.id, { feed: p, usableW, itLoadW: 0, facilityLoadW: 0, hallIds: [] });
  }
  for (const hall of doc.halls) {
    const feed = hall.feedId !== null ? feeds.get(hall.feedId) : undefined;
    if (!feed) continue;
    feed.itLoadW += hallLoads.get(hall.id) ?? 0;
    feed.hallIds.push(hall.id);
  }
  const findings: Finding[] = [];
  for (const f of feeds.values()) {
    f.facilityLoadW = f.itLoadW * doc.settings.designPue;
    const marginW = f.usableW - f.facilityLoadW;
    if (marginW >= 0) continue;
    findings.push(
      finding({
        rule: 'power.capacity',
        severity: 'error',
        message: `Feed ${f.feed.name} must carry ${(f.facilityLoadW / 1e6).toFixed(3)} MW (IT ${(f.itLoadW / 1e6).toFixed(3)} MW × PUE ${doc.settings.designPue}), over its usable ${(f.usableW / 1e6).toFixed(3)} MW.`,
        entities: [f.feed.id, ...f.hallIds],
        values: {
          itLoadW: f.itLoadW,
          facilityLoadW: f.facilityLoadW,
          usableW: f.usableW,
          marginW,
          utilisationPct: (100 * f.facilityLoadW) / f.usableW,
        },
        formula: FORMULA,
        source: SOURCE,
      }),
    );
  }
  return { findings, feeds };
}
