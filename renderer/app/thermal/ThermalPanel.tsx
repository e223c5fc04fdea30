/**
 * The Thermal tab: run the simulation (fine on demand, coarse by itself after edits), follow and
 * cancel it, and read the result: Herrlin's indices with their verdicts, recirculation and bypass,
 * the energy balance, the run's findings, and every rack's inlet worst first. It also chooses what
 * the 3D view draws (slices, intake faces, arrows). Figures come from the engine; temperatures and
 * heat are shown in the project's units.
 */
import { Fragment, useEffect, useMemo, useState } from 'react';
import { catalogFor, plural, unitOf } from '../../../shared/index';
import type { HallThermalSummary, InletStatus, RackInletResult, ThermalPhase } from '../../../shared/thermal/types';
import { INLET_STATUS_NAMES } from '../../../shared/export/thermalFigures';
import { useEditor } from '../../store/editor';
import { thermal, useThermal, type ThermalStatus } from '../../store/thermal';
import {
  aisleSlice,
  autoRunFor,
  COARSE_M,
  FINE_M,
  firstHallToRun,
  hallCells,
  inletsWorstFirst,
  rciVerdict,
  staleHalls,
  type IndexVerdict,
  rtiVerdict,
  runCells,
} from '../../store/thermalLogic';
import { num, pct } from '../format';
import { useUnits } from '../units';
import { FindingItem } from '../FindingItem';
import './thermal.css';

const PHASES: Record<ThermalPhase, string> = {
  grid: 'building the grid',
  flow: 'solving the airflow',
  temperature: 'solving the temperatures',
  results: 'reading the results',
};

const STATUS_CLASS: Record<InletStatus, string> = {
  ok: 'good',
  'over-recommended': 'warn',
  'over-allowable': 'bad',
  'under-recommended': 'warn',
  'not-air-cooled': 'muted',
};

const VERDICT_STATE: Record<IndexVerdict, 'good' | 'warn' | 'bad'> = { good: 'good', acceptable: 'warn', poor: 'bad' };

/** Rows of the inlet table drawn until "Show all" (a large site has thousands of racks). */
const ROWS_SHOWN = 50;

const metres = (m: number) => `${m.toFixed(2)} m`;

function statusLine(status: ThermalStatus, hallName: (id: string) => string): string | null {
  switch (status.kind) {
    case 'running': {
      // One hall per job: on a campus the line says which of the run's halls is under way.
      const where =
        status.hallCount > 1 ? ` hall ${status.hallIndex} of ${status.hallCount} (${hallName(status.hallId)}),` : '';
      return `${status.auto ? 'Coarse run' : 'Simulating'} at ${metres(status.resolutionM)}:${where} ${PHASES[status.phase]}, ${Math.round(status.fraction * 100)} %`;
    }
    case 'waiting':
      return 'A coarse run starts when the edits pause.';
    case 'cancelled':
      return `The run at ${metres(status.resolutionM)} was cancelled.`;
    case 'failed':
      return `The run at ${metres(status.resolutionM)} failed: ${status.error}`;
    case 'idle':
      return null;
  }
}

function RunControls() {
  const status = useThermal((s) => s.status);
  const autoChoice = useThermal((s) => s.autoChoice);
  const background = useThermal((s) => s.background);
  const doc = useEditor((s) => s.doc);
  const activeHallId = useEditor((s) => s.activeHallId);
  const halls = useEditor((s) => s.doc.halls);
  const hallName = (id: string) => halls.find((h) => h.id === id)?.name ?? id;
  const auto = autoRunFor(doc, autoChoice, activeHallId);
  const first = firstHallToRun(doc, activeHallId);
  const hallsWithRacks = new Set(doc.racks.map((r) => r.hallId)).size;
  const coarseCells = first ? hallCells(first, COARSE_M) : 0;
  const fineCells = runCells(doc, FINE_M);
  const line = statusLine(status, hallName);
  const running = status.kind === 'running';
  return (
    <div className="thermal-run">
      <div className="row-actions">
        <button
          onClick={() => thermal.simulate()}
          // A fine run in progress is not restarted by a second click; a coarse one gives way to it.
          disabled={doc.racks.length === 0 || (running && !status.auto)}
          title={`Fine grid, ${metres(FINE_M)} cells: ${fineCells.toLocaleString('en-US')} cells${hallsWithRacks > 1 ? `, the hall in view first` : ''}`}
          data-testid="thermal-simulate"
        >
          Simulate ({metres(FINE_M)})
        </button>
        {running ? (
          <button onClick={() => thermal.cancel()} data-testid="thermal-cancel">
            Cancel
          </button>
        ) : null}
      </div>
      {running ? (
        <progress
          aria-label="Thermal simulation progress"
          value={status.fraction}
          max={1}
          data-testid="thermal-progress"
        />
      ) : null}
      {line ? (
        <p className={status.kind === 'failed' ? 'notice error' : 'hint'} role="status" data-testid="thermal-status">
          {line}
        </p>
      ) : null}
      <label
        className="check"
        title={`A coarse run (${metres(COARSE_M)} cells, ${coarseCells.toLocaleString('en-US')} cells in ${first?.name ?? 'the hall'}) a moment after each edit, of the halls it changed`}
      >
        <input
          type="checkbox"
          checked={auto}
          onChange={(e) => thermal.setAutoChoice(e.target.checked)}
          data-testid="thermal-auto"
        />
        Coarse run after each edit
      </label>
      {hallsWithRacks > 1 ? (
        <label
          className="check"
          title="After the hall in view, run the other halls one per job in the background (up to two at once); off: only the hall in view"
        >
          <input
            type="checkbox"
            checked={background}
            onChange={(e) => thermal.setBackground(e.target.checked)}
            data-testid="thermal-background"
          />
          Other halls in the background
        </label>
      ) : null}
    </div>
  );
}

