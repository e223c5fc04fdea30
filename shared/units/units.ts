/**
 * Display units. The document always stores SI (metres, watts, m³/h, °C, kg, kPa, kN); a project
 * chooses whether the editor shows and takes figures in metric or imperial units (settings.units).
 *
 * Conversion factors are exact by definition (NIST SP 811, Appendix B): 1 ft = 0.3048 m,
 * 1 in = 0.0254 m, 1 lb = 0.45359237 kg, 1 lbf = 4.4482216152605 N, °F = °C × 9/5 + 32,
 * 1 ft³/min = 0.028316846592 m³ / 60 s, hence 1 m³/h = 0.588577779 CFM; 1 BTU(IT)/h = 0.29307107 W;
 * 1 ton of refrigeration = 12,000 BTU/h = 3.516852842 kW; 1 psf (lbf/ft²) = 47.880259 Pa;
 * 1 US gallon = 3.785411784 L, so 1 L/min = 0.264172052 US gpm.
 * Electrical power stays in kW in both systems, as North American data-centre practice states it.
 */
export type UnitSystem = 'metric' | 'imperial';

export type Quantity =
  /** Plan and building dimensions: m, or feet and inches. */
  | 'length'
  /** Equipment sizes: mm, or inches. */
  | 'size'
  | 'area'
  /** Electrical power, W in the document, kW shown in both systems. */
  | 'power'
  /** Cooling capacity, W in the document: kW, or tons of refrigeration. */
  | 'cooling'
  /** Air volume flow, m³/h in the document: m³/h, or CFM. */
  | 'airflow'
  | 'temperature'
  /** A temperature difference (ΔT): K, or °F (no 32 offset). */
  | 'temperatureDelta'
  | 'mass'
  /** Uniform floor load: kPa, or lbf/ft² (psf). */
  | 'pressure'
  /** Concentrated load: kN, or lbf. */
  | 'force'
  /** Liquid volume flow, L/min in the document: L/min, or US gallons per minute. */
  | 'liquidFlow'
  /** Power per floor area (lighting), W/m² in the document: W/m², or W/ft². */
  | 'powerDensity';

/** Every quantity, for tests and for code that walks them all. */
export const QUANTITIES: readonly Quantity[] = [
  'length',
  'size',
  'area',
  'power',
  'cooling',
  'airflow',
  'temperature',
  'temperatureDelta',
  'mass',
  'pressure',
  'force',
  'liquidFlow',
  'powerDensity',
];

export interface Unit {
  symbol: string;
  /** From the document's SI value to this unit. */
  fromSi(x: number): number;
  /** From this unit back to the document's SI value. */
  toSi(x: number): number;
  /** Decimals worth showing. */
  digits: number;
}

const FT = 0.3048;
const INCH = 0.0254;
const LB = 0.45359237;
const LBF_N = 4.4482216152605;
const CFM_PER_M3H = 1 / (0.028316846592 * 60);
const TON_W = 3516.852842;
const PSF_PA = 47.880259;
const US_GALLON_L = 3.785411784;
const BTUH_W = 0.29307107;

const linear = (symbol: string, factor: number, digits: number): Unit => ({
  symbol,
  fromSi: (x) => x / factor,
  toSi: (x) => x * factor,
  digits,
});

const UNITS: Record<Quantity, Record<UnitSystem, Unit>> = {
  length: { metric: linear('m', 1, 2), imperial: linear('ft', FT, 2) },
  size: { metric: linear('mm', 0.001, 0), imperial: linear('in', INCH, 1) },
  area: { metric: linear('m²', 1, 2), imperial: linear('ft²', FT * FT, 1) },
  power: { metric: linear('kW', 1000, 1), imperial: linear('kW', 1000, 1) },
  cooling: { metric: linear('kW', 1000, 1), imperial: linear('tons', TON_W, 1) },
  airflow: { metric: linear('m³/h', 1, 0), imperial: linear('CFM', 1 / CFM_PER_M3H, 0) },
  temperature: {
    metric: linear('°C', 1, 1),
    imperial: { symbol: '°F', fromSi: (c) => (c * 9) / 5 + 32, toSi: (f) => ((f - 32) * 5) / 9, digits: 1 },
  },
  temperatureDelta: { metric: linear('K', 1, 1), imperial: linear('°F', 5 / 9, 1) },
  mass: { metric: linear('kg', 1, 1), imperial: linear('lb', LB, 0) },
  pressure: { metric: linear('kPa', 1, 2), imperial: linear('psf', PSF_PA / 1000, 1) },
  force: { metric: linear('kN', 1, 2), imperial: linear('lbf', LBF_N / 1000, 0) },
  liquidFlow: { metric: linear('L/min', 1, 1), imperial: linear('gpm', US_GALLON_L, 1) },
  powerDensity: { metric: linear('W/m²', 1, 1), imperial: linear('W/ft²', 1 / (FT * FT), 2) },
};

export function unitOf(quantity: Quantity, system: UnitSystem): Unit {
  return UNITS[quantity][system];
}

