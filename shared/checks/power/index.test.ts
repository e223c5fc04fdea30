/**
 * The power check of an edited version, worked out from what the check before it kept (PowerMemo):
 * after an edit of what racks hold, normal operation, the component metrics, the capacity
 * findings and stranded capacity are worked out again only where normal operation was reworked.
 * Every result must be a check from scratch's, to the last bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import type { ProjectDocument } from '../../model/schema';
import { buildSampleFacility } from '../../sample/sampleFacility';
import { NOTHING, twoUtilitiesAndABoard, withDevices } from '../../testing/deviceEdits';
import { buildLargeSite } from '../../testing/largeSite';
import { buildStressSite } from '../../testing/stressSite';
import { evaluateCooling } from '../cooling';
import { runPowerChecks, type PowerMemo } from './index';

const check = (doc: ProjectDocument, previous?: PowerMemo) =>
  runPowerChecks(doc, catalogFor(doc), evaluateCooling(doc, catalogFor(doc)), previous);

describe('a power check after an edit of what racks hold', () => {
  it.each([
    ['the sample', buildSampleFacility()],
    ['a 60-rack site', buildLargeSite(60)],
    ['a site with two utilities and a mechanical board', twoUtilitiesAndABoard()],
    ['a 300-rack campus', buildStressSite(300)],
  ])('is a check from scratch’s, over random device edits of %s', (_name, start) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: start.racks.length - 1 }), fc.nat({ max: NOTHING })), {
          minLength: 1,
          maxLength: 5,
        }),
        (edits) => {
          let doc = start;
          let last = check(doc);
          for (const [ri, how] of edits) {
            doc = withDevices(doc, ri, how);
            const next = check(doc, last.memo);
            const fresh = check(doc);
            expect(next.findings).toEqual(fresh.findings);
            expect(next.metrics).toEqual(fresh.metrics);
            expect(next.memo.stranded).toEqual(fresh.memo.stranded);
            last = next;
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('keeps the metrics and findings of the components the edit did not reach', () => {
    const doc = twoUtilitiesAndABoard();
    const first = check(doc);
    const edited = withDevices(doc, 7, 0);
    const next = check(edited, first.memo);
    const kept = next.memo.components.filter((m, i) => m === first.memo.components[i]).length;
    // A device taken out of one rack reaches its circuit and what is above it, the board and the utilities.
    expect(kept).toBeGreaterThan(next.memo.components.length - 20);
    expect(kept).toBeLessThan(next.memo.components.length);
    expect(next.memo.byComponent.filter((f, i) => f !== first.memo.byComponent[i]).length).toBeLessThan(20);
    // The board's load follows the IT load, so stranded capacity above it is worked out again.
    expect(next.memo.stranded).not.toBe(first.memo.stranded);
    expect(next.memo.stranded).toEqual(check(edited).memo.stranded);
    // An edit that reaches no rack keeps stranded capacity and its findings as they were.
    const renamed = check(withDevices(doc, 0, NOTHING), first.memo);
    expect(renamed.memo.stranded).toBe(first.memo.stranded);
    expect(renamed.memo.strandedFindings).toBe(first.memo.strandedFindings);
  });
});
