import { describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../sample/sampleFacility';
import type { Scenario } from '../model/schema';
import { applyScenario } from './apply';

const B200 = { rackTypeId: null, devices: [{ catalogId: 'nvidia-dgx-b200', count: 4 }] };
const GB200 = { rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'nvidia-gb200-nvl72', count: 1 }] };

function scenario(rules: Scenario['rules']): Scenario {
  return { id: 's', name: 'S', rules };
}

describe('applying a scenario', () => {
  it('swaps the configuration of the matching racks only, and leaves the document alone', () => {
    const doc = buildSampleFacility();
    const before = JSON.stringify(doc);
    const { doc: out, changed } = applyScenario(
      doc,
      scenario([{ id: 'r1', scope: { kind: 'all' }, match: 'gpu', action: { kind: 'replace', config: B200 } }]),
    );
    expect(JSON.stringify(doc)).toBe(before);
    const gpuRacks = out.racks.filter((r) => r.rowId === 'row-a-02');
    expect(changed.get('r1')).toBe(gpuRacks.length);
    for (const r of gpuRacks) {
      expect(r.devices.map((d) => d.catalogId)).toEqual(Array(4).fill('nvidia-dgx-b200'));
      // Stacked from U1 in 10U steps.
      expect(r.devices.map((d) => d.uPosition)).toEqual([1, 11, 21, 31]);
    }
    const miners = out.racks.filter((r) => r.rowId === 'row-a-01');
    expect(miners.every((r) => r.devices.every((d) => d.catalogId === 'antminer-s19-xp'))).toBe(true);
  });

  it('takes the first rule that fits: "keep miners" before "everything → GB200" keeps the miners', () => {
    const doc = buildSampleFacility();
    const { doc: out } = applyScenario(
      doc,
      scenario([
        { id: 'keep', scope: { kind: 'all' }, match: 'miner', action: { kind: 'keep' } },
        { id: 'all', scope: { kind: 'all' }, match: 'any', action: { kind: 'replace', config: GB200 } },
      ]),
    );
    const miners = out.racks.filter((r) => r.rowId === 'row-a-01');
    expect(miners.every((r) => r.devices[0]?.catalogId === 'antminer-s19-xp')).toBe(true);
    const gpu = out.racks.filter((r) => r.rowId === 'row-a-02');
    expect(gpu.every((r) => r.devices.length === 1 && r.devices[0]!.catalogId === 'nvidia-gb200-nvl72')).toBe(true);
  });

  it('makes replaced miner racks critical new-build load', () => {
    const doc = buildSampleFacility();
    const { doc: out } = applyScenario(
      doc,
      scenario([
        {
          id: 'r',
          scope: { kind: 'rows', ids: ['row-a-01'] },
          match: 'miner',
          action: { kind: 'replace', config: GB200 },
        },
      ]),
    );
    const rack = out.racks.find((r) => r.rowId === 'row-a-01')!;
    const original = doc.racks.find((r) => r.id === rack.id)!;
    expect(original).toMatchObject({ interruptible: true, existing: true, rackTypeId: 'miner-shelf-2000' });
    expect(rack).toMatchObject({ interruptible: false, existing: false, rackTypeId: 'rack-48u-600x1200' });
    expect(rack.devices[0]).toMatchObject({ existing: false, feed: 'AB' });
  });

  it('says what did not fit and what is unknown', () => {
    const doc = buildSampleFacility();
    const { notes } = applyScenario(
      doc,
      scenario([
        {
          id: 'r',
          scope: { kind: 'racks', ids: [doc.racks.find((r) => r.rowId === 'row-a-02')!.id] },
          match: 'any',
          action: {
            kind: 'replace',
            config: {
              rackTypeId: null,
              devices: [
                { catalogId: 'nvidia-dgx-b200', count: 6 },
                { catalogId: 'nope', count: 1 },
              ],
            },
          },
        },
      ]),
    );
    expect(notes).toEqual([
      'Device "nope" is not in the catalog: it was left out.',
      '1 rack could not hold all of 6 × NVIDIA DGX B200 + 1 × unknown device nope: as few as 4 of 6 devices fit.',
    ]);
  });

  it('empties racks', () => {
    const doc = buildSampleFacility();
    const { doc: out } = applyScenario(
      doc,
      scenario([
        { id: 'r', scope: { kind: 'halls', ids: [doc.halls[0]!.id] }, match: 'miner', action: { kind: 'empty' } },
      ]),
    );
    expect(out.racks.filter((r) => r.rowId === 'row-a-01').every((r) => r.devices.length === 0)).toBe(true);
  });
});
