/**
 * `hallwright simulate <file> [--resolution M] [--json]`: runs the 3D thermal simulation
 * (shared/thermal, docs/engine/thermal.md) and prints each hall's summary and indices, the
 * per-rack inlet table worst first, the cooling units' returns and the findings. Pure: the text
 * and the JSON are built from the result, so tests run them on documents built in memory.
 * The JSON leaves the fields (temperature and velocity per cell) out: they are for the app.
 */
import { thermalRciVerdict, type Finding, type ProjectDocument, type ThermalResult } from '../shared/index';
import type { JsonFinding } from './report';
import { formatNumber, table } from './table';

/** JSON has no NaN: numbers that are not finite become null. */
type Num = number | null;
const num = (value: number | null): Num => (value !== null && Number.isFinite(value) ? value : null);

export interface JsonSimulation {
  tool: { name: 'hallwright'; version: string };
  file: string;
  project: { id: string; name: string };
  resolutionM: number;
  seconds: number;
  summary: { errors: number; warnings: number; info: number };
  halls: {
    hallId: string;
    name: string;
    cells: number;
    fluidCells: number;
    flowIterations: number;
    temperatureIterations: number;
    seconds: number;
    heatAddedW: Num;
    heatRemovedW: Num;
    rciHiPct: Num;
    rciLoPct: Num;
    rtiPct: Num;
    recirculation: Num;
    bypass: Num;
    archimedes: Num;
  }[];
  /** Worst first: by the hottest intake cell. */
  racks: {
    rackId: string;
    name: string;
    hallId: string;
    inletMeanC: Num;
    inletMaxC: Num;
    outletC: Num;
    airHeatW: Num;
    airflowM3s: Num;
    recommendedMaxC: Num;
    allowableMaxC: Num;
    status: string;
  }[];
  returns: {
    unitId: string;
    name: string;
    hallId: string;
    supplyC: Num;
    returnC: Num;
    airflowM3s: Num;
    heatRemovedW: Num;
  }[];
  findings: JsonFinding[];
}

export interface SimulationInput {
  file: string;
  doc: ProjectDocument;
  result: ThermalResult;
  version: string;
}

const hottest = (v: number) => (Number.isFinite(v) ? v : -Infinity);
const byWorst = (result: ThermalResult) =>
  [...result.racks].sort((a, b) => hottest(b.inletMaxC) - hottest(a.inletMaxC) || a.rackId.localeCompare(b.rackId));

const counts = (findings: readonly Finding[]) => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
  info: findings.filter((f) => f.severity === 'info').length,
});

export function jsonSimulation({ file, doc, result, version }: SimulationInput): JsonSimulation {
  const rackName = new Map(doc.racks.map((r) => [r.id, r.name]));
  const unitName = new Map(doc.cooling.map((u) => [u.id, u.name]));
  const hallName = new Map(doc.halls.map((h) => [h.id, h.name]));
  return {
    tool: { name: 'hallwright', version },
    file,
    project: { id: doc.id, name: doc.name },
    resolutionM: result.resolutionM,
    seconds: result.seconds,
    summary: counts(result.findings),
    halls: result.halls.map((h) => ({
      hallId: h.hallId,
      name: hallName.get(h.hallId) ?? h.hallId,
      cells: h.cells,
      fluidCells: h.fluidCells,
      flowIterations: h.flowIterations,
      temperatureIterations: h.temperatureIterations,
      seconds: h.seconds,
      heatAddedW: num(h.heatAddedW),
      heatRemovedW: num(h.heatRemovedW),
      rciHiPct: num(h.indices.rciHi),
      rciLoPct: num(h.indices.rciLo),
      rtiPct: num(h.indices.rti),
      recirculation: num(h.recirculation),
      bypass: num(h.bypass),
      archimedes: num(h.archimedes),
    })),
    racks: byWorst(result).map((r) => ({
      rackId: r.rackId,
      name: rackName.get(r.rackId) ?? r.rackId,
      hallId: r.hallId,
      inletMeanC: num(r.inletMeanC),
      inletMaxC: num(r.inletMaxC),
      outletC: num(r.outletC),
      airHeatW: num(r.airHeatW),
      airflowM3s: num(r.airflowM3s),
      recommendedMaxC: num(r.recommendedMaxC),
      allowableMaxC: num(r.allowableMaxC),
      status: r.status,
    })),
    returns: result.returns.map((u) => ({
      unitId: u.unitId,
      name: unitName.get(u.unitId) ?? u.unitId,
      hallId: u.hallId,
      supplyC: num(u.supplyC),
      returnC: num(u.returnC),
      airflowM3s: num(u.airflowM3s),
      heatRemovedW: num(u.heatRemovedW),
    })),
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      entities: f.entities,
      values: Object.fromEntries(Object.entries(f.values).map(([k, v]) => [k, num(v)])),
      formula: f.formula,
      source: f.source,
    })),
  };
}

