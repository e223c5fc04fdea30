/** Physical constants and conversions used by the checks (worked-cases.md, "Constants"). */
export const SQRT3 = Math.sqrt(3);
export const W_PER_KW = 1_000;
/** Hours in a (non-leap) year, for annual energy. */
export const HOURS_PER_YEAR = 8_760;
