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

/**
 * Supply temperature of a direct evaporative cooler (wetted pad), °C:
 * T_out = T_db − ε · (T_db − T_wb), ε the saturation effectiveness (ASHRAE Handbook — HVAC
 * Systems and Equipment, ch. 41, evaporative air-cooling equipment; wetted media 0.7–0.95).
 * With ε = 0 (no pad) the air enters at the outdoor dry-bulb.
 */
export function evaporativeSupplyC(dryBulbC: number, wetBulbC: number, effectiveness: number): number {
  return dryBulbC - effectiveness * Math.max(0, dryBulbC - wetBulbC);
}

/**
 * Inlet temperature of a rack that draws a fraction r of its intake from its own exhaust (the mixing
 * of supply and recirculated air): T_in = (1 − r)·T_s + r·(T_in + ΔT), so
 * T_in = T_s + r · ΔT / (1 − r). r = 0 gives the supply temperature.
 */
export function mixedInletC(supplyC: number, deltaTK: number, recirculation: number): number {
  return supplyC + (recirculation * deltaTK) / (1 - recirculation);
}

/**
 * Return Temperature Index (Herrlin; figures.md §3.6, worked case 7):
 * RTI = (T_return − T_supply) / ΔT_equip · 100 %. 100 % is balanced, below net bypass, above net
 * recirculation. By the energy balance ρ·c_p·V̇_AHU·ΔT_AHU = ρ·c_p·V̇_IT·ΔT_IT it also equals
 * V̇_IT / V̇_AHU · 100 %, which is how a design (without measured temperatures) predicts it.
 */
export function rtiPct(supplyC: number, returnC: number, deltaTEquipK: number): number {
  return ((returnC - supplyC) / deltaTEquipK) * 100;
}

export type RtiVerdict = 'balanced' | 'bypass' | 'recirculation';

/** Band 100 % ± 5 % is balanced (figures.md §3.6, [U] target). */
export function rtiVerdict(rti: number): RtiVerdict {
  return rti < 95 ? 'bypass' : rti > 105 ? 'recirculation' : 'balanced';
}
