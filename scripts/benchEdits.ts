/**
 * The edits the benchmarks time, shared by scripts/bench.ts (Node) and the page that
 * scripts/bench-engine-chromium.ts bundles this into (Chromium), so both time the same thing.
 */
import { createChecker, type ProjectDocument } from '../shared/index';
import { createLoadsWorkerCore } from '../renderer/workers/loadsWorkerCore';
import { diff } from '../renderer/workers/patch';

/**
 * Edits as the store makes them: a new document sharing every object but the edited rack (the
 * middle one), moved 0.6 m or with its last device taken out.
 */
export function editedVersions(doc: ProjectDocument): {
  middle: number;
  moved: ProjectDocument;
  reloaded: ProjectDocument;
} {
  const middle = Math.floor(doc.racks.length / 2);
  const original = doc.racks[middle]!;
  const withRack = (rack: ProjectDocument['racks'][number]) => ({
    ...doc,
    racks: doc.racks.map((r, i) => (i === middle ? rack : r)),
  });
  return {
    middle,
    moved: withRack({ ...original, position: { x: original.position.x, y: original.position.y + 0.6 } }),
    reloaded: withRack({ ...original, devices: original.devices.slice(0, -1) }),
  };
}

/** One checker following the editor's document back and forth between two versions. */
export function alternating(a: ProjectDocument, b: ProjectDocument): () => void {
  const checker = createChecker();
  checker.check(a);
  let flip = false;
  return () => {
    flip = !flip;
    checker.check(flip ? b : a);
  };
}

/**
 * The loads worker's side of the same edit (loadsWorkerCore.ts): the document's patch applied to
 * its mirror, the loads checked, and the change to its last result found to send back.
 */
export function workerAlternating(a: ProjectDocument, b: ProjectDocument): () => void {
  const answer = createLoadsWorkerCore();
  let id = 0;
  answer({ id: id++, doc: diff(null, a), reset: true });
  // The page's side, the document's patch, is made before.
  const there = diff(a, b);
  const back = diff(b, a);
  let flip = false;
  return () => {
    flip = !flip;
    const reply = answer({ id: id++, doc: flip ? there : back, reset: false });
    if (!reply.ok) throw new Error(reply.error);
  };
}
