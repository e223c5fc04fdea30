/**
 * One finding in a list: clicking it selects what it names; its details give the numbers in the
 * project's units, the formula and the source. The message stays as the engine wrote it, in SI.
 */
import { Fragment, memo, useState } from 'react';
import type { Finding } from '../../shared/index';
import { useEditor } from '../store/editor';
import { findingFigures } from './findingValues';
import { useUnits } from './units';

/** The figures, formula and source of a finding, drawn only once opened (a large site lists many findings). */
function Details({ finding }: { finding: Finding }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="finding-details"
      data-testid={`finding-details-${finding.key}`}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>Figures, formula and source</summary>
      {open ? <Figures finding={finding} /> : null}
    </details>
  );
}

function Figures({ finding }: { finding: Finding }) {
  const { system } = useUnits();
  const figures = findingFigures(finding.values, system);
  return (
    <>
      {figures.length > 0 ? (
        <dl className="facts">
          {figures.map((f) => (
            <Fragment key={f.name}>
              <dt>{f.label}</dt>
              <dd data-testid={`finding-value-${f.name}`}>{f.text}</dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
      <p>
        <strong>Formula:</strong> {finding.formula}
      </p>
      <p>
        <strong>Source:</strong> {finding.source}
      </p>
    </>
  );
}

/**
 * Memoised: a campus lists thousands of findings, and selecting a rack changes only the few that
 * name it (`active`); the rest keep their elements and listeners untouched.
 */
export const FindingItem = memo(function FindingItem({ finding: f, active }: { finding: Finding; active: boolean }) {
  return (
    <li>
      <button
        className={`finding ${f.severity}${active ? ' active' : ''}`}
        onClick={() => useEditor.getState().select(f.entities)}
        title={`${f.rule}\n${f.formula}\nSource: ${f.source}`}
      >
        <span className="severity">{f.severity}</span>
        <span>{f.message}</span>
      </button>
      <Details finding={f} />
    </li>
  );
});
