/**
 * The two reports of `hallwright check`, built from a parsed document and its check results: the
 * JSON report (a stable contract for pipelines, docs/cli.md) and the human-readable text. Pure:
 * no I/O, so tests run them on documents built in memory.
 */
import {
  LEVEL_NAMES,
  catalogFor,
  describeRoute,
  designCompute,
  indicativeBuildCost,
  plural,
  type CheckResults,
  type ComponentMetrics,
  type ConfigurationHeadroom,
  type Finding,
  type LevelSummary,
  type ProjectDocument,
  type SiteTotals,
} from '../shared/index';
import { formatNumber, table } from './table';

export interface ReportInput {
  /** The path as the user gave it. */
  file: string;
  doc: ProjectDocument;
  results: CheckResults;
  /** The tool's version (package.json). */
  version: string;
}

/** JSON has no Infinity or NaN: every number in the report is finite, or null where there is none. */
type Num = number | null;
const num = (value: number): Num => (Number.isFinite(value) ? value : null);

export interface JsonFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  entities: string[];
  values: Record<string, Num>;
  formula: string;
  source: string;
  /** The way in behind a security finding: zone, door, zone, … from "(outside)". */
  path?: string[];
}

export interface JsonSite {
  itW: Num;
  lossesW: Num;
  coolingW: Num;
  auxiliaryW: Num;
  facilityW: Num;
  pue: Num;
  dciePct: Num;
  annualEnergyMWh: Num;
  annualOverheadMWh: Num;
  annualCost: Num;
  tariffPerKwh: Num;
  /** The document's currency, for `annualCost` and `tariffPerKwh`. */
  currency: string;
}

export interface JsonLevel {
  level: LevelSummary['level'];
  declared: LevelSummary['declared'];
  achieved: LevelSummary['achieved'];
  components: number;
  tested: number;
  failures: { scenario: string; overloaded: string[]; lostRacks: string[] }[];
  interruptibleLost: number;
}

export interface JsonHeadroom {
  hallId: string;
  label: string;
  rackLoadW: Num;
  rackIds: string[];
  headroomW: Num;
  moreRacks: number;
  limitingId: string | null;
  limitingScenario: string | null;
}

export interface JsonComponent {
  level: ComponentMetrics['level'];
  live: boolean;
  loadW: Num;
  inputW: Num;
  usableW: Num;
  utilisationPct: Num;
  phaseA: [Num, Num, Num] | null;
  phaseLimitA: Num;
  worst: { loadW: Num; usableW: Num; utilisationPct: Num; scenario: string } | null;
  strandedW: Num;
}

export interface JsonPowerMetrics {
  itLoadW: Num;
  facilityLoadW: Num;
  site: JsonSite;
  levels: JsonLevel[];
  headroom: JsonHeadroom[];
  components: Record<string, JsonComponent>;
  racks: Record<string, { loadW: Num; redundancy: 'N' | '2N' | 'none' }>;
  rows: Record<string, Num>;
  halls: Record<string, Num>;
  scenariosEvaluated: number;
}

export interface JsonReport {
  tool: { name: 'hallwright'; version: string };
  file: string;
  formatVersion: number;
  project: { id: string; name: string };
  summary: { errors: number; warnings: number; info: number };
  findings: JsonFinding[];
  metrics: {
    power: JsonPowerMetrics;
    cooling: JsonCoolingMetrics;
    security: JsonSecurityMetrics;
    compute: JsonComputeMetrics;
  };
}

/** What the design computes (dense TFLOPS, catalog figures) and the indicative build cost of its IT load. */
export interface JsonComputeMetrics {
  gpus: number;
  bf16Tflops: Num;
  fp8Tflops: Num;
  hashrateThs: Num;
  bf16TflopsPerKw: Num;
  buildCostUsd: { low: Num; mid: Num; high: Num; aiLow: Num; aiHigh: Num };
}

export interface JsonSecurityMetrics {
  /** False while the document has no zones (nothing is then checked). */
  modelled: boolean;
  /** Per zone: its class and the fewest authenticated boundaries on any way in, with that way (null: unreachable). */
  zones: Record<string, { protectionClass: number; boundaries: number | null; route: string[] | null }>;
  /** Per rack: the zone it stands in (null: none) and the class it needs. */
  racks: Record<string, { zoneId: string | null; requiredClass: number }>;
  /** Per door: cameras drawn in the plan that see it, and whether one is declared. */
  doors: Record<string, { cameras: string[]; declared: boolean }>;
}

/** Per room: heat and airflow against capacity, installed and after the declared redundancy. */
export interface JsonRoomCooling {
  hallId: string;
  heatW: Num;
  capacityW: Num;
  availableW: Num;
  requiredM3s: Num;
  supplyM3s: Num;
  availableM3s: Num;
  supplyC: Num;
  rtiPct: Num;
}

