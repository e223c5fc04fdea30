/**
 * New hall…: name, code, building, inner size, floor kind and the floor's load ratings. Figures
 * are typed in the project's units (a bare number) or with their own ("30 m", "98 ft"). Creating
 * adds the hall with its four perimeter walls as one undoable edit and shows it. Ratings left
 * empty assume the TIA-942 Rated-3 computer-room figures and stay marked undeclared, so the
 * floor check keeps asking for the building's own.
 */
import { useState } from 'react';
import { DEFAULT_FLOOR, formatQuantity, type Floor, type Quantity } from '../../shared/index';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import { addHall, DEFAULT_RAISED_FLOOR_M, newHallDefaults } from '../store/hallCommands';
import { editText, entryProblem, useUnits } from './units';
import { useEscapeToClose } from './useEscapeToClose';

type Field = 'width' | 'depth' | 'height' | 'raisedHeightM' | 'uniformLoadKpa' | 'pointLoadKn';

const FIELDS: readonly { field: Field; label: string; quantity: Quantity; optional: boolean }[] = [
  { field: 'width', label: 'Width', quantity: 'length', optional: false },
  { field: 'depth', label: 'Depth', quantity: 'length', optional: false },
  { field: 'height', label: 'Ceiling height', quantity: 'length', optional: false },
  { field: 'raisedHeightM', label: 'Raised-floor height', quantity: 'length', optional: false },
  { field: 'uniformLoadKpa', label: 'Uniform load rating', quantity: 'pressure', optional: true },
  { field: 'pointLoadKn', label: 'Point load rating', quantity: 'force', optional: true },
];

const NO_BUILDING = '';

export function NewHallDialog({ onClose }: { onClose: () => void }) {
  const units = useUnits();
  const [initial] = useState(() => {
    const state = useEditor.getState();
    return newHallDefaults(state.doc, activeHall(state)?.buildingId ?? null);
  });
  const buildings = useEditor((s) => s.doc.buildings);
  const [name, setName] = useState(initial.name);
  const [code, setCode] = useState(initial.code);
  const [buildingId, setBuildingId] = useState(initial.buildingId ?? NO_BUILDING);
  const [kind, setKind] = useState<Floor['kind']>('slab');
  const shown = (si: number) => editText(si, 'length', units.system);
  const [figures, setFigures] = useState<Record<Field, string>>({
    width: shown(initial.width),
    depth: shown(initial.depth),
    height: shown(initial.height),
    raisedHeightM: shown(DEFAULT_RAISED_FLOOR_M),
    uniformLoadKpa: '',
    pointLoadKn: '',
  });
  const [problem, setProblem] = useState<string | null>(null);

  useEscapeToClose(onClose);

  const create = () => {
    const si: Partial<Record<Field, number | null>> = {};
    for (const f of FIELDS) {
      if (f.field === 'raisedHeightM' && kind === 'slab') continue;
      const text = figures[f.field];
      if (f.optional && text.trim() === '') {
        si[f.field] = null;
        continue;
      }
      const value = units.parse(text, f.quantity);
      if (value === null) return setProblem(`${f.label}: ${entryProblem(text, f.quantity, units.system)}`);
      // Twelve significant digits, as QuantityInput keeps: a converted figure leaves no float noise.
      si[f.field] = Number(value.toPrecision(12));
    }
    const result = addHall(useEditor.getState().doc, {
      name,
      code,
      buildingId: buildingId === NO_BUILDING ? null : buildingId,
      width: si.width!,
      depth: si.depth!,
      height: si.height!,
      floorKind: kind,
      raisedHeightM: kind === 'raised' ? si.raisedHeightM! : 0,
      uniformLoadKpa: si.uniformLoadKpa ?? null,
      pointLoadKn: si.pointLoadKn ?? null,
    });
    if (!result.ok) return setProblem(result.reason);
    const { run, setActiveHall, select } = useEditor.getState();
    if (!run(result.command)) return setProblem('The hall could not be added.');
    setActiveHall(result.id!);
    select([]);
    onClose();
  };

  const input = (f: (typeof FIELDS)[number]) => {
    const label = `${f.label}, ${units.unit(f.quantity)}`;
    return (
      <label key={f.field} className="setting">
        <span>{label}</span>
        <input
          type="text"
          inputMode="decimal"
          aria-label={label}
          value={figures[f.field]}
          placeholder={f.optional ? 'TIA-942 default' : undefined}
          onChange={(e) => setFigures({ ...figures, [f.field]: e.target.value })}
        />
      </label>
    );
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal narrow new-hall"
        role="dialog"
        aria-modal="true"
        aria-label="New hall"
        // The editor's shortcuts (R rotates, Delete removes…) must not act on the design behind the dialog.
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') create();
        }}
      >
        <header>
          <h2>New hall</h2>
          <button onClick={onClose}>Close (Esc)</button>
        </header>
        <label className="setting">
          <span>Name</span>
          <input aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </label>
        <label className="setting">
          <span>Code</span>
          <input
            aria-label="Code"
            value={code}
            maxLength={8}
            title="1 to 8 letters or digits: it starts the hall's rack names (A-03-12)"
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <label className="setting">
          <span>Building</span>
          <select aria-label="Building" value={buildingId} onChange={(e) => setBuildingId(e.target.value)}>
            <option value={NO_BUILDING}>— no building —</option>
            {buildings.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        {FIELDS.slice(0, 3).map(input)}
        <fieldset>
          <legend>Floor</legend>
          <label className="setting">
            <span>Kind</span>
            <select aria-label="Floor kind" value={kind} onChange={(e) => setKind(e.target.value as Floor['kind'])}>
              <option value="slab">Slab</option>
              <option value="raised">Raised floor</option>
            </select>
          </label>
          {kind === 'raised' ? input(FIELDS[3]!) : null}
          {FIELDS.slice(4).map(input)}
          <p className="hint">
            Enter the building&apos;s structural rating. Left empty, the checks assume the TIA-942 Rated-3 figures,{' '}
            {formatQuantity(DEFAULT_FLOOR.uniformLoadKpa, 'pressure', 'metric')} (
            {formatQuantity(DEFAULT_FLOOR.uniformLoadKpa, 'pressure', 'imperial')}) uniform and{' '}
            {formatQuantity(DEFAULT_FLOOR.pointLoadKn, 'force', 'metric')} (
            {formatQuantity(DEFAULT_FLOOR.pointLoadKn, 'force', 'imperial')}) concentrated, and say so.
          </p>
        </fieldset>
        {problem !== null ? (
          <p className="notice error" role="alert" data-testid="new-hall-problem">
            {problem}
          </p>
        ) : null}
        <div className="buttons">
          <button onClick={create}>Create hall</button>
        </div>
      </div>
    </div>
  );
}