function Verdict({ children, state }: { children: React.ReactNode; state: 'good' | 'warn' | 'bad' }) {
  return <span className={`thermal-verdict ${state}`}>{children}</span>;
}

function HallSummary({ summary, stale }: { summary: HallThermalSummary; stale: boolean }) {
  const { fmt } = useUnits();
  const name = useEditor((s) => s.doc.halls.find((h) => h.id === summary.hallId)?.name ?? summary.hallId);
  const { rciHi, rciLo, rti } = summary.indices;
  const state = (v: number) => VERDICT_STATE[rciVerdict(v)];
  const imbalance = summary.heatAddedW > 0 ? (summary.heatAddedW - summary.heatRemovedW) / summary.heatAddedW : 0;
  return (
    <div className="room" data-testid={`thermal-hall-${summary.hallId}`}>
      <h4>
        {name}
        {stale ? (
          <span className="thermal-stale" title="This hall changed since its run">
            stale
          </span>
        ) : null}
      </h4>
      <dl className="facts">
        <dt title="Rack Cooling Index, high side: 100 % when no intake is above the recommended maximum (Herrlin; ≥ 96 % good, 91–95 % acceptable, ≤ 90 % poor)">
          RCI<sub>HI</sub>
        </dt>
        <dd data-testid={`thermal-rci-hi-${summary.hallId}`}>
          {pct(rciHi)} <Verdict state={state(rciHi)}>{rciVerdict(rciHi)}</Verdict>
        </dd>
        <dt title="Rack Cooling Index, low side: 100 % when no intake is below the recommended minimum">
          RCI<sub>LO</sub>
        </dt>
        <dd data-testid={`thermal-rci-lo-${summary.hallId}`}>
          {pct(rciLo)} <Verdict state={state(rciLo)}>{rciVerdict(rciLo)}</Verdict>
        </dd>
        <dt title="Return Temperature Index: (T_return − T_supply) / ΔT_equipment; 100 % balanced, below 95 % bypass, above 105 % recirculation">
          RTI
        </dt>
        <dd data-testid={`thermal-rti-${summary.hallId}`}>
          {rti === null ? (
            '— (no cooling units)'
          ) : (
            <>
              {pct(rti)} <Verdict state={rtiVerdict(rti) === 'balanced' ? 'good' : 'warn'}>{rtiVerdict(rti)}</Verdict>
            </>
          )}
        </dd>
        <dt title="Share of the racks' intake air that is their own or others' exhaust">Recirculation</dt>
        <dd>{pct(100 * summary.recirculation)}</dd>
        <dt title="Share of the supply air that returns to the units without passing a rack">Bypass</dt>
        <dd>{pct(100 * summary.bypass)}</dd>
        <dt title="Heat the racks put into the air, and heat the cooling units take out (ρ·cp·V̇·ΔT); the difference is the solver's energy-balance error">
          Heat added / removed
        </dt>
        <dd data-testid={`thermal-heat-${summary.hallId}`}>
          {fmt(summary.heatAddedW, 'cooling')} / {fmt(summary.heatRemovedW, 'cooling')}{' '}
          <span className="hint">({pct(100 * imbalance)} off)</span>
        </dd>
        <dt>Grid</dt>
        <dd>
          {summary.cells.toLocaleString('en-US')} cells ({summary.fluidCells.toLocaleString('en-US')} air),{' '}
          {summary.flowIterations.toLocaleString('en-US')} flow and{' '}
          {summary.temperatureIterations.toLocaleString('en-US')} temperature iterations, {num(summary.seconds, 1)} s
        </dd>
      </dl>
    </div>
  );
}

