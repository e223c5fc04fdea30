/**
 * The thermal view's colour scale: temperature → colour, shared by the app's heat-map slices, the
 * racks' intake faces and the legend, and by the design report's heat maps, so one colour means
 * one temperature on screen and on paper.
 *
 * Colours: ColorBrewer 2.0 "RdYlBu", 11 classes, reversed so blue is cool and red hot
 * (Cynthia Brewer, Pennsylvania State University, colorbrewer2.org, Apache 2.0 licence). A diverging
 * scheme reads as "cool / neutral / hot" and stays distinguishable for the common red–green colour
 * deficiencies, unlike the rainbow "jet". Between the eleven stops the colour is interpolated
 * linearly in sRGB.
 */
import type { ThermalResult } from '../thermal/types';

/** The stops from cool to hot, sRGB 0–255. */
export const SCALE_STOPS: readonly (readonly [number, number, number])[] = [
  [0x31, 0x36, 0x95],
  [0x45, 0x75, 0xb4],
  [0x74, 0xad, 0xd1],
  [0xab, 0xd9, 0xe9],
  [0xe0, 0xf3, 0xf8],
  [0xff, 0xff, 0xbf],
  [0xfe, 0xe0, 0x90],
  [0xfd, 0xae, 0x61],
  [0xf4, 0x6d, 0x43],
  [0xd7, 0x30, 0x27],
  [0xa5, 0x00, 0x26],
];

export interface TemperatureScale {
  /** The coolest and hottest temperatures of the scale, °C; colours clamp outside them. */
  minC: number;
  maxC: number;
}

/** A scale never narrower than this, K: a nearly uniform field would otherwise show noise as red and blue. */
export const MIN_SPAN_K = 10;

/**
 * The scale for a set of temperatures: from the coolest to the hottest, rounded out to whole
 * degrees, widened about its middle to at least MIN_SPAN_K. NaN (solid cells) is skipped.
 */
export function scaleFor(temperatures: Iterable<ArrayLike<number>>): TemperatureScale {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of temperatures) {
    for (let i = 0; i < values.length; i++) {
      const t = values[i]!;
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { minC: 15, maxC: 15 + MIN_SPAN_K };
  let minC = Math.floor(lo);
  let maxC = Math.ceil(hi);
  if (maxC - minC < MIN_SPAN_K) {
    const middle = (minC + maxC) / 2;
    minC = Math.floor(middle - MIN_SPAN_K / 2);
    maxC = minC + MIN_SPAN_K;
  }
  return { minC, maxC };
}

/** One scale for a whole result (every hall's air), so a colour means the same in each hall. */
export function resultScale(result: Pick<ThermalResult, 'fields'>): TemperatureScale {
  return scaleFor(result.fields.map((f) => f.temperatureC));
}

/** Where a temperature sits on the scale, 0 (coolest) to 1 (hottest), clamped. */
export function scalePosition(tC: number, scale: TemperatureScale): number {
  const span = scale.maxC - scale.minC;
  if (!(span > 0)) return 0.5;
  return Math.min(1, Math.max(0, (tC - scale.minC) / span));
}

/** The colour of a temperature as sRGB bytes. */
export function colourOf(tC: number, scale: TemperatureScale): [number, number, number] {
  const x = scalePosition(tC, scale) * (SCALE_STOPS.length - 1);
  const i = Math.min(SCALE_STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = SCALE_STOPS[i]!;
  const b = SCALE_STOPS[i + 1]!;
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

/** The same colour as a CSS hex string (#rrggbb), for three's Color and the legend. */
export function cssColourOf(tC: number, scale: TemperatureScale): string {
  return `#${colourOf(tC, scale)
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** The legend's gradient: the stops as a CSS linear-gradient from left (cool) to right (hot). */
export function legendGradient(): string {
  const stops = SCALE_STOPS.map(
    ([r, g, b], i) => `rgb(${r} ${g} ${b}) ${((100 * i) / (SCALE_STOPS.length - 1)).toFixed(1)}%`,
  );
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/**
 * Round temperatures for the legend's ticks: a step of 1, 2, 5, 10 or 20 K giving at most
 * `maxTicks` ticks from the scale's minimum to its maximum (both ends included when they fall on
 * the step, which whole-degree scales of a multiple of the step do).
 */
export function legendTicks(scale: TemperatureScale, maxTicks = 7): number[] {
  const span = scale.maxC - scale.minC;
  const step = [1, 2, 5, 10, 20, 50].find((s) => span / s + 1 <= maxTicks) ?? 100;
  const ticks: number[] = [];
  for (let t = Math.ceil(scale.minC / step) * step; t <= scale.maxC + 1e-9; t += step) ticks.push(t);
  return ticks;
}
