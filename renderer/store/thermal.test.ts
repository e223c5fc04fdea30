/**
 * The thermal controller's run rules, with the real engine on this thread in place of the worker:
 * each run is held until the test finishes it, so the order of edits, timers and outcomes is the
 * test's. Results are the engine's own for the document the run was given.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSampleFacility, type ProjectDocument } from '../../shared/index';
import { simulateThermal } from '../../shared/thermal/index';
import type { ThermalOptions, ThermalRun } from '../../shared/thermal/types';
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

function heldRunner(): { runner: ThermalRunner; runs: HeldRun[] } {
  const runs: HeldRun[] = [];
  const runner: ThermalRunner = (doc, options, onProgress) => {
    let resolve!: (run: ThermalRun) => void;
    const done = new Promise<ThermalRun>((r) => (resolve = r));
    const held: HeldRun = {
      doc,
      options,
      cancelled: false,
      async finish() {
        resolve(simulateThermal(doc, options, (p) => void onProgress(p)));
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

const moveRack = (store: Store) =>
  store.getState().run({ label: 'Move a rack', recipe: (d) => void (d.racks[0]!.position.x += 0.6) });

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
    expect(runs[0]!.doc).toBe(store.getState().doc);
    expect(status()).toMatchObject({ kind: 'running', resolutionM: 0.5, auto: true });
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
    expect(runs[1]!.doc).toBe(store.getState().doc);
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
    expect(runs[1]!.doc).toBe(store.getState().doc);
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
