/** Findings, worst first, and the loads behind them. Clicking a finding selects what it names. */
import { useChecks } from '../store/checks';
import { plural } from '../../shared/index';
import { useEditor } from '../store/editor';

export function FindingsPanel() {
  const selection = useEditor((s) => s.selection);
  const { findings, counts } = useChecks();
  const { error: errors, warning: warnings } = counts;

  return (
    <section className="findings" aria-label="Findings">
      <h2>
        Findings{' '}
        <span data-testid="findings-count">
          {plural(errors, 'error')}, {plural(warnings, 'warning')}
        </span>
      </h2>
      {findings.length === 0 ? <p className="ok">All checks pass.</p> : null}
      <ul data-testid="findings-list">
        {findings.map((f) => {
          const active = f.entities.some((id) => selection.includes(id));
          return (
            <li key={f.key}>
              <button
                className={`finding ${f.severity}${active ? ' active' : ''}`}
                onClick={() => useEditor.getState().select(f.entities)}
                title={`${f.rule}\n${f.formula}\nSource: ${f.source}`}
              >
                <span className="severity">{f.severity}</span>
                <span>{f.message}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
