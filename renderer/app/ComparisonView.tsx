/**
 * Scenarios side by side: a table of every figure the engine computed for each (compute, power,
 * cooling needed, each check's verdict, capex and energy) and bar charts of the main ones, drawn
 * by Chart.js. Figures come from shared/scenarios/compare.ts; nothing is computed here.
 */
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Title, Tooltip } from 'chart.js';
import { useEffect, type ReactNode } from 'react';
import { Bar } from 'react-chartjs-2';
import { COOLING_TECHNOLOGY_NAMES, plural, type CheckVerdict, type ScenarioSummary } from '../../shared/index';
import { money, num } from './format';

ChartJS.register(CategoryScale, LinearScale, BarElement, Title, Tooltip, Legend);

const verdict = (v: CheckVerdict) =>
  v.errors === 0 && v.warnings === 0 ? '✓' : `${plural(v.errors, 'error')} · ${plural(v.warnings, 'warning')}`;

function rows(s: ScenarioSummary[]): [string, (x: ScenarioSummary) => ReactNode][] {
  const currency = s[0]?.currency ?? 'USD';
  return [
    ['Racks in use', (x) => x.racks],
    ['Devices', (x) => x.devices],
    ['GPUs', (x) => x.gpus],
    ['BF16 dense PFLOPS', (x) => num(x.bf16Pflops)],
    ['FP8 dense PFLOPS', (x) => num(x.fp8Pflops)],
    ['Hashrate, PH/s', (x) => num(x.hashratePhs, 2)],
    ['IT load, MW', (x) => num(x.itMw, 3)],
    ['Facility load, MW', (x) => num(x.facilityMw, 3)],
    ['PUE', (x) => (x.pue === null ? '—' : num(x.pue, 3))],
    ['Cooling needed', (x) => x.coolingTechnologies.map((t) => COOLING_TECHNOLOGY_NAMES[t]).join(', ') || '—'],
    ['Power checks', (x) => verdict(x.verdicts.power)],
    ['Cooling checks', (x) => verdict(x.verdicts.cooling)],
    ['Security checks', (x) => verdict(x.verdicts.security)],
    [
      `Capex (priced lines), ${currency}`,
      (x) => (
        <>
          {money(x.capex, x.currency)}
          {x.capexUnpricedLines > 0 ? (
            <span className="hint"> + {plural(x.capexUnpricedLines, 'line')} to quote</span>
          ) : null}
        </>
      ),
    ],
    ['Annual energy, MWh', (x) => num(x.annualEnergyMWh, 0)],
    ['Annual energy cost', (x) => money(x.annualEnergyCost, x.currency)],
    [
      'Capex per BF16 PFLOPS',
      (x) =>
        x.costPerPflops === null
          ? '— (price the IT equipment)'
          : `${x.capexUnpricedLines > 0 ? '≥ ' : ''}${money(x.costPerPflops, x.currency)}`,
    ],
    ['Indicative build cost (C&W 2025 mid)', (x) => money(x.buildCost.midUsd, 'USD')],
  ];
}

const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#b279a2'];

function BarChart(props: { title: string; labels: string[]; series: { label: string; data: number[] }[] }) {
  return (
    <div className="chart" data-testid={`chart-${props.title}`}>
      <Bar
        data={{
          labels: props.labels,
          datasets: props.series.map((s, i) => ({ ...s, backgroundColor: PALETTE[i % PALETTE.length] })),
        }}
        options={{
          // No animation: the chart is read, and a report snapshot must show the final bars.
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          plugins: { title: { display: true, text: props.title }, legend: { display: props.series.length > 1 } },
          scales: { y: { beginAtZero: true } },
        }}
      />
    </div>
  );
}

export function ComparisonView({ summaries, onClose }: { summaries: ScenarioSummary[]; onClose: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const labels = summaries.map((s) => s.name);
  const currency = summaries[0]?.currency ?? 'USD';
  return (
    <div className="modal-backdrop">
      <div
        className="modal comparison"
        role="dialog"
        aria-modal="true"
        aria-label="Scenario comparison"
        data-testid="comparison"
      >
        <header>
          <h2>Scenario comparison</h2>
          <button onClick={onClose} aria-label="Close the comparison">
            Close (Esc)
          </button>
        </header>
        <table className="compare-table" data-testid="comparison-table">
          <thead>
            <tr>
              <th />
              {summaries.map((s) => (
                <th key={s.id ?? 'drawn'}>{s.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows(summaries).map(([name, cell]) => (
              <tr key={name}>
                <th>{name}</th>
                {summaries.map((s) => (
                  <td key={s.id ?? 'drawn'}>{cell(s)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {summaries.some((s) => s.notes.length > 0) ? (
          <ul className="notes">
            {summaries.flatMap((s) => s.notes.map((n) => <li key={`${s.name}:${n}`}>{`${s.name}: ${n}`}</li>))}
          </ul>
        ) : null}
        <p className="hint">
          Capex counts the priced lines of each scenario&apos;s bill of materials (catalog prices are INDICATIVE; enter
          quotes in the BOM tab). The build cost is the Cushman &amp; Wakefield 2025 US mid cost per MW of IT load, for
          scale only.
        </p>
        <div className="charts">
          <BarChart
            title="Dense compute, PFLOPS"
            labels={labels}
            series={[
              { label: 'BF16', data: summaries.map((s) => s.bf16Pflops) },
              { label: 'FP8', data: summaries.map((s) => s.fp8Pflops) },
            ]}
          />
          <BarChart
            title="Load, MW"
            labels={labels}
            series={[
              { label: 'IT', data: summaries.map((s) => s.itMw) },
              { label: 'Facility', data: summaries.map((s) => s.facilityMw) },
            ]}
          />
          <BarChart
            title={`Capex (priced lines), ${currency}`}
            labels={labels}
            series={[{ label: 'Capex', data: summaries.map((s) => s.capex) }]}
          />
          <BarChart
            title={`Annual energy cost, ${currency}`}
            labels={labels}
            series={[{ label: 'Energy', data: summaries.map((s) => s.annualEnergyCost) }]}
          />
        </div>
      </div>
    </div>
  );
}
