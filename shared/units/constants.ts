/** Physical constants and conversions used by the checks (worked-cases.md, "Constants"). */
export const SQRT3 = Math.sqrt(3);
export const W_PER_KW = 1_000;
/** Hours in a (non-leap) year, for annual energy. */
export const HOURS_PER_YEAR = 8_760;
/** Air at 20 °C, sea level: density kg/m³ and specific heat J/(kg·K) (figures.md §3.1). */
export const RHO_AIR = 1.2;
export const CP_AIR = 1_005;
/** Water: specific heat J/(kg·K) and density kg/m³ (figures.md §3.1). */
export const CP_WATER = 4_186;
export const RHO_WATER = 997;
/** 1 m³/s in CFM, and 1 W in BTU/h. */
export const CFM_PER_M3S = 2_118.88;
export const BTUH_PER_W = 3.412;
/** A temperature difference of 1 K is 1.8 °F. */
export const F_PER_K = 1.8;
