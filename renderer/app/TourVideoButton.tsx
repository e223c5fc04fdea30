/**
 * "Record video" for a tour (renderer/export/tourVideo.ts): while the tour is filmed, a progress
 * bar and Cancel; afterwards the error, if any, under the button, and a notice when it is saved.
 * The recording is kept outside the component, one at a time: a panel closed and opened again
 * during a recording shows it still running, and a second recording cannot start over the first.
 */
import { create } from 'zustand';
import { exportTourVideo } from '../export/tourVideo';
import { tourVideoProblem } from '../export/tourVideoPlan';
import { useEditor } from '../store/editor';

interface Recording {
  tourId: string;
  /** 0…1 in hundredths: finer steps would re-render the bar every frame for nothing. */
  fraction: number;
  controller: AbortController;
}

interface Outcome {
  tourId: string;
  kind: 'error' | 'cancelled';
  text: string;
}

const useRecording = create<{ recording: Recording | null; outcome: Outcome | null }>(() => ({
  recording: null,
  outcome: null,
}));

async function record(tourId: string): Promise<void> {
  const controller = new AbortController();
  useRecording.setState({ recording: { tourId, fraction: 0, controller }, outcome: null });
  const onProgress = (fraction: number) => {
    const { recording } = useRecording.getState();
    const rounded = Math.floor(fraction * 100) / 100;
    if (recording && recording.fraction !== rounded)
      useRecording.setState({ recording: { ...recording, fraction: rounded } });
  };
  let outcome: Outcome | null = null;
  try {
    const result = await exportTourVideo(useEditor.getState().doc, tourId, onProgress, controller.signal);
    if (!result.ok) outcome = { tourId, kind: 'error', text: result.error };
    else if (result.value)
      useEditor.getState().notify({ kind: 'info', text: `Saved the tour video as ${result.value.name}.`, details: [] });
    else if (controller.signal.aborted)
      outcome = { tourId, kind: 'cancelled', text: 'Recording cancelled: no video was saved.' };
  } finally {
    useRecording.setState({ recording: null, outcome });
  }
}

export function TourVideoButton({ tourId }: { tourId: string }) {
  const stops = useEditor((s) => s.doc.tours.find((t) => t.id === tourId)?.stops);
  const recording = useRecording((s) => s.recording);
  const outcome = useRecording((s) => (s.outcome?.tourId === tourId ? s.outcome : null));
  if (!stops) return null;

  if (recording?.tourId === tourId) {
    return (
      <>
        <progress
          aria-label="Recording the tour"
          value={recording.fraction}
          max={1}
          data-testid="tour-video-progress"
        />
        <button onClick={() => recording.controller.abort()}>Cancel</button>
      </>
    );
  }
  const problem = recording ? 'Another tour is being recorded.' : tourVideoProblem(stops);
  return (
    <>
      <button
        disabled={problem !== null}
        title={problem ?? 'Play the tour in the 3D view and save it as a WebM video, at the size of the view'}
        onClick={() => void record(tourId)}
      >
        Record video
      </button>
      {outcome ? (
        <p
          className={outcome.kind === 'error' ? 'notice error' : 'hint'}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
        >
          {outcome.text}
        </p>
      ) : null}
    </>
  );
}
