/**
 * A finding's named numbers (`values`, shared/checks/types.ts) as figures in the project's units.
 * The engine names each value with the unit it is in (`loadW`, `maxInletC`, `requiredM3s`,
 * `minGapM`, `flowLpm`, `utilisationPct`, …); the name's ending says the quantity, the rest what
 * it is. The message itself stays as the engine wrote it (SI, the report's wording).
 */
import { formatQuantity, unitOf, type Quantity, type UnitSystem } from '../../shared/index';

/** kg/m² to kPa: × standard gravity g = 9.80665 m/s² (NIST SP 811, B.8), ÷ 1,000. */
const KG_M2_TO_KPA = 9.80665 / 1_000;

type Ending = { ending: string; quantity: Quantity; toSi: (x: number) => number } | { ending: string; symbol: string };

/** Longest endings first, so `Kpa` is not read as `…a`, nor `M3s` as `…s`. */
const ENDINGS: readonly Ending[] = [
  { ending: 'KgM2', quantity: 'pressure', toSi: (x) => x * KG_M2_TO_KPA },
  { ending: 'M3s', quantity: 'airflow', toSi: (x) => x * 3_600 },
  { ending: 'M3h', quantity: 'airflow', toSi: (x) => x },
  { ending: 'Cfm', quantity: 'airflow', toSi: (x) => unitOf('airflow', 'imperial').toSi(x) },
  { ending: 'Kpa', quantity: 'pressure', toSi: (x) => x },
  { ending: 'Kva', symbol: 'kVA' },
  { ending: 'Lpm', quantity: 'liquidFlow', toSi: (x) => x },
  { ending: 'Pct', symbol: '%' },
  { ending: 'Ths', symbol: 'TH/s' },
  { ending: 'Kg', quantity: 'mass', toSi: (x) => x },
  { ending: 'Kn', quantity: 'force', toSi: (x) => x },
  { ending: 'Kw', quantity: 'power', toSi: (x) => x * 1_000 },
  { ending: 'Mm', quantity: 'size', toSi: (x) => x / 1_000 },
  { ending: 'M2', quantity: 'area', toSi: (x) => x },
  { ending: 'W', quantity: 'power', toSi: (x) => x },
  { ending: 'C', quantity: 'temperature', toSi: (x) => x },
  { ending: 'K', quantity: 'temperatureDelta', toSi: (x) => x },
  { ending: 'M', quantity: 'length', toSi: (x) => x },
  { ending: 'A', symbol: 'A' },
  { ending: 'V', symbol: 'V' },
];

export interface FindingFigure {
  /** The value's name in the finding (`loadW`). */
  name: string;
  /** What it is, in words ("load"). */
  label: string;
  /** The figure in the project's units ("120.0 kW", "89.6 °F"). */
  text: string;
}

/** "failoverLoad" → "failover load". */
const words = (camel: string) => camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

const plain = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The ending a name carries: `loadW` ends in W; a name that is only a unit (`kpa`) counts too. */
function endingOf(name: string): { ending: Ending; label: string } | null {
  for (const e of ENDINGS) {
    if (name.toLowerCase() === e.ending.toLowerCase()) return { ending: e, label: words(name) };
    const stem = name.slice(0, -e.ending.length);
    if (name.endsWith(e.ending) && stem !== '' && /[a-z0-9]$/.test(stem)) return { ending: e, label: words(stem) };
  }
  return null;
}

export function findingFigures(values: Readonly<Record<string, number>>, system: UnitSystem): FindingFigure[] {
  return Object.entries(values).map(([name, value]) => {
    const found = endingOf(name);
    if (!found) return { name, label: words(name), text: plain(value) };
    const { ending, label } = found;
    const text =
      'quantity' in ending
        ? formatQuantity(ending.toSi(value), ending.quantity, system)
        : `${plain(value)} ${ending.symbol}`;
    return { name, label, text };
  });
}