export interface JsonCoolingMetrics {
  /** False while the document models no cooling equipment (cooling power is then the ratio estimate). */
  designed: boolean;
  redundancy: string;
  powerW: { fans: Num; pumps: Num; rejection: Num; total: Num };
  rooms: JsonRoomCooling[];
  /** Per rack: estimated inlet °C and margin to its allowable maximum, K. */
  inlets: Record<string, { inletC: Num; marginK: Num }>;
}

/** What `--json` prints when the file could not be checked. */
export interface JsonError {
  error: string;
  details: string[];
}

const finding = (f: Finding): JsonFinding => ({
  rule: f.rule,
  severity: f.severity,
  message: f.message,
  entities: [...f.entities],
  values: Object.fromEntries(Object.entries(f.values).map(([k, v]) => [k, num(v)])),
  formula: f.formula,
  source: f.source,
  ...(f.path ? { path: [...f.path] } : {}),
});

const site = (s: SiteTotals, { tariffPerKwh, currency }: ProjectDocument['settings']): JsonSite => ({
  itW: num(s.itW),
  lossesW: num(s.lossesW),
  coolingW: num(s.coolingW),
  auxiliaryW: num(s.auxiliaryW),
  facilityW: num(s.facilityW),
  pue: s.pue === null ? null : num(s.pue),
  dciePct: s.dciePct === null ? null : num(s.dciePct),
  annualEnergyMWh: num(s.annualEnergyMWh),
  annualOverheadMWh: num(s.annualOverheadMWh),
  annualCost: num(s.annualCost),
  tariffPerKwh: num(tariffPerKwh),
  currency,
});

const level = (l: LevelSummary): JsonLevel => ({
  level: l.level,
  declared: l.declared,
  achieved: l.achieved,
  components: l.components,
  tested: l.tested,
  failures: l.failures.map((f) => ({
    scenario: f.scenario,
    overloaded: [...f.overloaded],
    lostRacks: [...f.lostRacks],
  })),
  interruptibleLost: l.interruptibleLost,
});

const headroom = (h: ConfigurationHeadroom): JsonHeadroom => ({
  hallId: h.hallId,
  label: h.label,
  rackLoadW: num(h.rackLoadW),
  rackIds: [...h.rackIds],
  headroomW: num(h.headroomW),
  moreRacks: h.moreRacks,
  limitingId: h.limitingId,
  limitingScenario: h.limitingScenario,
});

const component = (c: ComponentMetrics): JsonComponent => ({
  level: c.level,
  live: c.live,
  loadW: num(c.loadW),
  inputW: num(c.inputW),
  usableW: num(c.usableW),
  utilisationPct: c.utilisationPct === null ? null : num(c.utilisationPct),
  phaseA: c.phaseA ? [num(c.phaseA[0]), num(c.phaseA[1]), num(c.phaseA[2])] : null,
  phaseLimitA: c.phaseLimitA === null ? null : num(c.phaseLimitA),
  worst: c.worst
    ? {
        loadW: num(c.worst.loadW),
        usableW: num(c.worst.usableW),
        utilisationPct: num(c.worst.utilisationPct),
        scenario: c.worst.scenario,
      }
    : null,
  strandedW: num(c.strandedW),
});

const loads = (map: ReadonlyMap<string, number>): Record<string, Num> =>
  Object.fromEntries([...map].map(([id, w]) => [id, num(w)]));

export function jsonReport({ file, doc, results, version }: ReportInput): JsonReport {
  const power = results.power;
  const rackIds = new Set([...power.rackLoadW.keys(), ...power.rackRedundancy.keys()]);
  return {
    tool: { name: 'hallwright', version },
    file,
    formatVersion: doc.formatVersion,
    project: { id: doc.id, name: doc.name },
    summary: { errors: results.counts.error, warnings: results.counts.warning, info: results.counts.info },
    // The engine's order (worst first, then by key): stable between runs, so reports diff cleanly.
    findings: results.findings.map(finding),
    metrics: {
      power: {
        itLoadW: num(power.itLoadW),
        facilityLoadW: num(power.facilityLoadW),
        site: site(power.site, doc.settings),
        levels: power.levels.map(level),
        headroom: power.headroom.map(headroom),
        components: Object.fromEntries([...power.components].map(([id, c]) => [id, component(c)])),
        racks: Object.fromEntries(
          [...rackIds].map((id) => [
            id,
            { loadW: num(power.rackLoadW.get(id) ?? 0), redundancy: power.rackRedundancy.get(id) ?? 'none' },
          ]),
        ),
        rows: loads(power.rowLoadW),
        halls: loads(power.hallLoadW),
        scenariosEvaluated: power.scenariosEvaluated,
      },
      cooling: coolingMetrics(doc, results),
      security: securityMetrics(doc, results),
      compute: computeMetrics(doc, results),
    },
  };
}

