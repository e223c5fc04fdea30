/**
 * What a design computes: GPUs, dense tensor throughput (BF16 and FP8, TFLOPS as the catalog
 * stores them: dense, never sparse — figures.md §6.3), Bitcoin hashrate, and throughput per kW of
 * the GPU devices' nameplate power (worked case 12a: TFLOPS/kW = Σ GPU dense TFLOPS / nameplate kW).
 */
import type { CatalogView, DeviceSpec } from '../catalog';
import type { ProjectDocument } from '../model/schema';

export interface ComputeTotals {
  devices: number;
  gpus: number;
  /** Dense tensor throughput, TFLOPS. FP8 counts only devices that publish it. */
  bf16Tflops: number;
  fp8Tflops: number;
  hashrateThs: number;
  /** Nameplate (maximum) input of all devices, W. */
  nameplateW: number;
  /** Nameplate input of the devices with GPUs, W: what the per-kW figures divide by, so miners do not dilute them. */
  gpuNameplateW: number;
  /** BF16 dense TFLOPS per kW of GPU devices' nameplate input; null without GPUs. */
  bf16TflopsPerKw: number | null;
  fp8TflopsPerKw: number | null;
}

/** One device's figures (worked case 12a: DGX H100 8 × 989.4 = 7,915.2 TFLOPS on 10.2 kW → 776.0 per kW). */
export function deviceCompute(device: DeviceSpec): ComputeTotals {
  const g = device.gpus;
  return totals({
    devices: 1,
    gpus: g?.count ?? 0,
    bf16Tflops: g ? g.count * g.bf16DenseTflops : 0,
    fp8Tflops: g && g.fp8DenseTflops !== null ? g.count * g.fp8DenseTflops : 0,
    hashrateThs: device.hashrateThs ?? 0,
    nameplateW: device.nameplateW,
    gpuNameplateW: g ? device.nameplateW : 0,
  });
}

export function designCompute(doc: Pick<ProjectDocument, 'racks'>, catalog: CatalogView): ComputeTotals {
  const sum = { devices: 0, gpus: 0, bf16Tflops: 0, fp8Tflops: 0, hashrateThs: 0, nameplateW: 0, gpuNameplateW: 0 };
  for (const rack of doc.racks)
    for (const placement of rack.devices) {
      const device = catalog.device(placement.catalogId);
      if (!device) continue;
      const d = deviceCompute(device);
      sum.devices += 1;
      sum.gpus += d.gpus;
      sum.bf16Tflops += d.bf16Tflops;
      sum.fp8Tflops += d.fp8Tflops;
      sum.hashrateThs += d.hashrateThs;
      sum.nameplateW += d.nameplateW;
      sum.gpuNameplateW += d.gpuNameplateW;
    }
  return totals(sum);
}

function totals(t: Omit<ComputeTotals, 'bf16TflopsPerKw' | 'fp8TflopsPerKw'>): ComputeTotals {
  const kw = t.gpuNameplateW / 1_000;
  return {
    ...t,
    bf16TflopsPerKw: kw > 0 ? t.bf16Tflops / kw : null,
    fp8TflopsPerKw: kw > 0 ? t.fp8Tflops / kw : null,
  };
}
