/**
 * The thermal controller's run rules, with the real engine on this thread in place of the worker:
 * each run is held until the test finishes it, so the order of edits, timers and outcomes is the
 * test's. Results are the engine's own for the document the run was given (one hall's
 * sub-document). The campus tests give each hall a stand-in result instead: they are about which
 * hall runs when, not about temperatures.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSampleFacility, type ProjectDocument } from '../../shared/index';
import { thermalHallDocuments } from '../../shared/thermal/hallDocument';
import { simulateThermal } from '../../shared/thermal/index';
import { buildLargeSite } from '../../shared/testing/largeSite';
import type { ThermalOptions, ThermalResult, ThermalRun } from '../../shared/thermal/types';
import { CANCELLED, type ThermalRunner } from '../workers/thermalClient';
import { AUTO_DELAY_MS, createThermalController, type ThermalController } from './thermal';
import { fresh, type Store } from './storeTesting';

interface HeldRun {
  doc: ProjectDocument;
  options: ThermalOptions;
  cancelled: boolean;
  /** Runs the engine on the run's document and hands its outcome to the store. */
  finish(): Promise<void>;
}

/** A result naming the run's one hall and nothing else, for the tests about scheduling. */
function standIn(doc: ProjectDocument, options: ThermalOptions): ThermalRun {
  const hallId = doc.halls[0]!.id;
  const result = { resolutionM: options.resolutionM, halls: [{ hallId }], fields: [], racks: [], returns: [] };
  return { ok: true, result: { ...result, findings: [], seconds: 1 } as unknown as ThermalResult };
}

function heldRunner(engine = true): { runner: ThermalRunner; runs: HeldRun[] } {
  const runs: HeldRun[] = [];
  const runner: ThermalRunner = (doc, options, onProgress) => {
    let resolve!: (run: ThermalRun) => void;
    const done = new Promise<ThermalRun>((r) => (resolve = r));
    const held: HeldRun = {
      doc,
      options,
      cancelled: false,
      async finish() {
        resolve(engine ? simulateThermal(doc, options, (p) => void onProgress(p)) : standIn(doc, options));
        await done;
        await Promise.resolve();
      },
    };
    runs.push(held);
    return {
      done,
      cancel() {
        held.cancelled = true;
        resolve(CANCELLED);
      },
    };
  };
  return { runner, runs };
}

const moveRack = (store: Store, index = 0) =>
  store.getState().run({ label: 'Move a rack', recipe: (d) => void (d.racks[index]!.position.x += 0.6) });

/** The sub-document of the open document's hall that a run must have been given. */
const hallDoc = (store: Store, hallId = 'hall-a') => thermalHallDocuments(store.getState().doc).get(hallId);

