/**
 * Findings, worst first, and the figures behind them. Clicking a finding selects what it names;
 * its details give the numbers in the project's units, the formula and the source. The message
 * stays as the engine wrote it, in SI, as the report prints it.
 *
 * A campus can have thousands: the list shows them a page at a time (FINDINGS_PAGE, then "Show
 * more"), and when it is longer than a page the findings that name the selection are also listed
 * first, so a selected rack's findings are never hidden further down.
 */
import { useMemo, useState } from 'react';
import type { Finding } from '../../shared/index';
import { useChecks } from '../store/checks';
import { LoadsPending } from './LoadsPending';
import { plural } from '../../shared/index';
import { useEditor } from '../store/editor';
import { useThermal } from '../store/thermal';
import { thermalInputsChanged } from '../store/thermalLogic';
import { FindingItem } from './FindingItem';

/**
 * The last thermal simulation's findings under the live checks': a run is not a live check (it takes
 * seconds, in a Worker), so its findings are listed apart, with when they stop describing the design.
 */
function ThermalFindings({ selection }: { selection: ReadonlySet<string> }) {
  const computed = useThermal((s) => s.computed);
  const doc = useEditor((s) => s.doc);
  if (computed === null) return null;
  const stale = thermalInputsChanged(computed.doc, doc);
  const findings = computed.result.findings;
  return (
    <section className="findings-thermal" aria-label="Thermal simulation findings" data-testid="findings-thermal">
      <h3>
        Thermal simulation ({computed.result.resolutionM} m){stale ? <span className="stale"> · stale</span> : null}
      </h3>
      {stale ? (
        <p className="hint">The design changed since this run: its findings are of the earlier design.</p>
      ) : null}
      {findings.length === 0 ? (
        <p className="ok">Every air-cooled rack breathes within its recommended range.</p>
      ) : null}
      <ul>
        {findings.map((f) => (
          <FindingItem key={f.key} finding={f} active={f.entities.some((id) => selection.has(id))} />
        ))}
      </ul>
    </section>
  );
}

/** Findings listed at once, and added by each "Show more". */
export const FINDINGS_PAGE = 200;

export function FindingsPanel() {
  const selectionList = useEditor((s) => s.selection);
  const selection = useMemo(() => new Set(selectionList), [selectionList]);
  const { findings, counts, loadsPending } = useChecks();
  const { error: errors, warning: warnings } = counts;
  const [shown, setShown] = useState(FINDINGS_PAGE);
  const names = useMemo(() => (f: Finding) => f.entities.some((id) => selection.has(id)), [selection]);
  const paged = findings.length > FINDINGS_PAGE;
  const aboutSelection = useMemo(
    () => (paged && selection.size > 0 ? findings.filter(names) : []),
    [paged, findings, selection, names],
  );
  const hidden = findings.length - Math.min(shown, findings.length);

  return (
    <section className="findings" aria-label="Findings">
      <h2>
        Findings{' '}
        <span data-testid="findings-count">
          {plural(errors, 'error')}, {plural(warnings, 'warning')}
        </span>
      </h2>
      {loadsPending ? (
        <LoadsPending what="their findings" />
      ) : findings.length === 0 ? (
        <p className="ok">All checks pass.</p>
      ) : null}
      {aboutSelection.length > 0 ? (
        <section
          className="findings-selection"
          aria-label="Findings about the selection"
          data-testid="findings-selection"
        >
          <h3>About the selection ({aboutSelection.length})</h3>
          <ul>
            {aboutSelection.map((f) => (
              <FindingItem key={f.key} finding={f} active />
            ))}
          </ul>
        </section>
      ) : null}
      <ul data-testid="findings-list">
        {findings.slice(0, shown).map((f) => (
          <FindingItem key={f.key} finding={f} active={names(f)} />
        ))}
      </ul>
      {hidden > 0 ? (
        <button
          className="findings-more"
          data-testid="findings-more"
          onClick={() => setShown((n) => n + FINDINGS_PAGE)}
        >
          Show {Math.min(FINDINGS_PAGE, hidden).toLocaleString('en-US')} more ({hidden.toLocaleString('en-US')} not
          shown)
        </button>
      ) : null}
      <ThermalFindings selection={selection} />
    </section>
  );
}
