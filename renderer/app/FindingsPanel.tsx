/** Findings, worst first, and the loads behind them. Clicking a finding selects what it names. */
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { kW, MW, pct } from './format';

function LoadBar({ label, loadW, capacityW }: { label: string; loadW: number; capacityW: number | null }) {
  const ratio = capacityW ? loadW / capacityW : 0;
  return (
    <div className="loadbar">
      <div className="loadbar-label">
        <span>{label}</span>
        <span>{capacityW ? `${MW(loadW)} of ${MW(capacityW)} (${pct(100 * ratio)})` : kW(loadW)}</span>
      </div>
      {capacityW ? (
        <div className="loadbar-track">
          <div
            className={ratio > 1 ? 'loadbar-fill over' : 'loadbar-fill'}
            style={{ width: `${Math.min(100, 100 * ratio)}%` }}
          />
        </div>
      ) : null}
    </div>
  );
}

export function FindingsPanel() {
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const { findings, counts, power } = useChecks();
  const { error: errors, warning: warnings } = counts;

  return (
    <section className="findings" aria-label="Findings">
      <h2>
        Findings{' '}
        <span data-testid="findings-count">
          {errors} errors, {warnings} warnings
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
      <h2>Loads</h2>
      {doc.halls.map((hall) => {
        const feed = hall.feedId ? power.feeds.get(hall.feedId) : undefined;
        return (
          <div key={hall.id} data-testid={`hall-load-${hall.id}`}>
            <LoadBar label={`${hall.name}: IT load`} loadW={power.hallLoadW.get(hall.id) ?? 0} capacityW={null} />
            {feed ? (
              <LoadBar
                label={`${feed.feed.name}: IT × PUE ${doc.settings.designPue}`}
                loadW={feed.facilityLoadW}
                capacityW={feed.usableW}
              />
            ) : null}
          </div>
        );
      })}
      {doc.rows.map((row) => (
        <LoadBar key={row.id} label={row.name} loadW={power.rowLoadW.get(row.id) ?? 0} capacityW={null} />
      ))}
    </section>
  );
}
