import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { REDUNDANCY_LEVELS, type ProjectDocument } from '../../model/schema';
import { buildSampleFacility } from '../../sample/sampleFacility';
import { generatorOnSideLoss, twoUtilitiesAndABoard, withDevices } from '../../testing/deviceEdits';
import { deviceEditSequences } from '../../testing/deviceEdits.testing';
import { buildLargeSite } from '../../testing/largeSite';
import { buildStressSite } from '../../testing/stressSite';
import { evaluateCooling } from '../cooling';
import { deltaBase, evaluateAgain, evaluateDelta, snapshot } from './delta';
import { evaluate, NORMAL, phaseAmps, type Flow, type Scenario } from './flow';
import { dedupe, scenariosFor, sideFailure, wholeFailure } from './scenarios';
import { normalAfterEdit } from './normalAfterEdit';
import { movedBelowOrFed } from './redundancy';
import { buildPowerGraph } from './topology';

/** Every scenario any model of any level would try, plus each component failing alone. */
function allScenarios(doc: ProjectDocument): { graph: ReturnType<typeof buildPowerGraph>; scenarios: Scenario[] } {
  const graph = buildPowerGraph(doc, catalogFor(doc));
  const scenarios: Scenario[] = [sideFailure(graph, 'A'), sideFailure(graph, 'B')];
  for (const level of REDUNDANCY_LEVELS)
    for (const model of ['N+1', '2N', '2N+1'] as const) scenarios.push(...scenariosFor(graph, level, model));
  graph.components.forEach((_, i) => scenarios.push(wholeFailure(graph, i)));
  return { graph, scenarios: dedupe(scenarios) };
}

function expectSameFlow(graph: ReturnType<typeof buildPowerGraph>, delta: Flow, full: Flow): void {
  expect(delta.live).toEqual(full.live);
  expect(delta.fedBy).toEqual(full.fedBy);
  expect(delta.rackState).toEqual(full.rackState);
  expect(delta.usableW).toEqual(full.usableW);
  // Circuits and phase-tracked distribution are redrawn as a full evaluation draws them: exact.
  expect(delta.phaseW).toEqual(full.phaseW);
  const currents = (flow: Flow) => flow.phaseW.map((_, p) => (flow.phaseTracked[(p / 3) | 0] ? phaseAmps(flow, p) : 0));
  expect(currents(delta)).toEqual(currents(full));
  // Above them loads are the base's plus the changes, summed in another order: equal to rounding.
  for (const [name, a, b] of [
    ['outW', delta.outW, full.outW],
    ['inW', delta.inW, full.inW],
    ['itW', delta.itW, full.itW],
  ] as const)
    a.forEach((v, i) => expectClose(v, b[i]!, `${name}[${graph.components[i]!.id}]`));
  graph.components.forEach((c, i) => {
    const d = delta.groupItW(i);
    const f = full.groupItW(i);
    for (const g of new Set([...d.keys(), ...f.keys()]))
      expectClose(d.get(g) ?? 0, f.get(g) ?? 0, `group ${g} at ${c.id}`);
  });
}

/** Equal within 1e-9 of the larger magnitude (or 1e-6 W near zero). */
function expectClose(actual: number, expected: number, what: string): void {
  const tolerance = Math.max(1e-6, 1e-9 * Math.max(Math.abs(actual), Math.abs(expected)));
  if (Math.abs(actual - expected) > tolerance) expect.fail(`${what}: ${actual} ≠ ${expected}`);
}

describe('failures evaluated as a change to normal operation', () => {
  it.each([
    ['the sample', buildSampleFacility()],
    ['a synthetic 60-rack site', buildLargeSite(60)],
  ])('give the full evaluation for every scenario of %s', (_name, doc) => {
    const { graph, scenarios } = allScenarios(doc);
    const normal = deltaBase(evaluate(graph, doc.settings, NORMAL));
    expect(scenarios.length).toBeGreaterThan(20);
    // The sides share normal operation's marks, as the proof's do; evaluations of the three
    // bases alternate, so a mark one left must never be read as another's.
    const sides = {
      A: deltaBase(evaluate(graph, doc.settings, sideFailure(graph, 'A')), normal),
      B: deltaBase(evaluate(graph, doc.settings, sideFailure(graph, 'B')), normal),
    };
    for (const s of scenarios) {
      const full = evaluate(graph, doc.settings, s);
      const delta = evaluateDelta(graph, doc.settings, normal, s);
      expectSameFlow(graph, delta, full);
      delta.restore();
      // "Side lost and one more unit" from the side-lost flow, as the proof runs it.
      const side = /^side:([AB])\+/.exec(s.id)?.[1] as 'A' | 'B' | undefined;
      if (side) {
        const fromSide = evaluateDelta(graph, doc.settings, sides[side], s);
        expectSameFlow(graph, fromSide, full);
        fromSide.restore();
      }
    }
    // Restoring leaves the scratch exactly as the base: the next evaluation starts clean.
    expectSameFlow(graph, normal.scratch, normal.flow);
  });

  it('touch only what the failure reaches: losing one PDU of 60 racks changes its circuits and the path above', () => {
    const doc = buildLargeSite(60);
    const graph = buildPowerGraph(doc, catalogFor(doc));
    const normal = deltaBase(evaluate(graph, doc.settings, NORMAL));
    const delta = evaluateDelta(graph, doc.settings, normal, wholeFailure(graph, graph.index.get('pdu-0a')!));
    expect(delta.changedRacks).toHaveLength(12);
    expect(delta.changed!.length).toBeLessThan(graph.components.length / 2);
  });
});