function grouped(x: number, digits: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * An SI value shown in the system's unit ("12.50 m", "41.01 ft", "9.78 kPa", "204.3 psf").
 * Imperial lengths print as feet and inches to the nearest inch (12′ 6″) when `feetInches` is set,
 * as plans are dimensioned there.
 */
export function formatQuantity(
  si: number,
  quantity: Quantity,
  system: UnitSystem,
  options: { digits?: number; feetInches?: boolean } = {},
): string {
  if (!Number.isFinite(si)) return '—';
  if (quantity === 'length' && system === 'imperial' && options.feetInches) return feetAndInches(si);
  const unit = unitOf(quantity, system);
  return `${grouped(unit.fromSi(si), options.digits ?? unit.digits)} ${unit.symbol}`;
}

/** Metres as feet and whole inches, "12′ 6″" (−3′ 2″ for negatives). */
export function feetAndInches(m: number): string {
  const totalIn = Math.round(Math.abs(m) / INCH);
  const ft = Math.floor(totalIn / 12);
  const inches = totalIn % 12;
  return `${m < 0 && totalIn > 0 ? '−' : ''}${ft}′ ${inches}″`;
}

/**
 * Unit words a typed figure may carry, per quantity, with the factor to the document's SI unit
 * (temperatures, which have an offset, are handled apart). Words are matched lower-case with
 * spaces removed and ³ ² written as 3 2, so "m³/h", "M3/H" and "m3/h" are one word.
 */
const LENGTH_WORDS: Record<string, number> = { m: 1, mm: 0.001, cm: 0.01, ft: FT, "'": FT, in: INCH, '"': INCH };
const POWER_WORDS: Record<string, number> = { w: 1, kw: 1_000, mw: 1_000_000 };
const WORDS: Record<Exclude<Quantity, 'temperature'>, Record<string, number>> = {
  length: LENGTH_WORDS,
  size: LENGTH_WORDS,
  area: { m2: 1, sqm: 1, ft2: FT * FT, sqft: FT * FT, sf: FT * FT },
  power: POWER_WORDS,
  cooling: { ...POWER_WORDS, ton: TON_W, tons: TON_W, tr: TON_W, 'btu/h': BTUH_W, 'btu/hr': BTUH_W, btuh: BTUH_W },
  airflow: { 'm3/h': 1, cmh: 1, 'm3/s': 3_600, cfm: 1 / CFM_PER_M3H },
  temperatureDelta: { k: 1, '°c': 1, c: 1, '°f': 5 / 9, f: 5 / 9 },
  mass: { kg: 1, t: 1_000, lb: LB, lbs: LB },
  pressure: { kpa: 1, pa: 0.001, psf: PSF_PA / 1000, 'lb/ft2': PSF_PA / 1000, 'lbf/ft2': PSF_PA / 1000 },
  force: { kn: 1, n: 0.001, lbf: LBF_N / 1000, lb: LBF_N / 1000 },
  liquidFlow: { 'l/min': 1, lpm: 1, gpm: US_GALLON_L, 'm3/h': 1000 / 60 },
  powerDensity: { 'w/m2': 1, 'w/ft2': 1 / (FT * FT), 'w/sf': 1 / (FT * FT) },
};

/** The units `parseQuantity` takes for each quantity, spelt as the editor suggests them (a test parses each). */
const SPELLINGS: Record<Quantity, readonly string[]> = {
  length: ['m', 'mm', 'ft', 'in', `12' 6"`],
  size: ['mm', 'm', 'in', 'ft'],
  area: ['m²', 'ft²'],
  power: ['kW', 'W', 'MW'],
  cooling: ['kW', 'tons', 'BTU/h'],
  airflow: ['m³/h', 'm³/s', 'CFM'],
  temperature: ['°C', '°F'],
  temperatureDelta: ['K', '°F'],
  mass: ['kg', 'lb'],
  pressure: ['kPa', 'psf'],
  force: ['kN', 'lbf'],
  liquidFlow: ['L/min', 'gpm'],
  powerDensity: ['W/m²', 'W/ft²'],
};

export function unitWords(quantity: Quantity): readonly string[] {
  return SPELLINGS[quantity];
}

/** Conversions leave float noise (10 ft = 3.0480000000000005 m); twelve significant digits keep the figure exact. */
const clean = (x: number) => Number(x.toPrecision(12));

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const WITH_WORD = new RegExp(`^(${NUMBER})\\s*(\\D.*)?$`, 'i');

/**
 * A typed figure in SI, or null when it is not a number or carries a unit that is not one of the
 * quantity's. A bare number is in the system's unit. Any quantity takes an explicit unit of
 * either system ("600 mm", "2 ft", "1,000 CFM", "45 gpm", "250 psf", "80 F"); lengths and sizes
 * also feet with inches ("12' 6\"", "12 ft 6 in", "12′ 6″").
 */
export function parseQuantity(text: string, quantity: Quantity, system: UnitSystem): number | null {
  const t = text.trim().replace(/′/g, "'").replace(/″/g, '"').replace(/,/g, '');
  if (t === '') return null;
  if (quantity === 'length' || quantity === 'size') {
    const feetInches = /^(-?\d+(?:\.\d+)?)\s*(?:'|ft)\s*(\d+(?:\.\d+)?)\s*(?:"|in)?$/i.exec(t);
    if (feetInches) {
      const ft = Number(feetInches[1]);
      const sign = ft < 0 || Object.is(ft, -0) ? -1 : 1;
      return clean(ft * FT + sign * Number(feetInches[2]) * INCH);
    }
  }
  const match = WITH_WORD.exec(t);
  if (!match) return null;
  const n = Number(match[1]);
  if (!Number.isFinite(n)) return null;
  if (match[2] === undefined) return clean(unitOf(quantity, system).toSi(n));
  const word = match[2].toLowerCase().replace(/\s+/g, '').replace(/³/g, '3').replace(/²/g, '2');
  if (quantity === 'temperature') {
    const scale = /^°?([cf])$/.exec(word)?.[1];
    if (scale === undefined) return null;
    return clean(scale === 'c' ? n : ((n - 32) * 5) / 9);
  }
  const factor = WORDS[quantity][word];
  return factor === undefined ? null : clean(n * factor);
}
