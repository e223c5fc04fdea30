/**
 * A tour as a WebM video: the tour plays in the 3D view while MediaRecorder films the canvas
 * (`captureStream`), at the canvas's own resolution. The canvas renders on demand; while a tour
 * plays TourDriver asks for every frame, and during the stills before and after it this module
 * does, so frames flow for the whole recording. The settings are in tourVideoPlan.ts.
 */
import {
  MAX_EXPORT_BYTES,
  tourTimeline,
  type HostResult,
  type ProjectDocument,
  type SavedFile,
} from '../../shared/index';
import { host } from '../platform/host';
import { viewBridge, type View } from '../scene/viewBridge';
import { useEditor } from '../store/editor';
import { exportFileName } from './fileName';
import {
  FRAME_RATE,
  LEAD_S,
  TAIL_S,
  VIDEO_BITS_PER_SECOND,
  pickVideoMimeType,
  recordingFraction,
  tourVideoProblem,
  videoDurationS,
} from './tourVideoPlan';
import { withWebmDuration } from './webm';

/** MediaRecorder hands over what it has encoded this often, so the size limit is watched as the video grows. */
const CHUNK_MS = 1000;
/** A tour still playing this long after its timeline's end is stuck (its stops edited while it plays, say). */
const OVERRUN_S = 5;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const cancelled = () => new DOMException('The recording was cancelled.', 'AbortError');
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves after `ms`, or rejects with the signal's reason if it aborts first. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Plays the tour and resolves when it has run to its end; rejects (and stops it) when it is
 * stopped, replaced by another play or deleted before, or when the signal aborts.
 */
function playToEnd(tourId: string, totalS: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const started = performance.now();
    useEditor.getState().playTour(tourId);
    const run = useEditor.getState().tourPlayback?.run;
    const end = (error?: unknown) => {
      unsubscribe();
      clearTimeout(overrun);
      signal.removeEventListener('abort', onAbort);
      if (error === undefined) return resolve();
      if (useEditor.getState().tourPlayback?.run === run) useEditor.getState().playTour(null);
      reject(error);
    };
    const unsubscribe = useEditor.subscribe((state) => {
      if (!state.doc.tours.some((t) => t.id === tourId)) return end(new Error('The tour was deleted while recording.'));
      if (state.tourPlayback?.run === run) return;
      // TourDriver starts its clock at its first frame, after this: a tour that ran to its end has run totalS here too.
      if ((performance.now() - started) / 1000 >= totalS - 0.01) end();
      else end(new Error('The tour was stopped before its end, so no video was saved.'));
    });
    const overrun = setTimeout(
      () => end(new Error('The tour did not end when its timeline says it should; the recording was dropped.')),
      (totalS + OVERRUN_S) * 1000,
    );
    const onAbort = () => end(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Starts the recorder and resolves once it runs; rejects if it fails to start. */
function start(recorder: MediaRecorder, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    recorder.addEventListener(
      'start',
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      { once: true },
    );
    recorder.start(CHUNK_MS);
  });
}

/**
 * Records the tour `tourId` playing on `canvas` and resolves with the WebM's bytes (its duration
 * written in, see webm.ts). `onProgress` gets the share done, 0…1, every animation frame. When
 * `signal` aborts, the tour stops and the promise rejects with an AbortError.
 */
