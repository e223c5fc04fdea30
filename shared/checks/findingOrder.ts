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
 * full sort would give, at the cost of a copy and a binary search per finding removed or added.
 */
export function patchSorted(
  sorted: readonly Finding[],
  removed: ReadonlySet<Finding>,
  added: readonly Finding[],
): Finding[] {
  const out = without(sorted, removed);
  for (const f of [...added].sort(compareFindings)) out.splice(firstAfter(out, f), 0, f);
  return out;
}

/** Where `f` goes in `sorted`: after every finding that does not come after it. */
const firstAfter = (sorted: readonly Finding[], f: Finding) => boundOf(sorted, f, false);

/** Where `f` itself is in `sorted`, found by binary search among the findings that sort equal to it; −1 when absent. */
function placeOf(sorted: readonly Finding[], f: Finding): number {
  for (let at = boundOf(sorted, f, true); at < sorted.length && compareFindings(sorted[at]!, f) === 0; at++)
    if (sorted[at] === f) return at;
  return -1;
}

/** The first place in `sorted` whose finding comes after `f`, or (`orEqual`) sorts equal to it or after. */
function boundOf(sorted: readonly Finding[], f: Finding, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareFindings(sorted[mid]!, f);
    if (c < 0 || (c === 0 && !orEqual)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Findings removed at most this many are each found by binary search; more, by one pass over the list. */
const FOUND_ONE_BY_ONE = 64;

/**
 * `sorted` without `removed`, a copy. A campus's device edit removes a handful of its 9,000
 * findings: each is found by binary search and cut out, rather than every finding looked up in
 * the set.
 */
function without(sorted: readonly Finding[], removed: ReadonlySet<Finding>): Finding[] {
  if (removed.size === 0) return sorted.slice();
  if (removed.size <= FOUND_ONE_BY_ONE) {
    const places: number[] = [];
    for (const f of removed) {
      const at = placeOf(sorted, f);
      if (at === -1) return sorted.filter((g) => !removed.has(g));
      places.push(at);
    }
    places.sort((x, y) => y - x);
    const out = sorted.slice();
    for (const at of places) out.splice(at, 1);
    return out;
  }
  return sorted.filter((f) => !removed.has(f));
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
