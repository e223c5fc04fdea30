import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../shared/index';
import { addStop, addTour, deleteStop, deleteTour, moveStop, renameTour, updateStop } from './tourCommands';
import { doc, fresh, run } from './storeTesting';

const view = (x: number) => ({ position: { x, y: 1.7, z: 5 }, target: { x: x + 5, y: 1, z: 10 } });

describe('tour edits', () => {
  it('records, captions, times, reorders and deletes stops; the tour is saved with the project', () => {
    const store = fresh();
    const id = run(store, addTour(doc(store))).id!;
    run(store, addStop(doc(store), id, view(0)));
    run(store, addStop(doc(store), id, view(10)));
    let tour = doc(store).tours[0]!;
    expect(tour).toMatchObject({ name: 'Tour 1', stops: [{ caption: 'Stop 1', holdS: 3 }, { caption: 'Stop 2' }] });
    const [a, b] = tour.stops;
    run(store, updateStop(doc(store), id, a!.id, { caption: 'Hall A', holdS: 5 }));
    run(store, moveStop(doc(store), id, b!.id, -1));
    tour = doc(store).tours[0]!;
    expect(tour.stops.map((s) => s.caption)).toEqual(['Stop 2', 'Hall A']);
    expect(moveStop(doc(store), id, b!.id, -1).ok).toBe(false);
    const reopened = parseProject(serializeProject(doc(store)));
    expect(reopened.ok && reopened.doc.tours).toEqual(doc(store).tours);
    run(store, deleteStop(doc(store), id, b!.id));
    expect(doc(store).tours[0]!.stops).toHaveLength(1);
    store.getState().undo();
    expect(doc(store).tours[0]!.stops).toHaveLength(2);
    run(store, renameTour(doc(store), id, ' Investor day '));
    expect(doc(store).tours[0]!.name).toBe('Investor day');
    run(store, deleteTour(doc(store), id));
    expect(doc(store).tours).toEqual([]);
  });

  it('gives a stop a highlight of real rows only', () => {
    const store = fresh();
    const id = run(store, addTour(doc(store))).id!;
    run(store, addStop(doc(store), id, view(0)));
    const stop = doc(store).tours[0]!.stops[0]!;
    expect(stop.highlight).toEqual({ kind: 'none' });
    run(store, updateStop(doc(store), id, stop.id, { highlight: { kind: 'rows', ids: ['row-a-02'] } }));
    expect(doc(store).tours[0]!.stops[0]!.highlight).toEqual({ kind: 'rows', ids: ['row-a-02'] });
    expect(updateStop(doc(store), id, stop.id, { highlight: { kind: 'rows', ids: ['row-zz'] } })).toEqual({
      ok: false,
      reason: 'That row no longer exists.',
    });
    run(store, updateStop(doc(store), id, stop.id, { highlight: { kind: 'thermal' } }));
    expect(parseProject(serializeProject(doc(store))).ok).toBe(true);
  });

  it('refuses a negative hold, a blank name and a view outside the world', () => {
    const store = fresh();
    const id = run(store, addTour(doc(store))).id!;
    run(store, addStop(doc(store), id, view(0)));
    const stop = doc(store).tours[0]!.stops[0]!;
    expect(updateStop(doc(store), id, stop.id, { holdS: -1 }).ok).toBe(false);
    expect(renameTour(doc(store), id, '  ')).toEqual({ ok: false, reason: 'A tour needs a name.' });
    expect(addStop(doc(store), id, { position: { x: Number.NaN, y: 0, z: 0 }, target: { x: 0, y: 0, z: 0 } }).ok).toBe(
      false,
    );
  });

  it('a tour plays from its first stop and stops', () => {
    const store = fresh();
    store.getState().playTour('tour-1');
    expect(store.getState().tourPlayback).toEqual({ tourId: 'tour-1', stopIndex: 0, run: 1 });
    store.getState().setTourStop(1);
    expect(store.getState().tourPlayback?.stopIndex).toBe(1);
    store.getState().playTour('tour-1');
    expect(store.getState().tourPlayback).toEqual({ tourId: 'tour-1', stopIndex: 0, run: 2 });
    store.getState().playTour(null);
    expect(store.getState().tourPlayback).toBeNull();
  });
});
