import { describe, expect, it } from 'vitest';
import { addDevice } from './commands';
import { addDeviceAt, moveDevice, removePlacedDevice, setPlacedDeviceFeed } from './elevationCommands';
import { doc, fresh, reopens, run } from './storeTesting';

const GPU_RACK = 'rack-A-02-01';
const MINER_BAY = 'rack-A-01-01';
const devicesOf = (store: ReturnType<typeof fresh>, rackId: string) =>
  doc(store)
    .racks.find((r) => r.id === rackId)!
    .devices.map((d) => [d.catalogId, d.uPosition]);

describe('elevation edits', () => {
  it('places a catalog device at a U, and undo takes it out again', () => {
    const store = fresh();
    const before = structuredClone(doc(store));
    const added = run(store, addDeviceAt(doc(store), GPU_RACK, 'nvidia-dgx-b200', 31));
    expect(added.id).toBe('rack-A-02-01-d4');
    expect(devicesOf(store, GPU_RACK)).toContainEqual(['nvidia-dgx-b200', 31]);
    expect(store.getState().history.undo.at(-1)?.label).toBe('Add NVIDIA DGX B200 at U31 in A-02-01');
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(doc(store)).toEqual(before);
  });

  it('refuses a device that overlaps, runs past the top or starts below U1, with the engine’s reason', () => {
    const d = doc(fresh());
    expect(addDeviceAt(d, GPU_RACK, 'nvidia-dgx-b200', 25)).toEqual({
      ok: false,
      reason:
        'NVIDIA DGX B200 (10U) cannot go at U25 in A-02-01: U25–U34 overlaps NVIDIA DGX H100 at U23–U30; the nearest 10U that are free start at U31.',
    });
    const top = addDeviceAt(d, GPU_RACK, 'nvidia-dgx-b200', 45);
    expect(!top.ok && top.reason).toContain('needs 10U from U45 but the rack has 48U');
    const below = addDeviceAt(d, GPU_RACK, 'antminer-s21', 0);
    expect(!below.ok && below.reason).toContain('U0 is below the first U (U1)');
    expect(addDeviceAt(d, GPU_RACK, 'no-such-device', 31).ok).toBe(false);
    expect(addDeviceAt(d, 'no-such-rack', 'antminer-s21', 1).ok).toBe(false);
  });

  it('moves a placed device within the free U around it, and refuses a move onto another device', () => {
    const store = fresh();
    // DGX H100 d3 occupies U23–U30; it may slide up into the free U31–U48.
    run(store, moveDevice(doc(store), GPU_RACK, 'A-02-01-d3', 41));
    expect(devicesOf(store, GPU_RACK)).toEqual([
      ['nvidia-dgx-h100', 3],
      ['nvidia-dgx-h100', 13],
      ['nvidia-dgx-h100', 41],
    ]);
    const onto = moveDevice(doc(store), GPU_RACK, 'A-02-01-d2', 36);
    expect(!onto.ok && onto.reason).toBe(
      'NVIDIA DGX H100 (8U) cannot move to U36 in A-02-01: U36–U43 overlaps NVIDIA DGX H100 at U41–U48; the nearest 8U that are free start at U33.',
    );
    store.getState().undo();
    expect(devicesOf(store, GPU_RACK)).toContainEqual(['nvidia-dgx-h100', 23]);
  });

  it('removes a device and sets its feed side, both undoable; a side without a circuit is refused', () => {
    const store = fresh();
    const before = structuredClone(doc(store));
    run(store, setPlacedDeviceFeed(doc(store), GPU_RACK, 'A-02-01-d1', 'B'));
    expect(doc(store).racks.find((r) => r.id === GPU_RACK)!.devices[0]!.feed).toBe('B');
    run(store, removePlacedDevice(doc(store), GPU_RACK, 'A-02-01-d2'));
    expect(devicesOf(store, GPU_RACK)).toHaveLength(2);
    expect(store.getState().history.undo.at(-1)?.label).toBe('Remove NVIDIA DGX H100');
    expect(removePlacedDevice(doc(store), GPU_RACK, 'A-02-01-d2')).toEqual({
      ok: false,
      reason: 'That device is no longer in A-02-01.',
    });
    store.getState().undo();
    store.getState().undo();
    expect(doc(store)).toEqual(before);

    // The miner bays hang on one circuit (side A) only.
    const onB = setPlacedDeviceFeed(doc(store), MINER_BAY, 'A-01-01-d1', 'B');
    expect(!onB.ok && onB.reason).toMatch(/^A-01-01 has no B circuit/);
    expect(setPlacedDeviceFeed(doc(store), MINER_BAY, 'A-01-01-d1', 'A').ok).toBe(true);
  });

  it('"add" from the palette takes the lowest free U the engine finds, or says why nothing fits', () => {
    const store = fresh();
    run(store, addDevice(doc(store), GPU_RACK, 'l40s-server-8gpu'));
    // 4U does not fit in U1–U2, U11–U12 or U21–U22: the first run long enough starts at U31.
    expect(devicesOf(store, GPU_RACK)).toContainEqual(['l40s-server-8gpu', 31]);
    const full = addDevice(doc(store), MINER_BAY, 'nvidia-dgx-b200');
    expect(!full.ok && full.reason).toBe(
      'NVIDIA DGX B200 (10U) does not fit in A-01-01: no 10 free U follow one another in this rack (the largest free run is 3U at U46–U48): move or remove devices, or use another rack.',
    );
  });
});
