import { describe, expect, it } from 'vitest';
import { catalogFor } from '../catalog';
import { newProject, newRack } from '../model/factory';
import { indicativeBuildCost, racksWithin } from './buildCost';
import { designCompute, deviceCompute } from './compute';

const catalog = catalogFor({ customDevices: [] });
const device = (id: string) => catalog.device(id)!;

describe('worked case 12a: dense tensor throughput per kW of nameplate power', () => {
  it('DGX H100 776.0, DGX B200 1,258.7 and an 8 × RTX 4090 rig 322.7 BF16 TFLOPS/kW', () => {
    const h100 = deviceCompute(device('nvidia-dgx-h100'));
    expect(h100.bf16Tflops).toBeCloseTo(7_915.2, 6);
    expect(h100.bf16TflopsPerKw!).toBeCloseTo(776.0, 1);
    expect(deviceCompute(device('nvidia-dgx-b200')).bf16TflopsPerKw!).toBeCloseTo(1_258.7, 1);
    expect(deviceCompute(device('rig-8x-rtx4090')).bf16TflopsPerKw!).toBeCloseTo(322.7, 1);
  });

  it('FP8: DGX H100 1,552.1 and DGX B200 2,517.5 TFLOPS/kW', () => {
    expect(deviceCompute(device('nvidia-dgx-h100')).fp8TflopsPerKw!).toBeCloseTo(1_552.1, 1);
    expect(deviceCompute(device('nvidia-dgx-b200')).fp8TflopsPerKw!).toBeCloseTo(2_517.5, 1);
  });

  it('a design adds up its devices: 2 racks of 3 × DGX H100 and a miner bay', () => {
    const doc = newProject('x');
    const rack = (id: string, catalogId: string, n: number) =>
      newRack({
        id,
        name: id,
        hallId: 'hall-1',
        rackTypeId: 'rack-48u-600x1200',
        position: { x: 5, y: 5 },
        devices: Array.from({ length: n }, (_, k) => ({
          id: `${id}-${k}`,
          catalogId,
          uPosition: 1 + 10 * k,
          feed: 'AB' as const,
          existing: false,
        })),
      });
    doc.racks.push(rack('a', 'nvidia-dgx-h100', 3), rack('b', 'nvidia-dgx-h100', 3), rack('m', 'antminer-s19-xp', 2));
    const c = designCompute(doc, catalog);
    expect(c).toMatchObject({ devices: 8, gpus: 48 });
    expect(c.bf16Tflops).toBeCloseTo(6 * 7_915.2, 6);
    expect(c.hashrateThs).toBe(2 * device('antminer-s19-xp').hashrateThs!);
    expect(c.nameplateW).toBe(6 * 10_200 + 2 * device('antminer-s19-xp').nameplateW);
    // Per kW of the GPU servers only: the miners do not dilute it.
    expect(c.bf16TflopsPerKw!).toBeCloseTo(776.0, 1);
  });
});

describe('worked case 12b: indicative build cost of a 5 MW critical load', () => {
  it('$46.5 M / $58.5 M / $75.0 M, and $62.60–64.35 M with the AI premium', () => {
    const cost = indicativeBuildCost(5e6);
    expect(cost.lowUsd).toBeCloseTo(46.5e6, 0);
    expect(cost.midUsd).toBeCloseTo(58.5e6, 0);
    expect(cost.highUsd).toBeCloseTo(75.0e6, 0);
    expect(cost.aiLowUsd).toBeCloseTo(62.595e6, 0);
    expect(cost.aiHighUsd).toBeCloseTo(64.35e6, 0);
  });

  it('122 racks of 4 × DGX H100 (40.8 kW), 490 systems at 10.2 kW', () => {
    expect(racksWithin(5e6, 40_800)).toBe(122);
    expect(racksWithin(5e6, 10_200)).toBe(490);
  });
});
