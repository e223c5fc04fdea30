/**
 * Sensible-heat airflow and liquid flow (figures.md §3.1; worked cases 4 and 5). Units: W, K,
 * m³/s, CFM, L/min. Heat carried by a stream: P = ρ · c_p · V̇ · ΔT, so
 * V̇ = P / (ρ · c_p · ΔT) and ΔT = P / (ρ · c_p · V̇).
 */
import { BTUH_PER_W, CFM_PER_M3S, CP_AIR, CP_WATER, F_PER_K, RHO_AIR, RHO_WATER } from '../../units/constants';

/** Air volume flow, m³/s, that carries `heatW` with a rise of `deltaTK` (SI, ρ 1.2 kg/m³, c_p 1,005 J/(kg·K)). */
export function airflowM3s(heatW: number, deltaTK: number): number {
  return heatW / (RHO_AIR * CP_AIR * deltaTK);
}

/** Temperature rise, K, of air at `airflowM3s` carrying `heatW`. */
export function airDeltaTK(heatW: number, flowM3s: number): number {
  return heatW / (RHO_AIR * CP_AIR * flowM3s);
}

/** Imperial form: CFM = W · 3.412 / (1.08 · ΔT°F), 1.08 = 60 min/h · 0.075 lb/ft³ · 0.24 BTU/(lb·°F). */
export function airflowCfmImperial(heatW: number, deltaTF: number): number {
  return (heatW * BTUH_PER_W) / (1.08 * deltaTF);
}

/** The data-centre rule of thumb: CFM = 3.16 · W / ΔT°F. */
export function airflowCfmRuleOfThumb(heatW: number, deltaTF: number): number {
  return (3.16 * heatW) / deltaTF;
}

/** Water flow, L/min, that carries `heatW` with a rise of `deltaTK` (c_p 4,186 J/(kg·K), ρ 997 kg/m³). */
export function waterFlowLpm(heatW: number, deltaTK: number): number {
  return (heatW / (CP_WATER * deltaTK) / RHO_WATER) * 60_000;
}

export const m3sToCfm = (m3s: number) => m3s * CFM_PER_M3S;
export const cfmToM3s = (cfm: number) => cfm / CFM_PER_M3S;
export const m3sToM3h = (m3s: number) => m3s * 3_600;
export const kToF = (deltaK: number) => deltaK * F_PER_K;
export const fToK = (deltaF: number) => deltaF / F_PER_K;
export const wToBtuH = (w: number) => w * BTUH_PER_W;
export const btuHToW = (btuH: number) => btuH / BTUH_PER_W;
