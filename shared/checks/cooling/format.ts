/** Both unit systems, as engineers read them: kW and BTU/h, m³/h and CFM, °C and °F. */
import { m3sToCfm, m3sToM3h, wToBtuH } from './airflow';

const n0 = (v: number) => Math.round(v).toLocaleString('en-US');

export const kwBtu = (w: number) => `${(w / 1000).toFixed(1)} kW (${n0(wToBtuH(w))} BTU/h)`;
export const flow = (m3s: number) => `${n0(m3sToM3h(m3s))} m³/h (${n0(m3sToCfm(m3s))} CFM)`;
export const celsius = (c: number) => `${c.toFixed(1)} °C (${((c * 9) / 5 + 32).toFixed(1)} °F)`;
export const kw = (w: number) => `${(w / 1000).toFixed(1)} kW`;