export async function recordTour(
  canvas: HTMLCanvasElement,
  tourId: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const tour = useEditor.getState().doc.tours.find((t) => t.id === tourId);
  if (!tour) throw new Error('This tour no longer exists.');
  const problem = tourVideoProblem(tour.stops);
  if (problem) throw new Error(problem);
  const mimeType =
    typeof MediaRecorder === 'undefined' || typeof canvas.captureStream !== 'function'
      ? null
      : pickVideoMimeType((type) => MediaRecorder.isTypeSupported(type));
  if (!mimeType) throw new Error('This browser cannot record WebM video (VP9 or VP8), so the tour cannot be filmed.');
  if (signal?.aborted) throw cancelled();

  const totalS = tourTimeline(tour.stops).totalS;
  const durationS = videoDurationS(totalS);
  // The recorder's own failures end the recording the way a cancel does, with their reason.
  const failure = new AbortController();
  const stop = signal ? AbortSignal.any([signal, failure.signal]) : failure.signal;

  // The lead-in shows the first stop, not wherever the camera was.
  useEditor.getState().playTour(null);
  const first = tour.stops[0]!;
  viewBridge.current?.goTo(first);

  const stream = canvas.captureStream(FRAME_RATE);
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: VIDEO_BITS_PER_SECOND });
  const chunks: Blob[] = [];
  let bytes = 0;
  recorder.addEventListener('dataavailable', (e) => {
    chunks.push(e.data);
    bytes += e.data.size;
    if (bytes > MAX_EXPORT_BYTES)
      failure.abort(new Error(`The video grew past ${MAX_EXPORT_BYTES / 1048576} MB, the most an export may take.`));
  });
  recorder.addEventListener('error', (e) =>
    failure.abort(new Error(`The video recorder failed: ${message(e.error ?? e.message)}`)),
  );
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));

  // Before and after the tour the camera is held at its stop each frame, which also asks for the
  // frame: the orbit controls' damping would otherwise carry on a drag the user has just made.
  // While the tour plays, TourDriver moves the camera and asks for frames.
  let still: View | null = first;
  let frame = 0;
  // The video's clock starts at its first frame, captured after this: a length measured from here covers it.
  const startedAt = performance.now();
  const tick = () => {
    if (still) viewBridge.current?.goTo(still);
    onProgress(recordingFraction((performance.now() - startedAt) / 1000, durationS));
    frame = requestAnimationFrame(tick);
  };
  try {
    await start(recorder, stop);
    tick();
    await wait(LEAD_S * 1000, stop);
    still = null;
    await playToEnd(tourId, totalS, stop);
    still = tour.stops[tour.stops.length - 1]!;
    await wait(TAIL_S * 1000, stop);
    const lengthMs = performance.now() - startedAt;
    recorder.stop();
    await stopped;
    stop.throwIfAborted();
    if (bytes === 0) throw new Error('The recorder got no frames from the 3D view.');
    onProgress(1);
    const webm = new Uint8Array(await new Blob(chunks).arrayBuffer());
    return withWebmDuration(webm, lengthMs);
  } catch (e) {
    throw signal?.aborted ? cancelled() : e;
  } finally {
    cancelAnimationFrame(frame);
    if (recorder.state !== 'inactive') recorder.stop();
    for (const track of stream.getTracks()) track.stop();
  }
}

/**
 * The tour is filmed through the 3D view's camera, so from the plan, walk or one-line view the app
 * switches to it, then gives React and the canvas a few frames to mount its camera and controls
 * and TourDriver to bind to them.
 */
async function showThe3dView(): Promise<void> {
  const { view, setView } = useEditor.getState();
  if (view === 'perspective') return;
  setView('perspective');
  for (let i = 0; i < 5; i++) await nextFrame();
}

/**
 * Records the tour (switching to the 3D view first) and saves it as `<project> - tour <name>.webm`.
 * Returns the host's result: ok with null when the user cancels (the recording or the save
 * dialog), or the reason it failed.
 */
export async function exportTourVideo(
  doc: ProjectDocument,
  tourId: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<HostResult<SavedFile | null>> {
  const tour = doc.tours.find((t) => t.id === tourId);
  if (!tour) return { ok: false, error: 'This tour no longer exists.' };
  const problem = tourVideoProblem(tour.stops);
  if (problem) return { ok: false, error: problem };
  try {
    await showThe3dView();
    const canvas = document.querySelector<HTMLCanvasElement>('.scene-host canvas');
    if (!canvas)
      return { ok: false, error: 'The 3D view is not open (the project has no hall), so there is nothing to film.' };
    const bytes = await recordTour(canvas, tourId, onProgress, signal);
    const suggestedName = exportFileName(doc.name, `tour ${tour.name}`, 'webm');
    return await host.exportFile({ format: 'webm', suggestedName, bytes });
  } catch (e) {
    if (signal?.aborted) return { ok: true, value: null };
    return { ok: false, error: message(e) };
  }
}
