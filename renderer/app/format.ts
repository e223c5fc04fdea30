/** Display formatting for engineering figures. */
import { formatNumber } from '../../shared/export/format';

export const kW = (w: number) =>
  `${(w / 1000).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} kW`;
export const MW = (w: number) =>
  `${(w / 1e6).toLocaleString('en-US', { maximumFractionDigits: 3, minimumFractionDigits: 3 })} MW`;
export const pct = (x: number) => `${x.toFixed(1)} %`;

/** An amount in the project's currency ("$1,234,567"); a code Intl does not know prints after the number. */
export function money(amount: number, currency: string): string {
  try {
    return amount.toLocaleString('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
  } catch {
    return `${amount.toLocaleString('en-US', { maximumFractionDigits: 0 })} ${currency}`;
  }
}

/** A figure with a fixed number of decimals and thousands separators, as the reports print it. */
export const num = (x: number, digits = 1) => formatNumber(x, digits);
