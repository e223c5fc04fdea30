/**
 * Undo and redo are exact (issue 10): random sequences of real edits — the builders the panels and
 * the canvas call — run through the store; undoing them all gives back the document as opened,
 * byte for byte once saved, and redoing them all gives back the edited one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeProject } from '../../shared/index';
import { commandFor, edit, type Edit } from './randomEdits.testing';
import { fresh } from './storeTesting';

/**
 * Runs the edits (stopping once `limit` have been recorded), undoes them all, redoes them all;
 * returns how many were recorded. Refused edits and no-ops record nothing, as in the editor.
 */
function roundTrip(edits: readonly Edit[], limit = Infinity): number {
  const store = fresh();
  const original = serializeProject(store.getState().doc);
  const originalDoc = structuredClone(store.getState().doc);
  let recorded = 0;
  for (const e of edits) {
    if (recorded === limit) break;
    const command = commandFor(store, e);
    if (command && store.getState().run(command)) recorded++;
  }
  expect(store.getState().history.undo).toHaveLength(recorded);
  const final = serializeProject(store.getState().doc);
  const finalDoc = structuredClone(store.getState().doc);

  for (let i = 0; i < recorded; i++) store.getState().undo();
  expect(store.getState().history.undo).toHaveLength(0);
  expect(store.getState().doc).toEqual(originalDoc);
  expect(serializeProject(store.getState().doc)).toBe(original);

  for (let i = 0; i < recorded; i++) store.getState().redo();
  expect(store.getState().history.redo).toHaveLength(0);
  expect(store.getState().doc).toEqual(finalDoc);
  expect(serializeProject(store.getState().doc)).toBe(final);
  return recorded;
}

describe('undo and redo over random edit sequences', () => {
  it('1,000 random edits: undo all gives the exact original, redo all the exact final document', () => {
    // About three in four generated edits are offered and change something (measured: 745 and
    // 785 of 1,000), so 2,000 candidates reach 1,000 recorded edits.
    fc.assert(
      fc.property(fc.array(edit, { minLength: 2_000, maxLength: 2_000 }), (edits) => {
        expect(roundTrip(edits, 1_000)).toBe(1_000);
      }),
      { numRuns: 3 },
    );
  }, 60_000);

  it('many shorter sequences', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 60 }), (edits) => {
        roundTrip(edits);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
