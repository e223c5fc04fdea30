/**
 * Tours for presentations: record the current view as a stop, caption and time each stop, reorder
 * them, jump to one, and play the tour (the camera moves between stops with eased, constant-speed
 * moves; the caption shows over the view). Tours are saved in the project file.
 */
import { useState } from 'react';
import { tourTimeline, type StopHighlight, type TourStop } from '../../shared/index';
import { viewBridge } from '../scene/viewBridge';
import { useEditor } from '../store/editor';
import { addStop, addTour, deleteStop, deleteTour, moveStop, renameTour, updateStop } from '../store/tourCommands';
import { NumberInput } from './NumberInput';
import { num } from './format';
import { runEdit } from './runEdit';
import { TextInput } from './TextInput';
import { TourVideoButton } from './TourVideoButton';

const HIGHLIGHTS: Record<StopHighlight['kind'], string> = {
  none: 'no highlight',
  rows: 'rows glowing…',
  zones: 'security zones',
  power: 'power map (circuit loading)',
  thermal: 'thermal map (inlet margin)',
};

/** What the stop shows while the tour is there. */
function HighlightEditor({ tourId, stop, index }: { tourId: string; stop: TourStop; index: number }) {
  const doc = useEditor((s) => s.doc);
  const set = (highlight: StopHighlight) => runEdit(updateStop(doc, tourId, stop.id, { highlight }));
  const { highlight } = stop;
  const choose = (kind: StopHighlight['kind']) => {
    if (kind !== 'rows') return set({ kind });
    const first = doc.rows[0];
    if (!first) return useEditor.getState().notify({ kind: 'error', text: 'The design has no rows.', details: [] });
    set({ kind, ids: [first.id] });
  };
  return (
    <>
      <label className="setting">
        <span>Shows</span>
        <select
          value={highlight.kind}
          onChange={(e) => choose(e.target.value as StopHighlight['kind'])}
          aria-label={`Highlight at stop ${index + 1}`}
        >
          {Object.entries(HIGHLIGHTS).map(([kind, name]) => (
            <option key={kind} value={kind}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {highlight.kind === 'rows' ? (
        <div className="rule-scope">
          {doc.rows.map((r) => (
            <label key={r.id} className="check">
              <input
                type="checkbox"
                checked={highlight.ids.includes(r.id)}
                onChange={(e) => {
                  const ids = e.target.checked ? [...highlight.ids, r.id] : highlight.ids.filter((x) => x !== r.id);
                  if (ids.length > 0) set({ kind: 'rows', ids });
                }}
              />
              {r.name}
            </label>
          ))}
        </div>
      ) : null}
    </>
  );
}

function Stops({ tourId }: { tourId: string }) {
  const doc = useEditor((s) => s.doc);
  const playback = useEditor((s) => s.tourPlayback);
  const tour = doc.tours.find((t) => t.id === tourId);
  if (!tour) return null;
  const playing = playback?.tourId === tourId;
  const record = () => {
    const view = viewBridge.current?.current();
    if (!view) return useEditor.getState().notify({ kind: 'error', text: 'The 3D view is not open.', details: [] });
    runEdit(addStop(doc, tourId, view));
  };
  return (
    <div className="tour" data-testid={`tour-${tourId}`}>
      <TextInput
        label="Name"
        ariaLabel="Tour name"
        value={tour.name}
        onCommit={(name) => runEdit(renameTour(doc, tourId, name))}
      />
      <ol className="stops">
        {tour.stops.map((stop, i) => (
          <li
            key={stop.id}
            className={playing && playback.stopIndex === i ? 'current' : undefined}
            data-testid={`stop-${i + 1}`}
          >
            <TextInput
              ariaLabel={`Caption of stop ${i + 1}`}
              value={stop.caption}
              onCommit={(caption) => runEdit(updateStop(doc, tourId, stop.id, { caption }))}
            />
            <HighlightEditor tourId={tourId} stop={stop} index={i} />
            <NumberInput
              label={`Hold at stop ${i + 1}, s`}
              value={stop.holdS}
              step={0.5}
              onCommit={(holdS) => runEdit(updateStop(doc, tourId, stop.id, { holdS }))}
            />
            <span className="buttons">
              <button onClick={() => viewBridge.current?.goTo(stop)} aria-label={`Go to stop ${i + 1}`}>
                Go to
              </button>
              <button
                onClick={() => runEdit(moveStop(doc, tourId, stop.id, -1))}
                aria-label={`Move stop ${i + 1} earlier`}
              >
                ↑
              </button>
              <button
                onClick={() => runEdit(moveStop(doc, tourId, stop.id, 1))}
                aria-label={`Move stop ${i + 1} later`}
              >
                ↓
              </button>
              <button onClick={() => runEdit(deleteStop(doc, tourId, stop.id))} aria-label={`Delete stop ${i + 1}`}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ol>
      {tour.stops.length === 0 ? <p className="hint">Frame a view in 3D, then record it as the first stop.</p> : null}
      <div className="buttons wrap">
        <button onClick={record}>Record current view</button>
        <TourVideoButton tourId={tourId} />
        {playing ? (
          <button onClick={() => useEditor.getState().playTour(null)}>Stop</button>
        ) : (
          <button disabled={tour.stops.length < 2} onClick={() => useEditor.getState().playTour(tourId)}>
            Play ({num(tourTimeline(tour.stops).totalS, 0)} s)
          </button>
        )}
        <button
          onClick={() => {
            if (runEdit(deleteTour(doc, tourId))) useEditor.getState().playTour(null);
          }}
        >
          Delete tour
        </button>
      </div>
    </div>
  );
}

export function ToursPanel() {
  const doc = useEditor((s) => s.doc);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = doc.tours.find((t) => t.id === openId) ?? doc.tours[0];
  return (
    <section className="panel" data-testid="tours-panel">
      <h2>Tours</h2>
      <p className="hint">
        Walk investors through the design: record views as stops with a caption each, then play them.
      </p>
      {doc.tours.length > 0 ? (
        <label className="setting">
          <span>Tour</span>
          <select value={open?.id ?? ''} onChange={(e) => setOpenId(e.target.value)} aria-label="Tour">
            {doc.tours.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.stops.length} stops)
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button
        onClick={() => {
          const result = addTour(doc);
          if (runEdit(result) && result.ok && result.id) setOpenId(result.id);
        }}
      >
        New tour
      </button>
      {open ? <Stops tourId={open.id} /> : null}
    </section>
  );
}
