/**
 * Scenarios: named variants of the design that swap rack configurations ("GPU racks → 4 × DGX
 * B200"), created, renamed, duplicated and deleted here, with their rules; 2–4 of them (the design
 * as drawn counts as one) compared side by side; and "fill to capacity". The engine work runs in
 * the engine worker; this panel renders its results.
 */
import { useMemo, useState } from 'react';
import { applyScenario, plural, type ScenarioSummary } from '../../shared/index';
import { useEditor } from '../store/editor';
import { addRule, addScenario, deleteScenario, duplicateScenario, renameScenario } from '../store/scenarioCommands';
import { compareInWorker } from '../workers/engineClient';
import { ComparisonView } from './ComparisonView';
import { FillToCapacity } from './FillToCapacity';
import { RuleEditor } from './RuleEditor';
import { runEdit } from './runEdit';
import { TextInput } from './TextInput';

/** The design as drawn, in the comparison's choice of columns. */
const DRAWN = '(drawn)';
const MAX_COMPARED = 4;

function ScenarioDetails({ id }: { id: string }) {
  const doc = useEditor((s) => s.doc);
  const scenario = doc.scenarios.find((s) => s.id === id);
  // Applying walks every rack: once per edit, not on every render of the panel.
  const applied = useMemo(() => (scenario ? applyScenario(doc, scenario) : null), [doc, scenario]);
  if (!scenario || !applied) return null;
  return (
    <div className="scenario-details" data-testid={`scenario-details-${id}`}>
      <TextInput
        label="Name"
        ariaLabel="Scenario name"
        value={scenario.name}
        onCommit={(name) => runEdit(renameScenario(doc, id, name))}
      />
      <p className="hint">A rack takes the first rule that fits it; racks no rule fits stay as drawn.</p>
      <ol className="rules">
        {scenario.rules.map((rule, i) => (
          <RuleEditor key={rule.id} scenarioId={id} rule={rule} index={i} />
        ))}
      </ol>
      <button onClick={() => runEdit(addRule(doc, id))}>Add rule</button>
      <p data-testid="scenario-effect">
        {scenario.rules.map((r, i) => `Rule ${i + 1}: ${plural(applied.changed.get(r.id) ?? 0, 'rack')}`).join(' · ') ||
          'No rules: the scenario is the design as drawn.'}
      </p>
      {applied.notes.map((n) => (
        <p key={n} className="notice error">
          {n}
        </p>
      ))}
    </div>
  );
}

export function ScenariosPanel() {
  const doc = useEditor((s) => s.doc);
  const [openId, setOpenId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([DRAWN]);
  const [comparison, setComparison] = useState<ScenarioSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const live = chosen.filter((c) => c === DRAWN || doc.scenarios.some((s) => s.id === c));

  const toggle = (id: string, on: boolean) =>
    setChosen((c) => (on ? [...c.filter((x) => x !== id), id].slice(-MAX_COMPARED) : c.filter((x) => x !== id)));
  const compare = async () => {
    setBusy(true);
    setError(null);
    const result = await compareInWorker(
      doc,
      live.map((c) => (c === DRAWN ? null : c)),
    );
    setBusy(false);
    if (result.ok) setComparison(result.value);
    else setError(`The comparison failed: ${result.error}`);
  };
  const add = () => {
    const result = addScenario(doc);
    if (runEdit(result) && result.ok && result.id) setOpenId(result.id);
  };
  const duplicate = (id: string) => {
    const result = duplicateScenario(doc, id);
    if (runEdit(result) && result.ok && result.id) setOpenId(result.id);
  };

  return (
    <section className="panel" data-testid="scenarios-panel">
      <h2>Scenarios</h2>
      <p className="hint">
        Swap rack configurations without copying the design; compare up to {MAX_COMPARED} side by side.
      </p>
      <ul className="scenario-list">
        <li>
          <label className="check">
            <input type="checkbox" checked={live.includes(DRAWN)} onChange={(e) => toggle(DRAWN, e.target.checked)} />
            Design as drawn
          </label>
        </li>
        {doc.scenarios.map((s) => (
          <li key={s.id} data-testid={`scenario-${s.id}`} className={openId === s.id ? 'open' : undefined}>
            <label className="check">
              <input
                type="checkbox"
                checked={live.includes(s.id)}
                onChange={(e) => toggle(s.id, e.target.checked)}
                aria-label={`Compare ${s.name}`}
              />
              {s.name}
            </label>
            <span className="buttons">
              <button onClick={() => setOpenId(openId === s.id ? null : s.id)} aria-expanded={openId === s.id}>
                {openId === s.id ? 'Close' : 'Edit'}
              </button>
              <button onClick={() => duplicate(s.id)} aria-label={`Duplicate ${s.name}`}>
                Duplicate
              </button>
              <button onClick={() => runEdit(deleteScenario(doc, s.id))} aria-label={`Delete ${s.name}`}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div className="buttons">
        <button onClick={add}>New scenario</button>
        <button disabled={live.length < 2 || busy} onClick={() => void compare()} data-testid="compare-scenarios">
          {busy ? 'Comparing…' : `Compare ${live.length}`}
        </button>
      </div>
      {live.length < 2 ? <p className="hint">Tick two or more to compare.</p> : null}
      {error ? <p className="notice error">{error}</p> : null}
      {openId ? <ScenarioDetails id={openId} /> : null}
      <FillToCapacity />
      {comparison ? <ComparisonView summaries={comparison} onClose={() => setComparison(null)} /> : null}
    </section>
  );
}
