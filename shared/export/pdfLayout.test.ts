import { describe, expect, it } from 'vitest';
import { newRack } from '../model/factory';
import { catalogFor } from '../catalog';
import { CachedMeasure, fitText, wrapText, type Measure } from './pdfLayout';
import { rackContent, rackCorners, scaleBarLength } from './planDrawing';

/** Every character one point wide at size 1: widths are character counts. */
const mono: Measure = { widthOfTextAtSize: (text, size) => [...text].length * size };

describe('text wrapping', () => {
  it('fills lines greedily and keeps every word', () => {
    expect(wrapText('the quick brown fox jumps', mono, 1, 10)).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it('keeps line breaks and blank lines, and turns control characters into spaces', () => {
    expect(wrapText('a\nb\r\n\nc\td', mono, 1, 10)).toEqual(['a', 'b', '', 'c d']);
  });

  it('breaks a word longer than the line by characters, without losing any', () => {
    const lines = wrapText('x https://docs.example.com/very/long/path y', mono, 1, 10);
    expect(lines.every((l) => l.length <= 10)).toBe(true);
    expect(lines.join('')).toBe('xhttps://docs.example.com/very/long/pathy');
  });

  it('measures at the size given', () => {
    expect(wrapText('aa bb', mono, 2, 10)).toEqual(['aa bb']);
    expect(wrapText('aa bb', mono, 3, 10)).toEqual(['aa', 'bb']);
  });

  it('cuts a label with an ellipsis to fit', () => {
    expect(fitText('Miner row → GB200 NVL72', mono, 1, 10)).toBe('Miner row…');
    expect(fitText('short', mono, 1, 10)).toBe('short');
  });

  it('measures once per character and sums', () => {
    let calls = 0;
    const cached = new CachedMeasure({ widthOfTextAtSize: (t, s) => (calls++, mono.widthOfTextAtSize(t, s)) });
    expect(cached.widthOfTextAtSize('abcabc', 2)).toBe(12);
    expect(cached.widthOfTextAtSize('cab', 1)).toBe(3);
    expect(calls).toBe(3);
  });
});

describe('plan drawing geometry', () => {
  const catalog = catalogFor({ customDevices: [] });
  const rack = (rotationDeg: 0 | 90 | 180 | 270) =>
    newRack({
      id: 'r',
      name: 'r',
      hallId: 'h',
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 10, y: 5 },
      rotationDeg,
    });
  const round = (points: { x: number; y: number }[]) => points.map((p) => [+p.x.toFixed(3), +p.y.toFixed(3)]);

  it('draws a rack at 0° with its front edge towards −y', () => {
    expect(round(rackCorners(rack(0), catalog))).toEqual([
      [9.7, 4.4],
      [10.3, 4.4],
      [10.3, 5.6],
      [9.7, 5.6],
    ]);
  });

  it('turns it clockwise seen from above: at 90° the front faces +x', () => {
    const [a, b] = round(rackCorners(rack(90), catalog));
    expect(a).toEqual([10.6, 4.7]);
    expect(b).toEqual([10.6, 5.3]);
  });

  it('tints racks by content', () => {
    const withDevice = (catalogId: string) => ({
      ...rack(0),
      devices: [{ id: 'd', catalogId, uPosition: 1, feed: 'AB' as const, existing: false }],
    });
    expect(rackContent(rack(0), catalog)).toBe('empty');
    expect(rackContent(withDevice('nvidia-dgx-h100'), catalog)).toBe('gpu');
    expect(rackContent(withDevice('antminer-s19-xp'), catalog)).toBe('miner');
  });

  it('picks a round scale bar length that fits', () => {
    expect(scaleBarLength(11.6, 110)).toBe(5);
    expect(scaleBarLength(1, 110)).toBe(100);
    expect(scaleBarLength(100, 110)).toBe(1);
  });
});
