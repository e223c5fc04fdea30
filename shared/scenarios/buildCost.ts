/**
 * Indicative build cost of a facility from its critical (IT) load, by the cost per MW of critical
 * load of the Cushman & Wakefield Data Center Development Cost Guide 2025 (19 US markets: low
 * $9.3 M/MW San Antonio, average $11.7 M/MW, high $15.0 M/MW Reno), with the Turner & Townsend
 * DCCI 2025–26 premium of 7–10 % for AI (liquid-cooled) halls over traditional ones
 * (figures.md §5; worked case 12b). It excludes IT equipment, land, soft costs and owner
 * contingency, and is INDICATIVE: order of magnitude only.
 */
export const CW_2025_USD_PER_MW = { low: 9_300_000, mid: 11_700_000, high: 15_000_000 } as const;
export const AI_PREMIUM = { low: 0.07, high: 0.1 } as const;

export const BUILD_COST_SOURCE =
  'Cushman & Wakefield, Data Center Development Cost Guide 2025 (US, 19 markets), pp. 8–9; AI premium: Turner & Townsend DCCI 2025–26 (figures.md §5). INDICATIVE: excludes IT equipment, land, soft costs, contingency.';

export interface BuildCost {
  criticalMw: number;
  lowUsd: number;
  midUsd: number;
  highUsd: number;
  /** The mid figure with the AI / liquid-cooled premium, low and high. */
  aiLowUsd: number;
  aiHighUsd: number;
}

/** Worked case 12b: 5 MW → $46.5 M / $58.5 M / $75.0 M, and $62.60–64.35 M with the AI premium. */
export function indicativeBuildCost(criticalW: number): BuildCost {
  const mw = criticalW / 1e6;
  const mid = mw * CW_2025_USD_PER_MW.mid;
  return {
    criticalMw: mw,
    lowUsd: mw * CW_2025_USD_PER_MW.low,
    midUsd: mid,
    highUsd: mw * CW_2025_USD_PER_MW.high,
    aiLowUsd: mid * (1 + AI_PREMIUM.low),
    aiHighUsd: mid * (1 + AI_PREMIUM.high),
  };
}

/** How many whole racks of `rackW` fit a critical load (worked case 12b: ⌊5,000 / 40.8⌋ = 122). */
export function racksWithin(criticalW: number, rackW: number): number {
  return rackW > 0 ? Math.floor(criticalW / rackW + 1e-9) : 0;
}
