/** What the stop a tour is playing asks the scene to show (a row glowing, the zones, a colour map); null when no tour plays. */
import type { EditorState } from './documentStore';
import type { StopHighlight } from '../../shared/index';

export function stopHighlight(s: EditorState): StopHighlight | null {
  const playback = s.tourPlayback;
  if (!playback) return null;
  const stop = s.doc.tours.find((t) => t.id === playback.tourId)?.stops[playback.stopIndex];
  return stop && stop.highlight.kind !== 'none' ? stop.highlight : null;
}
