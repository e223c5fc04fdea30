/**
 * Find by name, at the top of the Outline tab: racks, rows, halls, buildings, power components,
 * cooling units, zones, doors and cameras, best matches first (searchIndex.ts). Arrows move
 * through the results, Enter selects one and shows its hall; Esc clears the field. Ctrl+F calls
 * `focusSearch`, which opens the Outline tab and puts the cursor here.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { create } from 'zustand';
import { plural } from '../../shared/index';
import { useEditor } from '../store/editor';
import { buildSearchIndex, searchEntities, type SearchEntry } from './searchIndex';

/** Results listed at most; the count says how many more matched. */
const SHOWN = 50;

const useSearchFocus = create<{ requested: boolean }>()(() => ({ requested: false }));

/** Opens the Outline tab and focuses the find box (the Ctrl+F shortcut). */
export function focusSearch(): void {
  useSearchFocus.setState({ requested: true });
}

/** Calls `listener` on each focus request (the left panel opens the Outline tab); returns the unsubscribe. */
export function onSearchFocusRequest(listener: () => void): () => void {
  return useSearchFocus.subscribe((s) => {
    if (s.requested) listener();
  });
}

/** Selects what was found, as the outliner would: a row with its racks; its hall becomes the one shown. */
function pick(entry: SearchEntry): void {
  const { doc, select, setActiveHall } = useEditor.getState();
  const row = entry.kind === 'Row' ? doc.rows.find((r) => r.id === entry.id) : undefined;
  select(row ? [...doc.racks.filter((r) => r.rowId === row.id).map((r) => r.id), row.id] : [entry.id]);
  if (entry.hallId !== null) setActiveHall(entry.hallId);
}

export function EntitySearch() {
  const doc = useEditor((s) => s.doc);
  const index = useMemo(() => buildSearchIndex(doc), [doc]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { results, total } = useMemo(() => searchEntities(index, query, SHOWN), [index, query]);
  const current = Math.min(active, results.length - 1);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const requested = useSearchFocus((s) => s.requested);

  useEffect(() => {
    if (!requested) return;
    input.current?.focus();
    input.current?.select();
    useSearchFocus.setState({ requested: false });
  }, [requested]);

  // The active result stays in sight while the arrows move through a long list.
  useEffect(() => {
    document.getElementById(`${listId}-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [listId, current]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length > 0) setActive((current + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const entry = results[current];
      if (entry) pick(entry);
    } else if (e.key === 'Escape' && query !== '') {
      // Esc with an empty field reaches the editor (it clears the selection, as everywhere).
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
    }
  };

  const open = query.trim() !== '';
  return (
    <div className="entity-search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Find by name"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && current >= 0 ? `${listId}-${current}` : undefined}
        aria-autocomplete="list"
        placeholder="Find by name (Ctrl+F)"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <>
          <p className="hint" data-testid="search-count">
            {total === 0
              ? `Nothing is named like "${query.trim()}".`
              : total > results.length
                ? `${plural(total, 'result')}, the first ${results.length} shown: type more to narrow them.`
                : plural(total, 'result')}
          </p>
          <ul className="search-results" id={listId} role="listbox" aria-label="Found by name">
            {results.map((entry, i) => (
              <li
                key={entry.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === current}
                className={i === current ? 'active' : undefined}
                // Chosen on mouse down, before the field loses focus.
                onMouseDown={(e) => {
                  e.preventDefault();
                  setActive(i);
                  pick(entry);
                }}
              >
                <span>{entry.name}</span>
                <small>
                  {entry.kind} · {entry.where}
                </small>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