describe('thermal runs in the app', { timeout: 120_000 }, () => {
  let store: Store;
  let runs: HeldRun[];
  let thermal: ThermalController;

  beforeEach(() => {
    vi.useFakeTimers();
    store = fresh();
    const held = heldRunner();
    runs = held.runs;
    thermal = createThermalController(store, held.runner);
  });
  afterEach(() => {
    thermal.dispose();
    vi.useRealTimers();
  });

  const status = () => thermal.useThermal.getState().status;

  it('runs nothing until the view is opened; then a coarse run of the open document', async () => {
    moveRack(store);
    vi.advanceTimersByTime(5 * AUTO_DELAY_MS);
    expect(runs).toHaveLength(0);
    thermal.arm();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.options).toEqual({ resolutionM: 0.5 });
    expect(runs[0]!.doc).toBe(hallDoc(store));
    expect(status()).toMatchObject({ kind: 'running', resolutionM: 0.5, auto: true, hallIndex: 1, hallCount: 1 });
    await runs[0]!.finish();
    const { computed } = thermal.useThermal.getState();
    expect(status()).toEqual({ kind: 'idle' });
    expect(computed?.result.resolutionM).toBe(0.5);
    expect(computed?.result.racks).toHaveLength(32);
    expect(thermal.isStale()).toBe(false);
  });

  it('marks the result stale after an edit and runs again a moment after the last edit', async () => {
    thermal.arm();
    await runs[0]!.finish();
    moveRack(store);
    expect(thermal.isStale()).toBe(true);
    expect(status().kind).toBe('waiting');
    vi.advanceTimersByTime(AUTO_DELAY_MS - 1);
    moveRack(store);
    vi.advanceTimersByTime(AUTO_DELAY_MS - 1);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.doc).toBe(hallDoc(store));
    await runs[1]!.finish();
    expect(thermal.isStale()).toBe(false);
  });

  it('leaves the result current after an edit the simulation does not read', async () => {
    thermal.arm();
    await runs[0]!.finish();
    store.getState().run({ label: 'Rename', recipe: (d) => void (d.name = 'Renamed') });
    expect(thermal.isStale()).toBe(false);
    vi.advanceTimersByTime(5 * AUTO_DELAY_MS);
    expect(runs).toHaveLength(1);
  });

  it('cancels a coarse run an edit makes stale, and starts another after the delay', () => {
    thermal.arm();
    moveRack(store);
    expect(runs[0]!.cancelled).toBe(true);
    expect(status().kind).toBe('waiting');
    vi.advanceTimersByTime(AUTO_DELAY_MS);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.doc).toBe(hallDoc(store));
  });

  it('lets a fine run finish through an edit; its result shows stale and a coarse run follows', async () => {
    thermal.arm();
    thermal.simulate();
    expect(runs[0]!.cancelled).toBe(true);
    expect(runs[1]!.options).toEqual({ resolutionM: 0.25 });
    moveRack(store);
    expect(runs[1]!.cancelled).toBe(false);
    vi.advanceTimersByTime(5 * AUTO_DELAY_MS);
    expect(runs).toHaveLength(2);
    await runs[1]!.finish();
    expect(thermal.useThermal.getState().computed?.result.resolutionM).toBe(0.25);
    expect(thermal.isStale()).toBe(true);
    vi.advanceTimersByTime(AUTO_DELAY_MS);
    expect(runs).toHaveLength(3);
    expect(runs[2]!.options).toEqual({ resolutionM: 0.5 });
  });

  it('says a cancelled run was cancelled and keeps the last result', async () => {
    thermal.arm();
    await runs[0]!.finish();
    const before = thermal.useThermal.getState().computed;
    thermal.simulate();
    thermal.cancel();
    expect(runs[1]!.cancelled).toBe(true);
    await Promise.resolve();
    expect(status()).toEqual({ kind: 'cancelled', resolutionM: 0.25 });
    expect(thermal.useThermal.getState().computed).toBe(before);
  });

  it('drops the result when another project is opened, and follows no edits once switched off', async () => {
    thermal.arm();
    await runs[0]!.finish();
    thermal.setAutoChoice(false);
    moveRack(store);
    vi.advanceTimersByTime(5 * AUTO_DELAY_MS);
    expect(runs).toHaveLength(1);
    store.getState().load(buildSampleFacility(), { name: 'other.hallwright', handle: null });
    expect(thermal.useThermal.getState().computed).toBeNull();
  });
});

