/**
 * The project's catalog (built-in and custom devices) as a searchable list to drag onto the rack;
 * each device also has an Add button that places it at the lowest free U, for the keyboard.
 */
import { useState, type PointerEvent as ReactPointerEvent } from 'react';
import { elevationKind, type DeviceSpec } from '../../../shared/index';
import { CATEGORY_NAMES } from '../CustomDeviceForm';
import { kW } from '../format';
import type { DragSource } from './useUDrag';

function matches(d: DeviceSpec, words: string[]): boolean {
  const text = `${d.name} ${d.vendor} ${CATEGORY_NAMES[d.category]} ${d.gpus?.model ?? ''}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

export function DeviceList({
  devices,
  onGrab,
  onAdd,
}: {
  devices: readonly DeviceSpec[];
  onGrab: (source: DragSource, e: ReactPointerEvent) => void;
  onAdd: (catalogId: string) => void;
}) {
  const [query, setQuery] = useState('');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = devices.filter((d) => matches(d, words));
  return (
    <div className="elevation-catalog">
      <input
        type="search"
        aria-label="Search devices"
        placeholder="Search devices"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="hint">Drag a device onto a U: its lowest U goes where you drop it.</p>
      {shown.length === 0 ? <p className="hint">No device matches “{query}”.</p> : null}
      <ul>
        {shown.map((d) => (
          <li
            key={d.id}
            className={`elevation-catalog-item kind-${elevationKind(d.category)}`}
            data-testid={`elevation-catalog-${d.id}`}
            onPointerDown={(e) => {
              if ((e.target as HTMLElement).closest('button')) return;
              onGrab({ kind: 'catalog', id: d.id, name: d.name, uHeight: d.uHeight, grabOffsetU: 0 }, e);
            }}
          >
            <span className="elevation-catalog-name">{d.name}</span>
            <small>
              {d.uHeight}U · {kW(d.nameplateW)} · {CATEGORY_NAMES[d.category]}
            </small>
            <button
              type="button"
              aria-label={`Add ${d.name} at the lowest free U`}
              title="Add at the lowest free U"
              onClick={() => onAdd(d.id)}
            >
              Add
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