function computeMetrics(doc: ProjectDocument, results: CheckResults): JsonComputeMetrics {
  const c = designCompute(doc, catalogFor(doc));
  const cost = indicativeBuildCost(results.power.site.itW);
  return {
    gpus: c.gpus,
    bf16Tflops: num(c.bf16Tflops),
    fp8Tflops: num(c.fp8Tflops),
    hashrateThs: num(c.hashrateThs),
    bf16TflopsPerKw: c.bf16TflopsPerKw === null ? null : num(c.bf16TflopsPerKw),
    buildCostUsd: {
      low: num(cost.lowUsd),
      mid: num(cost.midUsd),
      high: num(cost.highUsd),
      aiLow: num(cost.aiLowUsd),
      aiHigh: num(cost.aiHighUsd),
    },
  };
}

function computeLines(doc: ProjectDocument, results: CheckResults): string[] {
  const c = designCompute(doc, catalogFor(doc));
  const cost = indicativeBuildCost(results.power.site.itW);
  const m = (usd: number) => formatNumber(usd / 1e6, 1);
  const rows: [string, string, string][] = [
    ['GPUs', formatNumber(c.gpus, 0), ''],
    ['BF16 dense', formatNumber(c.bf16Tflops / 1_000, 1), 'PFLOPS'],
    ['FP8 dense', formatNumber(c.fp8Tflops / 1_000, 1), 'PFLOPS'],
    ['BF16 per kW', orNA(c.bf16TflopsPerKw, 1), 'TFLOPS/kW'],
    ['Hashrate', formatNumber(c.hashrateThs / 1_000, 2), 'PH/s'],
    ['Build cost', `${m(cost.midUsd)} (${m(cost.lowUsd)}–${m(cost.highUsd)})`, 'M USD, indicative'],
  ];
  return ['Compute and indicative build cost (C&W 2025 per MW of IT load)', ...table(rows, ['left', 'right', 'left'])];
}

function securityMetrics(doc: ProjectDocument, results: CheckResults): JsonSecurityMetrics {
  const s = results.security;
  return {
    modelled: s.modelled,
    zones: Object.fromEntries(
      doc.zones.map((z) => {
        const r = s.routes.get(z.id);
        return [
          z.id,
          { protectionClass: z.protectionClass, boundaries: r?.cost ?? null, route: r ? [...r.steps] : null },
        ];
      }),
    ),
    racks: Object.fromEntries([...s.racks].map(([id, p]) => [id, { zoneId: p.zoneId, requiredClass: p.required }])),
    doors: Object.fromEntries(
      [...s.coverage].map(([id, c]) => [id, { cameras: [...c.cameras], declared: c.declared }]),
    ),
  };
}

function securityLines(doc: ProjectDocument, results: CheckResults): string[] {
  const s = results.security;
  if (!s.modelled) return ['Security: not modelled (no zones)'];
  const rows = [
    ['Zone', 'Class', 'Boundaries in', 'Weakest way in'],
    ...doc.zones.map((z) => {
      const r = s.routes.get(z.id);
      return [
        z.name,
        String(z.protectionClass),
        r ? String(r.cost) : 'n/a',
        r ? describeRoute(r.steps, doc, s.graph) : 'none modelled',
      ];
    }),
  ];
  return [
    `Security (class 4 needs ${doc.settings.security.minBoundariesClass4} boundaries; ${doc.doors.length} doors, ${doc.cameras.length} cameras)`,
    ...table(rows, ['left', 'right', 'right', 'left']),
  ];
}

function coolingMetrics(doc: ProjectDocument, results: CheckResults): JsonCoolingMetrics {
  const c = results.cooling;
  return {
    designed: c.designed,
    redundancy: doc.settings.cooling.redundancy,
    powerW: {
      fans: num(c.power.fansW),
      pumps: num(c.power.pumpsW),
      rejection: num(c.power.rejectionW),
      total: num(c.power.totalW),
    },
    rooms: c.rooms.map((r) => ({
      hallId: r.hallId,
      heatW: num(r.heat.totalW),
      capacityW: num(r.capacity.installed),
      availableW: num(r.capacity.available),
      requiredM3s: num(r.airflow.requiredM3s),
      supplyM3s: num(r.airflow.supply.installed),
      availableM3s: num(r.airflow.supply.available),
      supplyC: r.supplyC === null ? null : num(r.supplyC),
      rtiPct: r.rtiPct === null ? null : num(r.rtiPct),
    })),
    inlets: Object.fromEntries(
      [...c.inlets].map(([id, i]) => [
        id,
        { inletC: num(i.inletC), marginK: i.marginK === null ? null : num(i.marginK) },
      ]),
    ),
  };
}

