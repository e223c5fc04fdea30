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

/**
 * What came into `now` and went from `old`, two versions of one part's findings sharing the
 * findings that stayed (the same objects), into `removed` and `added`. Both lists are made in the
 * same order, so what they share is mostly a common start and end: only what lies between is
 * compared as sets (a campus device edit changes a handful of its 4,500 load findings).
 */
export function cameAndWent(
  old: readonly Finding[],
  now: readonly Finding[],
  removed: Set<Finding>,
  added: Finding[],
): void {
  if (old === now) return;
  let start = 0;
  while (start < old.length && start < now.length && old[start] === now[start]) start++;
  let endOld = old.length;
  let endNow = now.length;
  while (endOld > start && endNow > start && old[endOld - 1] === now[endNow - 1]) {
    endOld--;
    endNow--;
  }
  const before = new Set(old.slice(start, endOld));
  const after = new Set(now.slice(start, endNow));
  for (let k = start; k < endOld; k++) if (!after.has(old[k]!)) removed.add(old[k]!);
  for (let k = start; k < endNow; k++) if (!before.has(now[k]!)) added.push(now[k]!);
}
