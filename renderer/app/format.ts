/** Display formatting for engineering figures. */
export const kW = (w: number) =>
  `${(w / 1000).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} kW`;
export const MW = (w: number) =>
  `${(w / 1e6).toLocaleString('en-US', { maximumFractionDigits: 3, minimumFractionDigits: 3 })} MW`;
export const pct = (x: number) => `${x.toFixed(1)} %`;