/** Every array of two flows, and their group loads, the same to the last bit. */
function expectIdentical(graph: ReturnType<typeof buildPowerGraph>, a: Flow, b: Flow): void {
  for (const k of ['live', 'fedBy', 'outW', 'inW', 'itW', 'usableW', 'phaseW', 'rackState'] as const)
    expect(a[k], k).toEqual(b[k]);
  expect(a.changed).toEqual(b.changed);
  expect(a.changedRacks).toEqual(b.changedRacks);
  graph.components.forEach((_, i) => expect([...a.groupItW(i)]).toEqual([...b.groupItW(i)]));
}

describe('what a failure touches and how it draws its circuits, found once per chain and feeds and replayed', () => {
  // A plan depends on the chain and where racks are fed, not on what they draw: after an edit of
  // what a rack holds, the graph keeps its feeds and the proof replays every plan. A circuit of
  // one rack is read back in each case drawn before, but drawn again once its rack changes; a
  // plan replayed reads its own copy of its circuits' cases, read afresh once they are redrawn.
  it('gives the flows of plans found afresh, to the last bit, after a rack’s devices change', () => {
    const doc = buildLargeSite(60);
    const catalog = catalogFor(doc);
    const { graph: before, scenarios } = allScenarios(doc);
    const normalBefore = deltaBase(evaluate(before, doc.settings, NORMAL));
    // Twice: the plans are made, then replayed (which copies their circuits' cases).
    for (let pass = 0; pass < 2; pass++)
      for (const s of scenarios) evaluateDelta(before, doc.settings, normalBefore, s).restore();

    const edited: ProjectDocument = {
      ...doc,
      racks: doc.racks.map((r, i) => (i === 13 ? { ...r, devices: r.devices.slice(0, -1) } : r)),
    };
    const replayed = buildPowerGraph(edited, catalog, undefined, before);
    const fresh = buildPowerGraph(edited, catalog);
    expect(replayed.feedsKey).toBe(before.feedsKey);
    expect(fresh.feedsKey).not.toBe(before.feedsKey);
    const fromReplayed = deltaBase(evaluate(replayed, doc.settings, NORMAL));
    const fromFresh = deltaBase(evaluate(fresh, doc.settings, NORMAL));
    for (const s of scenarios) {
      const a = evaluateDelta(replayed, doc.settings, fromReplayed, s);
      const b = evaluateDelta(fresh, doc.settings, fromFresh, s);
      expectIdentical(replayed, a, b);
      a.restore();
      b.restore();
    }
    expectSameFlow(replayed, fromReplayed.scratch, fromReplayed.flow);
  });
});

/** Each odd rack fed by the circuits of the rack before it: circuits of several racks, drawn rack by rack. */
function circuitsSharedByTwo(doc: ProjectDocument): ProjectDocument {
  return { ...doc, racks: doc.racks.map((r, i) => (i % 2 === 1 ? { ...r, feeds: doc.racks[i - 1]!.feeds } : r)) };
}

describe('a scenario evaluated again after an edit of what racks hold', () => {
  /** Every array of two flows the same to the last bit. */
  const expectIdentical = (a: Flow, b: Flow, what: string) => {
    for (const k of ['live', 'fedBy', 'outW', 'inW', 'itW', 'usableW', 'phaseW', 'rackState'] as const)
      expect(a[k], `${what}: ${k}`).toEqual(b[k]);
  };

  it.each([
    ['a site with two utilities and a mechanical board', twoUtilitiesAndABoard()],
    ['the same with a generator taking over on the loss of side A', generatorOnSideLoss(60)],
    ['a 300-rack campus', buildStressSite(300)],
    ['a site whose racks share their circuits two by two', circuitsSharedByTwo(buildLargeSite(60))],
  ])('is evaluateDelta’s, to the last bit, over random device edits of %s', (_name, start) => {
    fc.assert(
      fc.property(deviceEditSequences(start, 4), (edits) => {
        const catalog = catalogFor(start);
        let doc = start;
        let graph = buildPowerGraph(doc, catalog, evaluateCooling(doc, catalog));
        let normal = evaluate(graph, doc.settings, NORMAL);
        const scenarios = [sideFailure(graph, 'A'), sideFailure(graph, 'B'), wholeFailure(graph, 2)];
        // Each scenario's flow, kept as the proof keeps a side lost: a copy that outlives the scratch.
        const base = deltaBase(normal);
        const kept = scenarios.map((s) => {
          const flow = evaluateDelta(graph, doc.settings, base, s);
          const copy = snapshot(flow, graph, normal);
          flow.restore();
          return copy;
        });
        for (const [ri, how] of edits) {
          doc = withDevices(doc, ri, how);
          const next = buildPowerGraph(doc, catalog, evaluateCooling(doc, catalog), graph);
          const after = normalAfterEdit(next, doc.settings, graph, normal)!;
          const nextBase = deltaBase(after.flow);
          scenarios.forEach((s, k) => {
            const { marks: moved, list } = movedBelowOrFed(kept[k]!, after.reworked);
            expect(list).toEqual([...moved.keys()].filter((i) => moved[i]));
            const again = evaluateAgain(next, doc.settings, nextBase, s, kept[k]!, moved, list);
            // What it says moved: the marked components, and their places among those it changes.
            const changed = kept[k]!.changed!;
            expect(again.moved).toEqual([...moved.keys()].filter((i) => moved[i]));
            expect(again.places).toEqual([...changed.keys()].filter((p) => moved[changed[p]!]));
            // The base's scratch is left as the base has it.
            expectIdentical(nextBase.scratch, after.flow, `scratch after ${s.id}`);
            const fresh = evaluateDelta(next, doc.settings, nextBase, s);
            expectIdentical(kept[k]!, fresh, s.id);
            fresh.restore();
          });
          graph = next;
          normal = after.flow;
        }
      }),
      { numRuns: 10 },
    );
  });
});
