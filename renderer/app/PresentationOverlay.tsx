/**
 * Presentation mode's overlay: the figures an investor asks for (IT and facility MW, PUE, dense
 * compute, hashrate, capex) and each check's verdict, over the full-screen view, with the tours to
 * play and the way out. Figures come from the engine, as everywhere else.
 */
import { useEffect, useMemo, useState } from 'react';
import { buildBom, catalogFor, designCompute, plural, type Finding } from '../../shared/index';
import { useChecks } from '../store/checks';
import { useEditor } from '../store/editor';
import { togglePresentation } from './actions';
import { LookButton } from './LookButton';
import { money, num } from './format';
import { ThermalMapButton, ThermalVerdictChip } from './thermal/ThermalPresentation';

const AREAS = [
  ['power.', 'Power'],
  ['cooling.', 'Cooling'],
  ['security.', 'Security'],
] as const;

function Verdict({ findings, prefix, name }: { findings: readonly Finding[]; prefix: string; name: string }) {
  const errors = findings.filter((f) => f.rule.startsWith(prefix) && f.severity === 'error').length;
  const warnings = findings.filter((f) => f.rule.startsWith(prefix) && f.severity === 'warning').length;
  const state = errors > 0 ? 'bad' : warnings > 0 ? 'warn' : 'good';
  return (
    <li className={`verdict ${state}`} data-testid={`verdict-${name.toLowerCase()}`}>
      {name} {errors > 0 ? plural(errors, 'error') : warnings > 0 ? plural(warnings, 'warning') : '✓'}
    </li>
  );
}

export function PresentationOverlay() {
  const doc = useEditor((s) => s.doc);
  const playing = useEditor((s) => s.tourPlayback !== null);
  const { findings, power } = useChecks();
  const compute = useMemo(() => designCompute(doc, catalogFor(doc)), [doc]);
  const bom = useMemo(() => buildBom(doc), [doc]);
  const [tourId, setTourId] = useState<string>('');
  const tour = doc.tours.find((t) => t.id === tourId) ?? doc.tours.find((t) => t.stops.length >= 2);

  // Leaving full screen from the browser (its own Esc) ends the presentation too.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && useEditor.getState().presenting) togglePresentation();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const site = power.site;
  return (
    <div className="presentation" data-testid="presentation">
      <div className="figures" aria-label="Key figures">
        <h1>{doc.name}</h1>
        <dl>
          <dt>IT load</dt>
          <dd data-testid="figure-it">{num(site.itW / 1e6, 2)} MW</dd>
          <dt>Facility</dt>
          <dd>{num(site.facilityW / 1e6, 2)} MW</dd>
          <dt>PUE</dt>
          <dd>{site.pue === null ? '—' : num(site.pue, 2)}</dd>
          {compute.gpus > 0 ? (
            <>
              <dt>Dense compute</dt>
              <dd data-testid="figure-pflops">
                {num(compute.bf16Tflops / 1_000, 0)} PFLOPS BF16 · {compute.gpus.toLocaleString('en-US')} GPUs
              </dd>
            </>
          ) : null}
          {compute.hashrateThs > 0 ? (
            <>
              <dt>Hashrate</dt>
              <dd>{num(compute.hashrateThs / 1_000, 1)} PH/s</dd>
            </>
          ) : null}
          <dt>Capex</dt>
          <dd data-testid="figure-capex">
            {money(bom.total, bom.currency)}
            {bom.unpricedLines > 0 ? (
              <span className="hint"> + {plural(bom.unpricedLines, 'line')} to quote</span>
            ) : null}
          </dd>
        </dl>
        <ul className="presentation-verdicts" aria-label="Checks">
          {AREAS.map(([prefix, name]) => (
            <Verdict key={prefix} findings={findings} prefix={prefix} name={name} />
          ))}
          <ThermalVerdictChip />
        </ul>
      </div>
      <div className="presentation-controls">
        {doc.tours.length > 0 ? (
          <>
            <select value={tour?.id ?? ''} onChange={(e) => setTourId(e.target.value)} aria-label="Tour to play">
              {doc.tours.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            {playing ? (
              <button onClick={() => useEditor.getState().playTour(null)}>Stop tour</button>
            ) : (
              <button
                disabled={!tour || tour.stops.length < 2}
                onClick={() => tour && useEditor.getState().playTour(tour.id)}
              >
                Play tour
              </button>
            )}
          </>
        ) : null}
        <ThermalMapButton />
        <LookButton />
        <button onClick={togglePresentation}>Exit (Esc)</button>
      </div>
    </div>
  );
}
