import { describe, expect, it } from 'vitest';
import {
  colourOf,
  cssColourOf,
  legendGradient,
  legendTicks,
  MIN_SPAN_K,
  scaleFor,
  scalePosition,
  SCALE_STOPS,
} from './thermalColours';

describe('thermal colour scale', () => {
  const scale = { minC: 20, maxC: 40 };

  it('puts the ends and the middle on the first, last and middle ColorBrewer stops', () => {
    expect(colourOf(20, scale)).toEqual([0x31, 0x36, 0x95]);
    expect(colourOf(40, scale)).toEqual([0xa5, 0x00, 0x26]);
    // 30 °C is halfway: stop 5 of 0…10, the neutral yellow #ffffbf.
    expect(cssColourOf(30, scale)).toBe('#ffffbf');
  });

  it('interpolates linearly between stops and clamps outside the scale', () => {
    // 21 °C is 0.05 of the way: 0.5 of the way from stop 0 to stop 1.
    const [a, b] = [SCALE_STOPS[0]!, SCALE_STOPS[1]!];
    expect(colourOf(21, scale)).toEqual([0, 1, 2].map((c) => Math.round((a[c]! + b[c]!) / 2)));
    expect(colourOf(-5, scale)).toEqual(colourOf(20, scale));
    expect(colourOf(99, scale)).toEqual(colourOf(40, scale));
    expect(scalePosition(25, scale)).toBeCloseTo(0.25, 12);
  });

  it('rounds the range out to whole degrees and skips solid cells (NaN)', () => {
    expect(scaleFor([Float32Array.from([18.4, NaN, 35.2]), [41.01]])).toEqual({ minC: 18, maxC: 42 });
  });

  it('widens a nearly uniform field to the minimum span about its middle', () => {
    const s = scaleFor([[24.2, 25.9]]);
    expect(s.maxC - s.minC).toBe(MIN_SPAN_K);
    // Rounded out to 24…26, then widened about 25.
    expect(s).toEqual({ minC: 20, maxC: 30 });
    expect(scaleFor([[NaN]]).maxC - scaleFor([[NaN]]).minC).toBe(MIN_SPAN_K);
  });

  it('ticks at round steps, at most seven', () => {
    expect(legendTicks({ minC: 18, maxC: 42 })).toEqual([20, 25, 30, 35, 40]);
    expect(legendTicks({ minC: 20, maxC: 30 })).toEqual([20, 22, 24, 26, 28, 30]);
    expect(legendTicks({ minC: 64.4, maxC: 107.6 })).toEqual([70, 80, 90, 100]);
  });

  it('draws the legend from the same stops', () => {
    expect(legendGradient()).toMatch(
      /^linear-gradient\(to right, rgb\(49 54 149\) 0\.0%, .* rgb\(165 0 38\) 100\.0%\)$/,
    );
  });
});
