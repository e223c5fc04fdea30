/**
 * The order findings are listed in: worst first, then by key, then by message (two findings may
 * share a key where a rule says two things about the same entities). Keys compare by code unit,
 * not by locale, so the order is the same on every machine and cheap to compute.
 */
import { SEVERITY_ORDER, type Finding } from './types';

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    byCodeUnit(a.key, b.key) ||
    byCodeUnit(a.message, b.message)
  );
}

/**
 * `sorted` without the findings in `removed`, with `added` put in their places: the same list a
 * full sort would give, at the cost of one pass and a binary search per added finding.
 */
export function patchSorted(
  sorted: readonly Finding[],
  removed: ReadonlySet<Finding>,
  added: readonly Finding[],
): Finding[] {
  const out = removed.size === 0 ? sorted.slice() : sorted.filter((f) => !removed.has(f));
  for (const f of [...added].sort(compareFindings)) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareFindings(out[mid]!, f) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, f);
  }
  return out;
}