const c1 = (v: number) => (Number.isFinite(v) ? formatNumber(v, 1) : '—');
const kw = (w: number) => formatNumber(w / 1000, 1);
const pct = (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : `${formatNumber(v, 1)} %`);

export function textSimulation({ file, doc, result, version }: SimulationInput): string {
  const lines: string[] = [];
  const hallName = new Map(doc.halls.map((h) => [h.id, h.name]));
  const rackName = new Map(doc.racks.map((r) => [r.id, r.name]));
  const unitName = new Map(doc.cooling.map((u) => [u.id, u.name]));
  const n = counts(result.findings);
  lines.push(
    `hallwright ${version} simulate: ${file} (${doc.name})`,
    `Resolution ${result.resolutionM} m, ${formatNumber(result.seconds, 1)} s. ${n.errors} errors, ${n.warnings} warnings, ${n.info} info.`,
    '',
  );
  for (const h of result.halls) {
    const balance = h.heatAddedW > 0 ? ((h.heatRemovedW - h.heatAddedW) / h.heatAddedW) * 100 : 0;
    lines.push(
      `${hallName.get(h.hallId) ?? h.hallId}: ${formatNumber(h.cells, 0)} cells, ${h.flowIterations} airflow and ${h.temperatureIterations} temperature iterations, ${formatNumber(h.seconds, 1)} s`,
      `  Heat added ${kw(h.heatAddedW)} kW, removed ${kw(h.heatRemovedW)} kW (balance ${formatNumber(balance, 2)} %)`,
      `  RCI_HI ${pct(h.indices.rciHi)} (${thermalRciVerdict(h.indices.rciHi)}), RCI_LO ${pct(h.indices.rciLo)} (${thermalRciVerdict(h.indices.rciLo)}), RTI ${pct(h.indices.rti)}`,
      `  Recirculation ${pct(h.recirculation * 100)}, bypass ${pct(h.bypass * 100)}, Archimedes number ${h.archimedes === null ? '—' : formatNumber(h.archimedes, 2)}`,
      '',
    );
  }
  const racks = byWorst(result);
  if (racks.length > 0) {
    lines.push('Rack inlets, worst first (°C; limits recommended / allowable):');
    lines.push(
      ...table(
        [
          ['Rack', 'Hall', 'Inlet mean', 'Inlet max', 'Outlet', 'Air kW', 'Limits', 'Status'],
          ...racks.map((r) => [
            rackName.get(r.rackId) ?? r.rackId,
            hallName.get(r.hallId) ?? r.hallId,
            c1(r.inletMeanC),
            c1(r.inletMaxC),
            c1(r.outletC),
            kw(r.airHeatW),
            Number.isFinite(r.recommendedMaxC) ? `${c1(r.recommendedMaxC)} / ${c1(r.allowableMaxC)}` : '—',
            r.status,
          ]),
        ],
        ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
      ),
      '',
    );
  }
  if (result.returns.length > 0) {
    lines.push('Cooling units:');
    lines.push(
      ...table(
        [
          ['Unit', 'Hall', 'Supply °C', 'Return °C', 'm³/h', 'Removed kW'],
          ...result.returns.map((u) => [
            unitName.get(u.unitId) ?? u.unitId,
            hallName.get(u.hallId) ?? u.hallId,
            c1(u.supplyC),
            c1(u.returnC),
            formatNumber(u.airflowM3s * 3600, 0),
            kw(u.heatRemovedW),
          ]),
        ],
        ['left', 'left', 'right', 'right', 'right', 'right'],
      ),
      '',
    );
  }
  if (result.findings.length > 0) {
    lines.push('Findings:');
    for (const f of result.findings) lines.push(`  ${f.severity.toUpperCase()} ${f.rule}: ${f.message}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
