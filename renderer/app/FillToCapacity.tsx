/**
 * Fill to capacity: for a chosen configuration, place as many racks as the power and cooling allow
 * in the chosen rows (shared/scenarios/fill.ts, run in the engine worker), then take the result as
 * one undoable edit and say which limit stopped it.
 */
import { useState } from 'react';
import {
  catalogFor,
  plural,
  RACK_CONFIGS,
  rackConfigName,
  type FillResult,
  type ProjectDocument,
} from '../../shared/index';
import { useEditor } from '../store/editor';
import { applyFill } from '../store/scenarioCommands';
import { fillInWorker } from '../workers/engineClient';
import { runEdit } from './runEdit';

const LIMIT_NAMES = { power: 'the power chain', cooling: 'the cooling', space: 'room in the rows' } as const;

function describe(result: FillResult): string {
  const placed = `Placed ${plural(result.filled, 'rack')} of ${result.slots} possible.`;
  if (result.limit === 'space') return `${placed} Stopped by room in the rows: every slot is used.`;
  return `${placed} Stopped by ${LIMIT_NAMES[result.limit]}: one more would raise "${result.limitFinding?.message ?? ''}"`;
}

export function FillToCapacity() {
  const doc = useEditor((s) => s.doc);
  const catalog = catalogFor(doc);
  const [presetId, setPresetId] = useState(RACK_CONFIGS[0]!.id);
  const [rowIds, setRowIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const rows = rowIds.filter((id) => doc.rows.some((r) => r.id === id));

  const fill = async () => {
    const preset = RACK_CONFIGS.find((c) => c.id === presetId);
    if (!preset) return;
    const basedOn: ProjectDocument = doc;
    setBusy(true);
    setMessage(null);
    const outcome = await fillInWorker(basedOn, rows, { rackTypeId: preset.rackTypeId, devices: preset.devices });
    setBusy(false);
    if (!outcome.ok) {
      setMessage(`The fill failed: ${outcome.error}`);
      return;
    }
    const result = outcome.value;
    if (result.filled > 0) {
      const edit = applyFill(useEditor.getState().doc, basedOn, result);
      if (!runEdit(edit)) return;
      useEditor.getState().select(result.rackIds);
    }
    setMessage([describe(result), ...result.notes].join(' '));
  };

  return (
    <div className="fill" data-testid="fill-to-capacity">
      <h3>Fill to capacity</h3>
      <label className="setting">
        <span>Configuration</span>
        <select value={presetId} onChange={(e) => setPresetId(e.target.value)} aria-label="Fill configuration">
          {RACK_CONFIGS.map((c) => (
            <option key={c.id} value={c.id}>
              {rackConfigName(c, catalog)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Rows</legend>
        {doc.rows.map((r) => (
          <label key={r.id} className="check">
            <input
              type="checkbox"
              checked={rows.includes(r.id)}
              onChange={(e) => setRowIds(e.target.checked ? [...rows, r.id] : rows.filter((x) => x !== r.id))}
            />
            {r.name}
          </label>
        ))}
      </fieldset>
      <button disabled={rows.length === 0 || busy} onClick={() => void fill()} data-testid="fill-run">
        {busy ? 'Filling…' : 'Fill'}
      </button>
      {message ? (
        <p className="notice info" data-testid="fill-result">
          {message}
        </p>
      ) : null}
    </div>
  );
}