describe('thermal runs on a campus, hall by hall', () => {
  // buildLargeSite(500): halls hall-0 and hall-1 of 240 racks and hall-2 of 20, each 80 × 60 × 6 m.
  let store: Store;
  let runs: HeldRun[];
  let thermal: ThermalController;
  const hallOf = (run: HeldRun) => run.doc.halls[0]!.id;
  const status = () => thermal.useThermal.getState().status;
  const computedHalls = () => Object.keys(thermal.useThermal.getState().computed?.halls ?? {}).sort();
  const firstRackOf = (hallId: string) => store.getState().doc.racks.findIndex((r) => r.hallId === hallId);

  beforeEach(() => {
    vi.useFakeTimers();
    store = fresh();
    store.getState().load(buildLargeSite(500), { name: 'campus.hallwright', handle: null });
    store.getState().setActiveHall('hall-2');
    const held = heldRunner(false);
    runs = held.runs;
    thermal = createThermalController(store, held.runner);
  });
  afterEach(() => {
    thermal.dispose();
    vi.useRealTimers();
  });

  it('runs the hall in view first and alone, then the others two at a time, hall n of m', async () => {
    thermal.arm();
    expect(runs.map(hallOf)).toEqual(['hall-2']);
    expect(status()).toMatchObject({ kind: 'running', hallId: 'hall-2', hallIndex: 1, hallCount: 3 });
    await runs[0]!.finish();
    // The hall in view is usable at once, while the others go on.
    expect(computedHalls()).toEqual(['hall-2']);
    expect(thermal.isStale()).toBe(false);
    expect(runs.map(hallOf)).toEqual(['hall-2', 'hall-0', 'hall-1']);
    expect(status()).toMatchObject({ kind: 'running', hallIndex: 2, hallCount: 3 });
    await runs[1]!.finish();
    await runs[2]!.finish();
    expect(status()).toEqual({ kind: 'idle' });
    expect(computedHalls()).toEqual(['hall-0', 'hall-1', 'hall-2']);
    // Merged in the document's hall order.
    expect(thermal.useThermal.getState().computed?.result.halls.map((h) => h.hallId)).toEqual([
      'hall-0',
      'hall-1',
      'hall-2',
    ]);
  });

  it('an edit in one hall makes only that hall stale and re-runs only it', async () => {
    thermal.arm();
    for (let i = 0; i < 3; i++) await runs[i]!.finish();
    moveRack(store, firstRackOf('hall-1'));
    expect(thermal.isStale()).toBe(true);
    vi.advanceTimersByTime(AUTO_DELAY_MS);
    expect(runs.slice(3).map(hallOf)).toEqual(['hall-1']);
    expect(status()).toMatchObject({ kind: 'running', hallId: 'hall-1', hallIndex: 1, hallCount: 1 });
    await runs[3]!.finish();
    expect(thermal.isStale()).toBe(false);
  });

  it("an edit stops only the coarse job of the hall it touches; the others' go on", async () => {
    thermal.arm();
    await runs[0]!.finish();
    expect(runs.map(hallOf)).toEqual(['hall-2', 'hall-0', 'hall-1']);
    moveRack(store, firstRackOf('hall-0'));
    expect(runs[1]!.cancelled).toBe(true);
    expect(runs[2]!.cancelled).toBe(false);
    await runs[2]!.finish();
    // The touched hall joins again once the edits pause.
    vi.advanceTimersByTime(AUTO_DELAY_MS);
    expect(runs.slice(3).map(hallOf)).toEqual(['hall-0']);
    await runs[3]!.finish();
    expect(computedHalls()).toEqual(['hall-0', 'hall-1', 'hall-2']);
    expect(thermal.isStale()).toBe(false);
    expect(status()).toEqual({ kind: 'idle' });
  });

  it('with the background off, only the hall in view runs; Simulate and Cancel cover every job', async () => {
    thermal.setBackground(false);
    thermal.arm();
    expect(runs.map(hallOf)).toEqual(['hall-2']);
    await runs[0]!.finish();
    expect(status()).toEqual({ kind: 'idle' });
    thermal.setBackground(true);
    thermal.simulate();
    expect(runs.slice(1).map((r) => [hallOf(r), r.options.resolutionM])).toEqual([['hall-2', 0.25]]);
    await runs[1]!.finish();
    expect(runs.slice(2).map((r) => [hallOf(r), r.options.resolutionM])).toEqual([
      ['hall-0', 0.25],
      ['hall-1', 0.25],
    ]);
    thermal.cancel();
    expect(runs[2]!.cancelled && runs[3]!.cancelled).toBe(true);
    await Promise.resolve();
    expect(status()).toEqual({ kind: 'cancelled', resolutionM: 0.25 });
    // The hall done before Cancel keeps its fine result.
    expect(thermal.useThermal.getState().computed?.halls['hall-2']?.result.resolutionM).toBe(0.25);
    expect(runs).toHaveLength(4);
  });
});
