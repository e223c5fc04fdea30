import { describe, expect, it } from 'vitest';
import { MAX_EXPORT_BYTES, tourTimeline, type TourStop } from '../../shared/index';
import {
  LEAD_S,
  TAIL_S,
  VIDEO_BITS_PER_SECOND,
  estimatedVideoBytes,
  pickVideoMimeType,
  recordingFraction,
  tourVideoProblem,
  videoDurationS,
} from './tourVideoPlan';

const stop = (id: string, x: number, holdS: number): TourStop => ({
  id,
  position: { x, y: 10, z: 20 },
  target: { x, y: 0, z: 0 },
  caption: id,
  holdS,
  highlight: { kind: 'none' },
});

describe('the tour video’s format', () => {
  it('takes the first WebM flavour the recorder supports', () => {
    expect(pickVideoMimeType(() => true)).toBe('video/webm;codecs=vp9');
    expect(pickVideoMimeType((t) => !t.includes('vp9'))).toBe('video/webm;codecs=vp8');
    expect(pickVideoMimeType((t) => t === 'video/webm')).toBe('video/webm');
    expect(pickVideoMimeType((t) => t === 'video/mp4')).toBeNull();
  });
});

describe('recording progress', () => {
  it('runs from 0 to 1 over the stills and the tour, and stays within', () => {
    const durationS = videoDurationS(10);
    expect(durationS).toBe(LEAD_S + 10 + TAIL_S);
    expect(recordingFraction(0, durationS)).toBe(0);
    expect(recordingFraction(durationS / 4, durationS)).toBeCloseTo(0.25);
    expect(recordingFraction(durationS, durationS)).toBe(1);
    expect(recordingFraction(durationS + 3, durationS)).toBe(1);
    expect(recordingFraction(-1, durationS)).toBe(0);
    expect(recordingFraction(1, 0)).toBe(1);
  });
});

describe('which tours can be recorded', () => {
  it('needs two stops', () => {
    expect(tourVideoProblem([])).toMatch(/two stops/);
    expect(tourVideoProblem([stop('a', 0, 2)])).toMatch(/two stops/);
    expect(tourVideoProblem([stop('a', 0, 2), stop('b', 20, 2)])).toBeNull();
  });

  it('fits a two-minute tour within the export limit and refuses one that would not fit', () => {
    expect(estimatedVideoBytes(videoDurationS(120))).toBeLessThan(MAX_EXPORT_BYTES);
    expect(estimatedVideoBytes(60)).toBeGreaterThan((VIDEO_BITS_PER_SECOND / 8) * 60);
    const long = [stop('a', 0, 150), stop('b', 20, 50)];
    expect(tourTimeline(long).totalS).toBeGreaterThan(200);
    expect(tourVideoProblem(long)).toMatch(
      /would run 3 min 30 s and take up to 79 MB, over the 64 MB an export may take/,
    );
  });
});
