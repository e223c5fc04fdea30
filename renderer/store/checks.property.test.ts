/**
 * Incremental checks give the full check's results (issue 10): random sequences of real edits,
 * with undos and redos among them, run through the store; after every step the editor's checker,
 * which re-runs only what the step touched, must give exactly what a fresh full check gives —
 * the same findings in the same order, the same counts, the same metrics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker, runChecks, type CheckResults } from '../../shared/index';
import { commandFor, edit } from './randomEdits.testing';
import { fresh } from './storeTesting';

const step = fc.oneof(
  { weight: 6, arbitrary: edit },
  { weight: 1, arbitrary: fc.constant({ k: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'redo' as const }) },
);

/** Results as plain data, maps as entries in key order (a re-run hall's entries sit where its old ones did). */
function plain(r: CheckResults) {
  const entries = <V>(m: ReadonlyMap<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    findings: r.findings,
    counts: r.counts,
    power: r.power,
    cooling: r.cooling,
    security: { ...r.security, racks: entries(r.security.racks) },
    floor: { racks: entries(r.floor.racks), halls: entries(r.floor.halls) },
  };
}

describe('incremental checks', () => {
  it('equal a full check after every step of random edit sequences (with undo and redo)', () => {
    let steps = 0;
    let reused = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps_) => {
        const store = fresh();
        const checker = createChecker();
        checker.check(store.getState().doc);
        for (const s of steps_) {
          const before = checker.check(store.getState().doc);
          if (s.k === 'undo') store.getState().undo();
          else if (s.k === 'redo') store.getState().redo();
          else {
            const command = commandFor(store, s);
            if (command) store.getState().run(command);
          }
          const doc = store.getState().doc;
          const incremental = checker.check(doc);
          expect(plain(incremental)).toEqual(plain(runChecks(doc)));
          steps++;
          if (incremental.power === before.power) reused++;
        }
      }),
      { numRuns: 30 },
    );
    // The sequences must exercise both paths: edits that reuse the power proof and edits that re-run it.
    expect(reused).toBeGreaterThan(steps / 10);
    expect(reused).toBeLessThan(steps);
  }, 120_000);

  it('moving a rack re-runs only its hall: the loads and zoning are the same objects', () => {
    const store = fresh();
    const checker = createChecker();
    const before = checker.check(store.getState().doc);
    const rack = store.getState().doc.racks[0]!;
    const command = commandFor(store, { k: 'move', rack: 0, count: 1, dx: 0, dy: 0.6 });
    expect(command).not.toBeNull();
    store.getState().run(command!);
    const after = checker.check(store.getState().doc);
    expect(store.getState().doc.racks[0]!.position).not.toEqual(rack.position);
    expect(after.power).toBe(before.power);
    expect(after.cooling).toBe(before.cooling);
    expect(after.security.graph).toBe(before.security.graph);
    expect(plain(after)).toEqual(plain(runChecks(store.getState().doc)));
  });

  it('a second check of the same document returns the same results', () => {
    const store = fresh();
    const checker = createChecker();
    expect(checker.check(store.getState().doc)).toBe(checker.check(store.getState().doc));
  });
});