function Result() {
  const computed = useThermal((s) => s.computed);
  const doc = useEditor((s) => s.doc);
  const stale = useMemo(() => (computed ? staleHalls(computed.halls, doc) : new Set<string>()), [computed, doc]);
  if (!computed) return <p className="hint">No result yet: Simulate, or wait for the coarse run.</p>;
  const { result, finishedAt } = computed;
  const when = new Date(finishedAt).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const withRacks = new Set(doc.racks.map((r) => r.hallId)).size;
  return (
    <div data-testid="thermal-result">
      <p className="thermal-meta">
        <span data-testid="thermal-resolution">{metres(result.resolutionM)} cells</span> · {when} ·{' '}
        {num(result.seconds, 1)} s
        {result.halls.length < withRacks ? (
          <span data-testid="thermal-coverage">
            {' '}
            · {result.halls.length} of {withRacks} halls
          </span>
        ) : null}
        {stale.size > 0 ? (
          <span className="thermal-stale" data-testid="thermal-stale" title="The design changed since this run">
            stale{withRacks > 1 ? ` (${plural(stale.size, 'hall')})` : ''}
          </span>
        ) : null}
      </p>
      {result.halls.map((h) => (
        <HallSummary key={h.hallId} summary={h} stale={stale.has(h.hallId)} />
      ))}
    </div>
  );
}

function ViewControls() {
  const display = useThermal((s) => s.display);
  const hall = useEditor((s) => s.doc.halls.find((h) => h.id === s.activeHallId) ?? s.doc.halls[0]);
  const selectedRack = useEditor((s) => s.doc.racks.find((r) => s.selection.includes(r.id)) ?? null);
  const racks = useEditor((s) => s.doc.racks);
  const customDevices = useEditor((s) => s.doc.customDevices);
  const { fmt } = useUnits();
  if (!hall) return null;
  const set = thermal.setDisplay;
  const across = display.verticalAxis === 'x' ? hall.depth : hall.width;
  const position = Math.min(across, display.verticalPositionM ?? across / 2);
  const throughAisle = (side: 'front' | 'back') => {
    if (!selectedRack) return;
    const slice = aisleSlice(selectedRack, racks, catalogFor({ customDevices }), side);
    set({ vertical: true, verticalAxis: slice.axis, verticalPositionM: slice.positionM });
  };
  return (
    <div className="thermal-view settings" data-testid="thermal-view">
      <label className="check">
        <input type="checkbox" checked={display.inEditor} onChange={(e) => set({ inEditor: e.target.checked })} />
        Show in the 3D view
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={display.heatMap}
          onChange={(e) => set({ heatMap: e.target.checked })}
          data-testid="thermal-show-heat-map"
        />
        Heat map at {fmt(Math.min(display.sliceHeightM, hall.height), 'length')}
      </label>
      <input
        type="range"
        aria-label="Heat map height"
        min={0.1}
        max={hall.height}
        step={0.05}
        value={Math.min(display.sliceHeightM, hall.height)}
        onChange={(e) => set({ sliceHeightM: Number(e.target.value) })}
        data-testid="thermal-slice-height"
      />
      <label className="check">
        <input
          type="checkbox"
          checked={display.vertical}
          onChange={(e) => set({ vertical: e.target.checked })}
          data-testid="thermal-show-vertical"
        />
        Vertical slice along
        <select
          aria-label="Vertical slice axis"
          value={display.verticalAxis}
          onChange={(e) => set({ verticalAxis: e.target.value as 'x' | 'y', verticalPositionM: null })}
        >
          <option value="x">x, at y = {fmt(position, 'length')}</option>
          <option value="y">y, at x = {fmt(position, 'length')}</option>
        </select>
      </label>
      <input
        type="range"
        aria-label="Vertical slice position"
        min={0}
        max={across}
        step={0.05}
        value={position}
        onChange={(e) => set({ vertical: true, verticalPositionM: Number(e.target.value) })}
      />
      <div className="row-actions">
        <button
          disabled={!selectedRack}
          onClick={() => throughAisle('front')}
          title="A vertical slice along the selected rack's row, through the middle of the aisle its front faces"
        >
          Slice its intake aisle
        </button>
        <button
          disabled={!selectedRack}
          onClick={() => throughAisle('back')}
          title="A vertical slice along the selected rack's row, through the middle of the aisle behind it"
        >
          Slice its exhaust aisle
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={display.inlets} onChange={(e) => set({ inlets: e.target.checked })} />
        Intake faces coloured by inlet temperature
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={display.arrows}
          onChange={(e) => set({ arrows: e.target.checked })}
          data-testid="thermal-show-arrows"
        />
        Airflow arrows on the slices
      </label>
    </div>
  );
}

