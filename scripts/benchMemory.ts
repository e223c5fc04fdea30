/**
 * What an editor's checker keeps after a full check (scripts/bench.ts): its heap and its typed
 * arrays, in MB, after a full garbage collection either side. Timings on this machine move with
 * its load by ±30 %; these figures do not, and each megabyte a check writes for the first time
 * costs the kernel about 3 ms here (a page fault per 4 KB page, docs/performance.md), so they
 * follow a change of what the check keeps where timings cannot. Node only: it needs a collection
 * on demand.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createChecker, type ProjectDocument } from '../shared/index';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function settled(): { heap: number; typed: number } {
  collect();
  collect();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, typed: m.arrayBuffers };
}

export function keptByCheck(doc: ProjectDocument): { heapMB: number; typedMB: number; findings: number } {
  // A check of the same document first: what the engine keeps between checks at module level (the
  // last rooms and heats, by identity) is then this document's before and after, not another's.
  createChecker().check(structuredClone(doc));
  const fresh = structuredClone(doc);
  const before = settled();
  const checker = createChecker();
  checker.check(fresh);
  const after = settled();
  // Asked again after the collection, the checker answers from what it kept (so it was all alive).
  const findings = checker.check(fresh).findings.length;
  return { heapMB: (after.heap - before.heap) / 1e6, typedMB: (after.typed - before.typed) / 1e6, findings };
}
