/**
 * Layout in the inspector: the shared layout fields of the selected racks (multi-edit shows
 * "mixed" where they differ), the position of one rack, and the group transforms — align,
 * distribute, rotate, duplicate, array, renumber, select row or all of a kind.
 */
import { useMemo, useState } from 'react';
import { catalogFor, type AlignMode, type Rack, type Rotation } from '../../shared/index';
import { useEditor } from '../store/editor';
import { placementsCommand, setRacksLayout } from '../store/layoutCommands';
import {
  alignSelection,
  arraySelection,
  distributeSelection,
  duplicateSelection,
  renumberSelectedRows,
  runLayout,
  selectRowsOfSelection,
  selectSameKind,
} from './layoutActions';
import { QuantityInput } from './QuantityInput';
import { useUnits } from './units';

const MIXED = '';

function shared<T>(racks: readonly Rack[], pick: (r: Rack) => T): T | undefined {
  const values = new Set(racks.map(pick));
  return values.size === 1 ? [...values][0] : undefined;
}

export function RackLayout({ racks }: { racks: Rack[] }) {
  const doc = useEditor((s) => s.doc);
  const catalog = useMemo(() => catalogFor(doc), [doc]);
  const ids = racks.map((r) => r.id);
  const hallIds = new Set(racks.map((r) => r.hallId));
  const rows = doc.rows.filter((r) => hallIds.size === 1 && hallIds.has(r.hallId));
  const type = shared(racks, (r) => r.rackTypeId);
  const rowId = shared(racks, (r) => r.rowId);
  const existing = shared(racks, (r) => r.existing);
  const one = racks.length === 1 ? racks[0]! : null;
  const edit = (patch: Parameters<typeof setRacksLayout>[2]) =>
    runLayout(setRacksLayout(useEditor.getState().doc, ids, patch), false);
  const place = (rack: Rack, position: Rack['position'], rotationDeg: Rotation) =>
    runLayout(
      placementsCommand(useEditor.getState().doc, [{ id: rack.id, position, rotationDeg }], `Move ${rack.name}`),
      false,
    );

  return (
    <div className="rack-layout" data-testid="rack-layout">
      <h4>Layout</h4>
      <label className="setting">
        <span>Rack type</span>
        <select aria-label="Rack type" value={type ?? MIXED} onChange={(e) => edit({ rackTypeId: e.target.value })}>
          {type === undefined ? <option value={MIXED}>mixed</option> : null}
          {catalog.rackTypes().map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="setting">
        <span>Row</span>
        <select
          aria-label="Row"
          value={rowId === undefined ? MIXED : (rowId ?? 'none')}
          disabled={hallIds.size > 1}
          onChange={(e) => edit({ rowId: e.target.value === 'none' ? null : e.target.value })}
        >
          {rowId === undefined ? <option value={MIXED}>mixed</option> : null}
          <option value="none">no row</option>
          {rows.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          aria-label="Frame already on site"
          checked={existing === true}
          ref={(el) => {
            if (el) el.indeterminate = existing === undefined;
          }}
          onChange={(e) => edit({ existing: e.target.checked })}
        />
        Frame already on site (not bought)
      </label>
      {one ? (
        <div className="position-fields">
          <QuantityInput
            label="x"
            quantity="length"
            value={one.position.x}
            onCommit={(x) => place(one, { x, y: one.position.y }, one.rotationDeg)}
          />
          <QuantityInput
            label="y"
            quantity="length"
            value={one.position.y}
            onCommit={(y) => place(one, { x: one.position.x, y }, one.rotationDeg)}
          />
          <label className="setting">
            <span>Front faces</span>
            <select
              aria-label="Front faces"
              value={one.rotationDeg}
              onChange={(e) => place(one, one.position, Number(e.target.value) as Rotation)}
            >
              <option value={0}>−y (0°)</option>
              <option value={90}>+x (90°)</option>
              <option value={180}>+y (180°)</option>
              <option value={270}>−x (270°)</option>
            </select>
          </label>
        </div>
      ) : null}
      <Transforms count={racks.length} />
    </div>
  );
}

const ALIGN: readonly { mode: AlignMode; label: string }[] = [
  { mode: 'left', label: 'Left' },
  { mode: 'right', label: 'Right' },
  { mode: 'top', label: 'Top' },
  { mode: 'bottom', label: 'Bottom' },
  { mode: 'centre-x', label: 'Centres ↔' },
  { mode: 'centre-y', label: 'Centres ↕' },
];

function Transforms({ count }: { count: number }) {
  const units = useUnits();
  const [copies, setCopies] = useState(1);
  const [step, setStep] = useState({ x: 0, y: 3 });
  return (
    <>
      {count > 1 ? (
        <div className="buttons wrap" role="group" aria-label="Align">
          <span className="hint">Align</span>
          {ALIGN.map((a) => (
            <button key={a.mode} onClick={() => alignSelection(a.mode)}>
              {a.label}
            </button>
          ))}
          <button onClick={() => distributeSelection('x')} disabled={count < 3} title="Equal gaps along x">
            Distribute ↔
          </button>
          <button onClick={() => distributeSelection('y')} disabled={count < 3} title="Equal gaps along y">
            Distribute ↕
          </button>
        </div>
      ) : null}
      <div className="buttons wrap">
        <button onClick={duplicateSelection} title="A copy beside the selection (Ctrl+D)">
          Duplicate
        </button>
        <button onClick={renumberSelectedRows} title="Name the row's racks Hall-Row-Position from the row's start">
          Renumber row
        </button>
        <button onClick={selectRowsOfSelection} title="Select the whole rows (double-click a rack does too)">
          Select row
        </button>
        <button onClick={selectSameKind} title="Every rack of this type and content in the hall">
          Select all of this kind
        </button>
      </div>
      <details className="array-tool">
        <summary>Array…</summary>
        <label className="setting">
          <span>Copies</span>
          <input
            type="number"
            min={1}
            max={200}
            aria-label="Array copies"
            value={copies}
            onChange={(e) => setCopies(Number(e.target.value))}
          />
        </label>
        <QuantityInput label="Step x" quantity="length" value={step.x} onCommit={(x) => setStep({ ...step, x })} />
        <QuantityInput label="Step y" quantity="length" value={step.y} onCommit={(y) => setStep({ ...step, y })} />
        <button onClick={() => arraySelection(copies, step)}>
          Make {copies} {copies === 1 ? 'copy' : 'copies'} ({units.fmt(Math.hypot(step.x, step.y), 'length')} apart)
        </button>
      </details>
    </>
  );
}
