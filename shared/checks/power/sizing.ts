/**
 * Sizing rules for UPS modules and transformers (figures.md §2.4–2.5; worked case 8): the
 * engine's answer to "how much do I need". The UPS redundancy finding uses the module rule to say
 * how many modules would hold.
 */
import type { RedundancyModel } from '../../model/schema';

export interface UpsSizing {
  /** Modules needed to carry the load with none spare: N = ⌈load / module⌉. */
  n: number;
  /** Installed modules for the redundancy model: N, N+1, 2N = N + N, 2N+1 = 2(N+1). */
  modules: number;
  installedW: number;
  /** Loading in normal operation (per side for 2N models), %. */
  normalLoadingPct: number;
  /** Loading after the model's design failure: one module (N, N+1), one side (2N), one side and one module (2N+1), %. */
  degradedLoadingPct: number;
}

/** UPS module count and loadings for a critical load, W, on modules of `moduleW` (worked case 8). */
export function upsSizing(criticalW: number, moduleW: number, model: RedundancyModel): UpsSizing {
  const n = Math.max(1, Math.ceil(criticalW / moduleW));
  const pct = (w: number) => (100 * criticalW) / w;
  switch (model) {
    case 'N':
      return {
        n,
        modules: n,
        installedW: n * moduleW,
        normalLoadingPct: pct(n * moduleW),
        degradedLoadingPct: pct((n - 1) * moduleW),
      };
    case 'N+1':
      return {
        n,
        modules: n + 1,
        installedW: (n + 1) * moduleW,
        normalLoadingPct: pct((n + 1) * moduleW),
        degradedLoadingPct: pct(n * moduleW),
      };
    case '2N':
      return {
        n,
        modules: 2 * n,
        installedW: 2 * n * moduleW,
        normalLoadingPct: pct(2 * n * moduleW),
        degradedLoadingPct: pct(n * moduleW),
      };
    case '2N+1':
      return {
        n,
        modules: 2 * (n + 1),
        installedW: 2 * (n + 1) * moduleW,
        normalLoadingPct: pct(2 * (n + 1) * moduleW),
        degradedLoadingPct: pct(n * moduleW),
      };
  }
}

/** ANSI standard transformer ratings, kVA (figures.md §2.4, tag U). */
export const TRANSFORMER_SIZES_KVA = [
  300, 500, 750, 1_000, 1_500, 2_000, 2_500, 3_000, 3_750, 5_000, 7_500, 10_000, 12_000, 15_000, 20_000, 25_000,
] as const;

/**
 * Transformer for a path: S ≥ (IT · PUE_design) / PF / max loading, rounded up to the next
 * standard rating (figures.md §2.4). Returns the required kVA and the size, or null above the table.
 */
export function transformerSizing(
  itW: number,
  designPue: number,
  powerFactor: number,
  maxLoading: number,
): { requiredKva: number; sizeKva: number | null } {
  const requiredKva = (itW * designPue) / powerFactor / maxLoading / 1000;
  return { requiredKva, sizeKva: TRANSFORMER_SIZES_KVA.find((s) => s >= requiredKva) ?? null };
}
