/**
 * Display units. The document always stores SI (metres, watts, m³/h, °C, kg, kPa, kN); a project
 * chooses whether the editor shows and takes figures in metric or imperial units (settings.units).
 *
 * Conversion factors are exact by definition (NIST SP 811, Appendix B): 1 ft = 0.3048 m,
 * 1 in = 0.0254 m, 1 lb = 0.45359237 kg, 1 lbf = 4.4482216152605 N, °F = °C × 9/5 + 32,
 * 1 ft³/min = 0.028316846592 m³ / 60 s, hence 1 m³/h = 0.588577779 CFM; 1 BTU(IT)/h = 0.29307107 W;
 * 1 ton of refrigeration = 12,000 BTU/h = 3.516852842 kW; 1 psf (lbf/ft²) = 47.880259 Pa.
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
  | 'force';

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

/** Unit words a typed figure may carry, with their SI factor, per quantity that has more than one spelling. */
const LENGTH_SUFFIXES: Record<string, number> = { m: 1, mm: 0.001, cm: 0.01, ft: FT, "'": FT, in: INCH, '"': INCH };

/**
 * A typed figure in SI, or null when it is not a number. A bare number is in the system's unit.
 * Lengths and sizes also take an explicit unit in either system ("600 mm", "2 ft", "24 in") and
 * feet with inches ("12' 6\"", "12 ft 6 in", "12′ 6″"); a temperature may end in °C or °F.
 */
export function parseQuantity(text: string, quantity: Quantity, system: UnitSystem): number | null {
  const t = text.trim().replace(/′/g, "'").replace(/″/g, '"').replace(/,/g, '');
  if (t === '') return null;
  if (quantity === 'length' || quantity === 'size') {
    const feetInches = /^(-?\d+(?:\.\d+)?)\s*(?:'|ft)\s*(\d+(?:\.\d+)?)\s*(?:"|in)?$/i.exec(t);
    if (feetInches) {
      const ft = Number(feetInches[1]);
      const sign = ft < 0 || Object.is(ft, -0) ? -1 : 1;
      return ft * FT + sign * Number(feetInches[2]) * INCH;
    }
    const withUnit = /^(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*(mm|cm|m|ft|in|'|")$/i.exec(t);
    if (withUnit) return Number(withUnit[1]) * LENGTH_SUFFIXES[withUnit[2]!.toLowerCase()]!;
  }
  if (quantity === 'temperature') {
    const withUnit = /^(-?\d+(?:\.\d+)?)\s*°?\s*([CF])$/i.exec(t);
    if (withUnit) {
      const v = Number(withUnit[1]);
      return withUnit[2]!.toUpperCase() === 'C' ? v : ((v - 32) * 5) / 9;
    }
  }
  const n = Number(t);
  return Number.isFinite(n) ? unitOf(quantity, system).toSi(n) : null;
}
