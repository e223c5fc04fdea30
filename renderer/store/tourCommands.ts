/**
 * Edits of presentation tours as undoable commands: tours created, renamed and deleted; stops
 * recorded from the current view, captioned, timed, reordered and deleted. Each result is checked
 * against the tour schema first.
 */
import { tourSchema, type ProjectDocument, type Tour, type TourStop, type Vec3 } from '../../shared/index';
import { freshId, freshName, upsert } from './commands';
import type { EditResult } from './powerCommands';
import { validate } from './validate';

/** Seconds a new stop holds: long enough to read a caption. */
export const DEFAULT_HOLD_S = 3;

const GONE = { ok: false, reason: 'That tour no longer exists.' } as const;

function put(doc: ProjectDocument, next: Tour, label: string): EditResult {
  const parsed = validate(tourSchema, next);
  if (!parsed.ok) return parsed;
  return { ok: true, id: next.id, command: upsert('tours', parsed.value, label) };
}

export function addTour(doc: ProjectDocument): EditResult {
  const name = freshName(
    doc.tours.map((t) => t.name),
    'Tour',
  );
  return put(doc, { id: freshId(doc, 'tour'), name, stops: [] }, `Add ${name}`);
}

export function renameTour(doc: ProjectDocument, id: string, name: string): EditResult {
  const tour = doc.tours.find((t) => t.id === id);
  if (!tour) return GONE;
  if (name.trim() === '') return { ok: false, reason: 'A tour needs a name.' };
  return put(doc, { ...tour, name: name.trim() }, `Rename ${tour.name}`);
}

export function deleteTour(doc: ProjectDocument, id: string): EditResult {
  const tour = doc.tours.find((t) => t.id === id);
  if (!tour) return GONE;
  return {
    ok: true,
    command: { label: `Delete ${tour.name}`, recipe: (d) => void (d.tours = d.tours.filter((t) => t.id !== id)) },
  };
}

/** Records a view as the tour's next stop, captioned "Stop n" until the user writes one. */
export function addStop(doc: ProjectDocument, tourId: string, view: { position: Vec3; target: Vec3 }): EditResult {
  const tour = doc.tours.find((t) => t.id === tourId);
  if (!tour) return GONE;
  const used = new Set(tour.stops.map((s) => s.id));
  let n = tour.stops.length + 1;
  while (used.has(`${tourId}-stop-${n}`)) n++;
  const stop: TourStop = {
    id: `${tourId}-stop-${n}`,
    caption: `Stop ${tour.stops.length + 1}`,
    position: view.position,
    target: view.target,
    holdS: DEFAULT_HOLD_S,
    highlight: { kind: 'none' },
  };
  return put(doc, { ...tour, stops: [...tour.stops, stop] }, `Add a stop to ${tour.name}`);
}

export function updateStop(
  doc: ProjectDocument,
  tourId: string,
  stopId: string,
  patch: Partial<Omit<TourStop, 'id'>>,
): EditResult {
  const tour = doc.tours.find((t) => t.id === tourId);
  if (!tour) return GONE;
  if (!tour.stops.some((s) => s.id === stopId)) return { ok: false, reason: 'That stop no longer exists.' };
  const { highlight } = patch;
  if (highlight?.kind === 'rows' && !highlight.ids.every((id) => doc.rows.some((r) => r.id === id)))
    return { ok: false, reason: 'That row no longer exists.' };
  const stops = tour.stops.map((s) => (s.id === stopId ? { ...s, ...patch, id: stopId } : s));
  return put(doc, { ...tour, stops }, `Edit a stop of ${tour.name}`);
}

/** Moves a stop earlier (−1) or later (+1) in the tour. */
export function moveStop(doc: ProjectDocument, tourId: string, stopId: string, by: -1 | 1): EditResult {
  const tour = doc.tours.find((t) => t.id === tourId);
  if (!tour) return GONE;
  const i = tour.stops.findIndex((s) => s.id === stopId);
  const j = i + by;
  if (i < 0 || j < 0 || j >= tour.stops.length) return { ok: false, reason: 'The stop cannot move further.' };
  const stops = [...tour.stops];
  [stops[i], stops[j]] = [stops[j]!, stops[i]!];
  return put(doc, { ...tour, stops }, `Reorder ${tour.name}`);
}

export function deleteStop(doc: ProjectDocument, tourId: string, stopId: string): EditResult {
  const tour = doc.tours.find((t) => t.id === tourId);
  if (!tour) return GONE;
  return put(doc, { ...tour, stops: tour.stops.filter((s) => s.id !== stopId) }, `Delete a stop of ${tour.name}`);
}
