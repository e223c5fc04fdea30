import { describe, expect, it } from 'vitest';
import { setUnits } from './settingsCommands';
import { doc, fresh, reopens } from './storeTesting';

describe('setUnits', () => {
  it('switches the display units as one undoable step and keeps every SI figure', () => {
    const store = fresh();
    const before = doc(store);
    expect(before.settings.units).toBe('metric');

    expect(store.getState().run(setUnits('imperial'))).toBe(true);
    expect(doc(store).settings.units).toBe('imperial');
    expect(store.getState().history.undo.at(-1)?.label).toBe('Units: Imperial (US)');
    // Only the setting changed: halls, racks and cooling units keep their SI figures.
    expect({ ...doc(store), settings: before.settings }).toEqual(before);
    expect(reopens(store)).toBe(true);

    store.getState().undo();
    expect(doc(store).settings.units).toBe('metric');
    store.getState().redo();
    expect(doc(store).settings.units).toBe('imperial');
  });

  it('leaves no undo step when the project already uses that system', () => {
    const store = fresh();
    expect(store.getState().run(setUnits('metric'))).toBe(false);
    expect(store.getState().history.undo).toEqual([]);
  });
});