function coolingLines(doc: ProjectDocument, results: CheckResults): string[] {
  const c = results.cooling;
  if (!c.designed) return ['Cooling: not modelled (cooling power estimated from the cooling ratio)'];
  const m3h = (m3s: number) => formatNumber(m3s * 3600, 0);
  const rows = [
    [
      'Hall',
      'Heat kW',
      'Capacity kW',
      `${doc.settings.cooling.redundancy} kW`,
      'Need m³/h',
      'Supply m³/h',
      `${doc.settings.cooling.redundancy} m³/h`,
      'RTI %',
    ],
    ...c.rooms.map((r) => [
      r.hallId,
      kW(r.heat.totalW),
      kW(r.capacity.installed),
      kW(r.capacity.available),
      m3h(r.airflow.requiredM3s),
      m3h(r.airflow.supply.installed),
      m3h(r.airflow.supply.available),
      orNA(r.rtiPct, 1),
    ]),
  ];
  return [
    `Cooling (fans ${kW(c.power.fansW)} kW, pumps ${kW(c.power.pumpsW)} kW, heat rejection ${kW(c.power.rejectionW)} kW)`,
    ...table(rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']),
  ];
}

export function summaryLine(counts: CheckResults['counts']): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
}

function findingLines(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ['Findings: none'];
  const lines = ['Findings'];
  for (const f of findings) {
    lines.push(`  ${f.severity.padEnd(7)}  ${f.rule}  ${f.message}`);
    if (f.entities.length > 0) lines.push(`           entities: ${f.entities.join(', ')}`);
  }
  return lines;
}

const kW = (w: number) => formatNumber(w / 1000, 1);
const orNA = (value: number | null, digits: number) => (value === null ? 'n/a' : formatNumber(value, digits));

function siteLines(doc: ProjectDocument, s: SiteTotals): string[] {
  const rows: [string, string, string][] = [
    ['IT load', kW(s.itW), 'kW'],
    ['Losses', kW(s.lossesW), 'kW'],
    ['Cooling', kW(s.coolingW), 'kW'],
    ['Auxiliary', kW(s.auxiliaryW), 'kW'],
    ['Facility', kW(s.facilityW), 'kW'],
    ['PUE', orNA(s.pue, 2), ''],
    ['DCiE', orNA(s.dciePct, 1), '%'],
    ['Annual energy', formatNumber(s.annualEnergyMWh, 1), 'MWh'],
    ['Annual cost', formatNumber(s.annualCost, 0), doc.settings.currency],
  ];
  return [`Site (${doc.settings.loadBasis} load basis)`, ...table(rows, ['left', 'right', 'left'])];
}

function redundancyLines(levels: readonly LevelSummary[]): string[] {
  if (levels.length === 0) return ['Redundancy: no levels to prove'];
  const rows = [
    ['Level', 'Declared', 'Achieved', 'Failures'],
    ...levels.map((l) => [LEVEL_NAMES[l.level], l.declared, l.achieved ?? 'none', String(l.failures.length)]),
  ];
  const lines = ['Redundancy', ...table(rows, ['left', 'left', 'left', 'right'])];
  // The table says how many; the failing scenarios say what to fix.
  for (const l of levels)
    for (const f of l.failures) {
      const what = [
        f.overloaded.length > 0 ? `overloads ${f.overloaded.join(', ')}` : '',
        f.lostRacks.length > 0 ? `darkens ${plural(f.lostRacks.length, 'rack')}` : '',
      ].filter(Boolean);
      lines.push(`  ${LEVEL_NAMES[l.level]} ${l.declared} not met on ${f.scenario}: ${what.join(', ') || 'fails'}`);
    }
  return lines;
}

function headroomLines(headroom: readonly ConfigurationHeadroom[]): string[] {
  if (headroom.length === 0) return ['Headroom: no loaded rack configurations'];
  const rows = [
    ['Hall', 'Configuration', 'More racks', 'Limited by', 'Scenario'],
    ...headroom.map((h) => [
      h.hallId,
      h.label,
      String(h.moreRacks),
      h.limitingId ?? 'nothing upstream',
      h.limitingScenario ?? '',
    ]),
  ];
  return ['Headroom per rack configuration', ...table(rows, ['left', 'left', 'right', 'left', 'left'])];
}

export function textReport({ file, doc, results }: ReportInput): string {
  const power = results.power;
  const sections = [
    [
      `File:     ${file}`,
      `Project:  ${doc.name} (${doc.id}, format ${doc.formatVersion})`,
      `Summary:  ${summaryLine(results.counts)}`,
    ],
    findingLines(results.findings),
    siteLines(doc, power.site),
    redundancyLines(power.levels),
    headroomLines(power.headroom),
    coolingLines(doc, results),
    securityLines(doc, results),
    computeLines(doc, results),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
