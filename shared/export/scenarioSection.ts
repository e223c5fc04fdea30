/**
 * The design report's scenario comparison: a table with one column per scenario (the design as
 * drawn among them), then bar charts of the figures people compare first. The charts are drawn
 * from the same ScenarioSummary figures the table prints and the app charts.
 */
import { COOLING_TECHNOLOGY_NAMES } from '../scenarios/coolingNeeded';
import type { CheckVerdict, ScenarioSummary } from '../scenarios/types';
import { plural } from '../text';
import { drawBarChart } from './barChart';
import { formatCompact, formatNumber } from './format';
import { COLOURS, type Column, type Layout, type TableRow } from './pdfLayout';

/** Scenarios per table: more would make columns too narrow to read, so wider comparisons repeat the table. */
const PER_TABLE = 4;
const FIGURE_SHARE = 0.28;

/** Why there is no cost per PFLOPS: nothing computes, or a compute device has no price (the ratio would flatter). */
const noCostPerPflops = (s: ScenarioSummary) => (s.gpus === 0 ? 'n/a (no GPUs)' : 'n/a (IT unpriced)');
const verdict = (v: CheckVerdict) => `${v.errors} · ${v.warnings}`;
const money = (value: number, currency: string) => `${currency} ${formatCompact(value)}`;

/** Each row: its label and how to print it for one scenario. */
const ROWS: [string, (s: ScenarioSummary) => string][] = [
  ['Racks holding devices', (s) => formatNumber(s.racks, 0)],
  ['Devices', (s) => formatNumber(s.devices, 0)],
  ['GPUs', (s) => formatNumber(s.gpus, 0)],
  ['BF16 dense PFLOPS', (s) => formatNumber(s.bf16Pflops, 1)],
  ['FP8 dense PFLOPS', (s) => formatNumber(s.fp8Pflops, 1)],
  ['Hashrate PH/s', (s) => formatNumber(s.hashratePhs, 2)],
  ['IT load MW', (s) => formatNumber(s.itMw, 3)],
  ['Facility load MW', (s) => formatNumber(s.facilityMw, 3)],
  ['PUE', (s) => (s.pue === null ? 'n/a' : formatNumber(s.pue, 2))],
  ['Cooling', (s) => s.coolingTechnologies.map((t) => COOLING_TECHNOLOGY_NAMES[t]).join(', ') || 'none needed'],
  ['Power errors · warnings', (s) => verdict(s.verdicts.power)],
  ['Cooling errors · warnings', (s) => verdict(s.verdicts.cooling)],
  ['Security errors · warnings', (s) => verdict(s.verdicts.security)],
  [
    'Capex (priced lines)',
    (s) =>
      s.capexUnpricedLines > 0
        ? `${money(s.capex, s.currency)}\n${plural(s.capexUnpricedLines, 'line')} unpriced`
        : money(s.capex, s.currency),
  ],
  ['Annual energy MWh', (s) => formatNumber(s.annualEnergyMWh, 0)],
  ['Annual energy cost', (s) => money(s.annualEnergyCost, s.currency)],
  [
    'Capex per BF16 PFLOPS',
    (s) => (s.costPerPflops === null ? noCostPerPflops(s) : money(s.costPerPflops, s.currency)),
  ],
];

function comparisonTable(layout: Layout, scenarios: readonly ScenarioSummary[]): void {
  const share = (1 - FIGURE_SHARE) / scenarios.length;
  const columns: Column[] = [
    { header: 'Figure', share: FIGURE_SHARE },
    ...scenarios.map((s) => ({ header: s.name, share, align: 'right' as const })),
  ];
  const rows: TableRow[] = ROWS.map(([label, print]) => ({ cells: [label, ...scenarios.map(print)] }));
  layout.table(columns, rows, 7.5);
}

function notes(layout: Layout, scenarios: readonly ScenarioSummary[]): void {
  for (const s of scenarios)
    for (const note of s.notes) layout.text(`${s.name}: ${note}`, { size: 7.5, color: COLOURS.warning });
}

function charts(layout: Layout, scenarios: readonly ScenarioSummary[]): void {
  const currency = scenarios[0]?.currency ?? '';
  const bars = (value: (s: ScenarioSummary) => number, text: (v: number) => string) =>
    scenarios.map((s) => ({ label: s.name, value: value(s), text: text(value(s)) }));
  layout.heading('Charts', 2, 80);
  drawBarChart(
    layout,
    'BF16 dense PFLOPS',
    bars(
      (s) => s.bf16Pflops,
      (v) => formatNumber(v, 1),
    ),
  );
  drawBarChart(
    layout,
    'IT load, MW',
    bars(
      (s) => s.itMw,
      (v) => formatNumber(v, 3),
    ),
  );
  drawBarChart(
    layout,
    `Capex of the priced lines, ${currency}`,
    bars(
      (s) => s.capex,
      (v) => formatCompact(v),
    ),
  );
  drawBarChart(
    layout,
    `Annual energy cost, ${currency}`,
    bars(
      (s) => s.annualEnergyCost,
      (v) => formatCompact(v),
    ),
  );
}

export function drawScenarios(layout: Layout, scenarios: readonly ScenarioSummary[]): void {
  layout.newPage();
  layout.heading('Scenario comparison', 1);
  if (scenarios.length === 0) {
    layout.text('No scenario was compared.', { size: 9, color: COLOURS.muted });
    return;
  }
  layout.text(
    'Each scenario is applied to the design and checked like it. Capex is the priced new-build lines of its bill of materials: a lower bound while lines are unpriced. Throughput is dense (never sparse) tensor PFLOPS.',
    { size: 8, color: COLOURS.muted },
  );
  layout.space(4);
  for (let first = 0; first < scenarios.length; first += PER_TABLE)
    comparisonTable(layout, scenarios.slice(first, first + PER_TABLE));
  notes(layout, scenarios);
  charts(layout, scenarios);
}
