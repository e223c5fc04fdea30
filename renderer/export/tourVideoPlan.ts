/**
 * The tour video's settings and arithmetic, apart from the browser so that they are tested: which
 * WebM flavour to ask MediaRecorder for, the stills around the tour, how far along a recording is,
 * how large it will roughly be, and whether a tour can be recorded at all.
 */
import { MAX_EXPORT_BYTES, tourTimeline, type TourStop } from '../../shared/index';

/** In order of preference: VP9 gives the smaller file at a given quality; VP8 plays wherever WebM does. */
export const VIDEO_MIME_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;

export const FRAME_RATE = 30;

/**
 * The encoder's target, set rather than left to the browser so that a video's size follows from
 * its length: about 19 MB a minute, whatever the canvas's size. It is Chromium's own default, and
 * sharp enough at 1080p for the scene's flat colours and straight edges.
 */
export const VIDEO_BITS_PER_SECOND = 2_500_000;

/**
 * The encoder aims at its target on average and may overshoot it; estimates allow this much. The
 * sample tour measured below the target (docs/exports.md).
 */
const OVERSHOOT = 1.25;

/**
 * Seconds of still view recorded before the tour starts and after it ends: the video opens and
 * closes on a still, and the first and last frames of the tour, which the encoder could take late
 * or cut short, are never the first or last of the video. The lead-in also covers the encoder's
 * start: after its first frame it takes none for up to 1.1 s on a loaded machine rendering in
 * software (measured in the end-to-end test), which falls on the still, not on the tour's moves.
 */
export const LEAD_S = 1;
export const TAIL_S = 1;

/** How long the video of a tour lasting `tourS` runs. */
export const videoDurationS = (tourS: number): number => LEAD_S + tourS + TAIL_S;

/** The first type `isSupported` accepts (MediaRecorder.isTypeSupported), or null when none. */
export function pickVideoMimeType(isSupported: (mimeType: string) => boolean): string | null {
  return VIDEO_MIME_TYPES.find((type) => isSupported(type)) ?? null;
}

/** How far along a recording is, 0…1, `elapsedS` into a video of `durationS`. */
export function recordingFraction(elapsedS: number, durationS: number): number {
  if (!(durationS > 0)) return 1;
  return Math.min(1, Math.max(0, elapsedS / durationS));
}

/** The most a video of `durationS` is expected to take, in bytes. */
export const estimatedVideoBytes = (durationS: number): number =>
  Math.ceil(((VIDEO_BITS_PER_SECOND * OVERSHOOT) / 8) * durationS);

const minutesAndSeconds = (s: number) => {
  const whole = Math.round(s);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
};

/** Why a tour with these stops cannot be recorded, or null when it can. */
export function tourVideoProblem(stops: readonly TourStop[]): string | null {
  if (stops.length < 2) return 'A tour needs two stops at least to make a video.';
  const durationS = videoDurationS(tourTimeline(stops).totalS);
  const bytes = estimatedVideoBytes(durationS);
  if (bytes > MAX_EXPORT_BYTES) {
    const mb = (n: number) => Math.ceil(n / 1048576);
    return (
      `The video of this tour would run ${minutesAndSeconds(durationS)} and take up to ${mb(bytes)} MB, ` +
      `over the ${mb(MAX_EXPORT_BYTES)} MB an export may take: shorten its holds, or split it into two tours.`
    );
  }
  return null;
}
