/** The caption of the stop a playing tour is at or heading to, over the 3D view. */
import { useEditor } from '../store/editor';

export function TourCaption() {
  const playback = useEditor((s) => s.tourPlayback);
  const tour = useEditor((s) => (playback ? s.doc.tours.find((t) => t.id === playback.tourId) : undefined));
  const stop = playback && tour ? tour.stops[playback.stopIndex] : undefined;
  if (!stop || !tour || !playback) return null;
  return (
    <div className="tour-caption" role="status" data-testid="tour-caption">
      <span className="hint">
        {tour.name} · {playback.stopIndex + 1} / {tour.stops.length}
      </span>
      <p>{stop.caption}</p>
      <button onClick={() => useEditor.getState().playTour(null)} aria-label="Stop the tour">
        Stop
      </button>
    </div>
  );
}
