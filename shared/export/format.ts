/** How the exports write numbers: plain for machines (CSV), grouped en-US for people (PDF). */

/**
 * A number as a machine reads it: no grouping, "." decimal, at most `digits` decimals and no
 * trailing zeros (0.1 + 0.2 → "0.3", 12 → "12"). Empty for a number that is not finite.
 */
export function plainNumber(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '';
  // Number() drops the trailing zeros toFixed pads with; + 0 turns -0 into 0.
  return String(Number(value.toFixed(digits)) + 0);
}

/** Grouped en-US whatever the machine's locale, so a report reads the same everywhere: 7,371,700.00. */
export function formatNumber(value: number, digits: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** An amount with its currency code in front: USD 7,371,700.00. */
export function formatMoney(value: number, currency: string): string {
  return `${currency} ${formatNumber(value, 2)}`;
}

/** Whole within float noise: 12 m of containment summed from 0.6 m racks is 12.000000000000002. */
export function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) < 1e-9 * Math.max(1, Math.abs(value));
}

/** A quantity: whole numbers without decimals, fractions (metres, kVA) with two. */
export function formatQuantity(value: number): string {
  return formatNumber(value, isWhole(value) ? 0 : 2);
}

/** An amount in a narrow column: 7.37 M, 698.5 k, 900. */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${formatNumber(value / 1e9, 2)} G`;
  if (abs >= 1e6) return `${formatNumber(value / 1e6, 2)} M`;
  if (abs >= 1e4) return `${formatNumber(value / 1e3, 1)} k`;
  return formatNumber(value, 0);
}

/** An ISO timestamp as people read it, in UTC so the report does not depend on the machine's zone. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
