import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cameAndWent, compareFindings, patchSorted } from './findingOrder';
import { finding, type Finding, type Severity } from './types';

const make = (n: number, severity: Severity): Finding =>
  finding({
    rule: 'test.rule',
    severity,
    message: `finding ${n}`,
    entities: [`e-${n % 7}`, `f-${n}`],
    values: {},
    formula: '',
    source: '',
  });

/** A part's findings: distinct objects, in the order a check makes them (not sorted). */
const part = fc
  .uniqueArray(fc.nat({ max: 60 }), { maxLength: 30 })
  .map((ns) => ns.map((n) => make(n, (['error', 'warning', 'info'] as const)[n % 3]!)));

describe('a part’s findings after an edit', () => {
  it('patched into the sorted list by what came and went, give the list a full sort gives', () => {
    fc.assert(
      fc.property(
        part,
        fc.array(fc.tuple(fc.constantFrom('keep', 'drop', 'replace', 'insert'), fc.nat({ max: 60 })), {
          maxLength: 12,
        }),
        part,
        (old, edits, others) => {
          // The new version keeps the old objects where the edit left them, in their order.
          const now: Finding[] = [];
          old.forEach((f, k) => {
            const [what, n] = edits[k % Math.max(1, edits.length)] ?? ['keep', 0];
            if (what === 'keep' || edits.length === 0) now.push(f);
            else if (what === 'replace') now.push(make(100 + n, f.severity));
            else if (what === 'insert') now.push(make(200 + n + k, 'warning'), f);
          });
          // Others first: where one sorts equal to a finding that went, it comes before it.
          const sorted = [...others, ...old].sort(compareFindings);
          const removed = new Set<Finding>();
          const added: Finding[] = [];
          cameAndWent(old, now, removed, added);
          const patched = patchSorted(sorted, removed, added);
          expect(patched).toEqual([...now, ...others].sort(compareFindings));
          // The very objects of the new version: each finding removed is the one that went, not
          // another that sorts equal to it.
          const kept = new Set([...now, ...others]);
          expect(patched.every((f) => kept.has(f))).toBe(true);
          // Only what came or went.
          expect(added.every((f) => !old.includes(f))).toBe(true);
          expect([...removed].every((f) => !now.includes(f))).toBe(true);
          expect(added.length + removed.size).toBe(
            now.filter((f) => !old.includes(f)).length + old.filter((f) => !now.includes(f)).length,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('compares as sets only what lies between the common start and end', () => {
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map((n) => make(n, 'warning')) as [
      Finding,
      Finding,
      Finding,
      Finding,
      Finding,
    ];
    const removed = new Set<Finding>();
    const added: Finding[] = [];
    cameAndWent([a, b, c, d], [a, e, c, d], removed, added);
    expect([...removed]).toEqual([b]);
    expect(added).toEqual([e]);
    // The same list: nothing.
    const none: Finding[] = [];
    cameAndWent([a, b], [a, b], removed, none);
    expect(none).toEqual([]);
  });
});