function Findings() {
  const findings = useThermal((s) => s.computed?.result.findings ?? null);
  const selection = useEditor((s) => s.selection);
  if (!findings) return null;
  if (findings.length === 0) return <p className="ok">No rack inlet outside its limits.</p>;
  return (
    <ul className="thermal-findings" data-testid="thermal-findings">
      {findings.map((f) => (
        <FindingItem key={f.key} finding={f} active={f.entities.some((id) => selection.includes(id))} />
      ))}
    </ul>
  );
}

function InletTable() {
  const racks = useThermal((s) => s.computed?.result.racks ?? null);
  const names = useEditor((s) => s.doc.racks);
  const selection = useEditor((s) => s.selection);
  const [all, setAll] = useState(false);
  const { system } = useUnits();
  const sorted = useMemo(() => (racks ? inletsWorstFirst(racks) : []), [racks]);
  const nameOf = useMemo(() => new Map(names.map((r) => [r.id, r.name])), [names]);
  if (!racks) return null;
  if (sorted.length === 0) return <p className="hint">No racks in the simulated halls.</p>;
  const shown = all ? sorted : sorted.slice(0, ROWS_SHOWN);
  // The unit goes in the headers, so the narrow sidebar keeps each figure on one line.
  const unit = unitOf('temperature', system);
  const t = (c: number, digits = 1) => unit.fromSi(c).toFixed(digits);
  return (
    <>
      <table className="verdicts thermal-inlets" data-testid="thermal-inlets">
        <caption>Temperatures in {unit.symbol}</caption>
        <thead>
          <tr>
            <th>Rack</th>
            <th title={`Mean over the intake face, ${unit.symbol}`}>Mean</th>
            <th title={`Hottest cell of the intake face, ${unit.symbol}`}>Max</th>
            <th title={`Mean exhaust, ${unit.symbol}`}>Out</th>
            <th title={`Recommended / allowable maximum of the rack's ASHRAE class, ${unit.symbol}`}>Limit</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r: RackInletResult) => (
            <tr
              key={r.rackId}
              className={`clickable${selection.includes(r.rackId) ? ' active' : ''}`}
              onClick={(e) => useEditor.getState().select([r.rackId], e.shiftKey ? 'toggle' : 'replace')}
              data-testid={`thermal-inlet-${r.rackId}`}
            >
              <td>{nameOf.get(r.rackId) ?? `${r.rackId} (removed)`}</td>
              {r.status === 'not-air-cooled' ? (
                <td colSpan={4} className="hint">
                  —
                </td>
              ) : (
                <Fragment>
                  <td>{t(r.inletMeanC)}</td>
                  <td>{t(r.inletMaxC)}</td>
                  <td>{t(r.outletC)}</td>
                  <td>
                    {t(r.recommendedMaxC, 0)}/{t(r.allowableMaxC, 0)}
                  </td>
                </Fragment>
              )}
              <td className={STATUS_CLASS[r.status]}>{INLET_STATUS_NAMES[r.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > ROWS_SHOWN ? (
        <button className="link" onClick={() => setAll(!all)}>
          {all ? `Show the worst ${ROWS_SHOWN}` : `Show all ${plural(sorted.length, 'rack')}`}
        </button>
      ) : null}
    </>
  );
}

export function ThermalPanel() {
  // Opening the view allows automatic coarse runs for the rest of the session (store/thermal.ts).
  useEffect(() => thermal.arm(), []);
  return (
    <section className="power thermal" aria-label="Thermal">
      <h2>Thermal simulation</h2>
      <RunControls />
      <Result />
      <h2>In the 3D view</h2>
      <ViewControls />
      <h2>Findings of the run</h2>
      <Findings />
      <h2>Rack inlets, worst first</h2>
      <InletTable />
    </section>
  );
}
