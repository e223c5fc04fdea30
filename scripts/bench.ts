/**
 * `npm run bench:engine` (the first half of `npm run bench`, which then times frames in Chromium:
 * bench-frames.ts): times the engine on the sample and on synthetic sites, and prints a table.
 * Speed is measured here, never asserted in unit tests (machines differ). Each case runs once
 * untimed (V8 compiles the hot code on the first run: the campus's first full check takes about
 * twice the next ones), then until it has `MIN_RUNS` samples (at least 3 when that takes over
 * `MAX_MS`) and `MIN_MS` of wall time; the table shows the median.
 */
import {
  buildBom,
  buildSampleFacility,
  catalogFor,
  createProjectSerializer,
  compareScenarios,
  fillToCapacity,
  parseProject,
  runChecks,
  serializeProject,
  simulateFailure,
  simulateThermal,
  type ProjectDocument,
  type ThermalPhase,
} from '../shared/index';
import { freeze, produce } from 'immer';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCoolingChecks } from '../shared/checks/cooling';
import { runSecurityChecks } from '../shared/checks/security';
import { buildLargeSite } from '../shared/testing/largeSite';
import { buildThermalHall } from '../shared/testing/thermalHall';
import { buildStressSite } from '../shared/testing/stressSite';
import { bomToXlsx } from '../shared/export/xlsx';
import { atomicWriteFile } from '../electron/main/atomicWrite';
import { FIRST_EDITS, time, timeAsync, timeEach, timeSession } from './benchTiming';
import { alternating, editedVersions, workerAlternating } from './benchEdits';
import { keptByCheck } from './benchMemory';

const rows: { case: string; racks: number; components: number; detail: string; medianMs: number; runs: number }[] = [];
const sites = [
  { name: 'sample', doc: buildSampleFacility() },
  ...[100, 1_000, 10_000].map((n) => ({ name: `synthetic ${n}`, doc: buildLargeSite(n) })),
];
for (const { name, doc } of sites) {
  const checks = runChecks(doc);
  const base = { racks: doc.racks.length, components: doc.power.length };
  rows.push({
    case: `runChecks: ${name}`,
    ...base,
    detail: `${checks.power.scenariosEvaluated} scenarios, ${checks.findings.length} findings`,
    ...time(() => runChecks(doc)),
  });
  const catalog = catalogFor(doc);
  rows.push({
    case: `cooling checks: ${name}`,
    ...base,
    detail: `${doc.cooling.length} cooling units, ${checks.cooling.rooms.length} rooms`,
    ...time(() => runCoolingChecks(doc, catalog, new Map())),
  });
  rows.push({
    case: `security checks: ${name}`,
    ...base,
    detail: `${doc.zones.length} zones, ${doc.doors.length} doors, ${doc.cameras.length} cameras`,
    ...time(() => runSecurityChecks(doc, catalog)),
  });
  const first = doc.power.find((p) => p.kind === 'ups')!.id;
  rows.push({
    case: `simulateFailure: ${name}`,
    ...base,
    detail: `loss of ${first}`,
    ...time(() => simulateFailure(doc, catalogFor(doc), [first])),
  });
  rows.push({
    case: `buildBom: ${name}`,
    ...base,
    detail: `${buildBom(doc).lines.length} lines`,
    ...time(() => buildBom(doc)),
  });
  // A comparison of the design with one scenario refitting every GPU rack: two full check runs and bills.
  const refit = {
    ...doc,
    scenarios: [
      {
        id: 'bench',
        name: 'bench',
        rules: [
          {
            id: 'r',
            scope: { kind: 'all' as const },
            match: 'gpu' as const,
            action: {
              kind: 'replace' as const,
              config: { rackTypeId: null, devices: [{ catalogId: 'nvidia-dgx-b200', count: 4 }] },
            },
          },
        ],
      },
    ],
  };
  rows.push({
    case: `compareScenarios: ${name}`,
    ...base,
    detail: 'design + 1 scenario',
    ...time(() => compareScenarios(refit, [null, 'bench'])),
  });
  const row = doc.rows[0];
  if (row && doc.racks.length <= 1_000) {
    const fill = fillToCapacity(doc, [row.id], {
      rackTypeId: null,
      devices: [{ catalogId: 'nvidia-dgx-h100', count: 2 }],
    });
    rows.push({
      case: `fillToCapacity: ${name}`,
      ...base,
      detail: `${fill.filled} of ${fill.slots} slots, stopped by ${fill.limit}`,
      ...time(() =>
        fillToCapacity(doc, [row.id], { rackTypeId: null, devices: [{ catalogId: 'nvidia-dgx-h100', count: 2 }] }),
      ),
    });
  }
  const text = serializeProject(doc);
  rows.push({
    case: `parseProject: ${name}`,
    ...base,
    detail: `${(text.length / 1e6).toFixed(1)} MB`,
    ...time(() => parseProject(text)),
  });
}

// The 3D thermal simulation (docs/engine/thermal.md): cells, iterations and where the time goes,
// on the sample hall and on one 1,000-rack hall (shared/testing/thermalHall.ts); 0.24 m puts that
// hall at 1.01 M cells, the "1 M cells in 5 s" case.
const thermalCases = [
  { name: 'sample', doc: buildSampleFacility(), resolutions: [0.5, 0.25] },
  { name: '1,000-rack hall', doc: buildThermalHall(1_000), resolutions: [0.5, 0.25, 0.24] },
];
for (const { name, doc, resolutions } of thermalCases)
  for (const resolutionM of resolutions) {
    // The split of the fastest run, so it adds up to about the best time rather than to a run slowed by a collection.
    let detail = '';
    let best = Infinity;
    const timing = time(() => {
      const started = performance.now();
      const phases = new Map<ThermalPhase, number>();
      let phase: ThermalPhase | null = null;
      let since = performance.now();
      const run = simulateThermal(doc, { resolutionM }, (p) => {
        const now = performance.now();
        if (phase !== null) phases.set(phase, (phases.get(phase) ?? 0) + now - since);
        phase = p.phase;
        since = now;
      });
      if (!run.ok) throw new Error(run.error);
      const cells = run.result.halls.reduce((s, h) => s + h.cells, 0);
      const flowIt = run.result.halls.map((h) => h.flowIterations).join('+');
      const tempIt = run.result.halls.map((h) => h.temperatureIterations).join('+');
      const split = [...phases].map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(', ');
      const elapsed = performance.now() - started;
      if (elapsed < best) {
        best = elapsed;
        detail = `${resolutionM} m: ${(cells / 1e6).toFixed(2)} M cells, ${flowIt} flow + ${tempIt} temperature iterations; s: ${split}`;
      }
    });
    rows.push({
      case: `simulateThermal: ${name}`,
      racks: doc.racks.length,
      components: doc.power.length,
      detail,
      ...timing,
    });
  }

console.table(
  rows.map((r) => ({
    case: r.case,
    racks: r.racks,
    components: r.components,
    detail: r.detail,
    'median ms': Number(r.medianMs.toFixed(2)),
    runs: r.runs,
  })),
);

// Issue 10's figures (docs/performance.md): the sample and the 10,000-rack stress campus, each
// against its target on the stress site. Edit → findings is a rack moved 0.6 m and the findings
// recomputed; the thermal coarse run is timed once on the campus (tens of seconds, all halls).
const dir = mkdtempSync(join(tmpdir(), 'hallwright-bench-'));
const targets: Record<string, string> = {
  open: '≤ 500 ms',
  'save, first': '≤ 200 ms',
  'save, after an edit': '≤ 200 ms',
  'full check': '≤ 50 ms',
  'edit → findings': '≤ 2 ms',
  'edit → findings (power)': '≤ 2 ms',
  'edit → loads patch (worker)': '—',
  'BOM XLSX': '≤ 1,000 ms',
  'thermal coarse (0.5 m)': '—',
};
const scale: Record<string, string | number>[] = [];
/** A difference of two heap readings: under half a megabyte it is the readings' own noise. */
const megabytes = (mb: number) => (mb < 0.5 ? 'under 0.5 MB' : `${mb.toFixed(1)} MB`);
/**
 * An edit's two rows (benchTiming.ts `timeSession`): an editing session's steady state, and the
 * first edits after opening, while V8 still compiles the edit's code.
 */
const session = (
  what: string,
  run: () => void,
  detail: string,
): [string, { medianMs: number; runs: number }, string][] => {
  const t = timeSession(run);
  return [
    [what, t, `${detail}; after the first ${FIRST_EDITS} edits`],
    [
      `${what}, first edits`,
      { medianMs: t.firstMedianMs, runs: t.firstRuns },
      `the first ${t.firstRuns} edits after opening (the first ${t.firstMs.toFixed(0)} ms)`,
    ],
  ];
};
for (const { name, doc } of [
  { name: 'sample', doc: buildSampleFacility() },
  { name: 'stress 10,000', doc: buildStressSite(10_000) },
]) {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.hallwright`);
  const text = serializeProject(doc);
  atomicWriteFile(file, text, { keepBackup: true });
  const { middle, moved, reloaded } = editedVersions(doc);
  /**
   * Saves as the editor makes them (renderer/app/projectText.ts): its documents are immer's, deeply
   * frozen, and each save serialises one edited since the last (a device taken out, and back).
   */
  const savingEdits = (of: ProjectDocument, to: string) => {
    const before = freeze(structuredClone(of), true);
    const after = produce(before, (d) => void d.racks[middle]!.devices.pop());
    const projectText = createProjectSerializer();
    projectText(before);
    let flip = false;
    return () => {
      flip = !flip;
      atomicWriteFile(to, projectText(flip ? after : before), { keepBackup: true });
    };
  };
  const kept = keptByCheck(doc);
  const bom = buildBom(doc);
  const meta = { projectName: doc.name, scenarioName: null, generatedAt: new Date().toISOString() };
  const measured: [string, { medianMs: number; runs: number }, string][] = [
    [
      'open',
      time(() => parseProject(readFileSync(file, 'utf8'))),
      `${(text.length / 1e6).toFixed(1)} MB read and validated`,
    ],
    [
      'save, first',
      time(() => atomicWriteFile(file, serializeProject(doc), { keepBackup: true })),
      'serialise (nothing kept: a document not yet edited), temp file, fsync, rename, .bak kept',
    ],
    [
      'save, after an edit',
      time(savingEdits(doc, file)),
      'the editor’s serializer keeping each unchanged entry’s text (one device taken out, and back), then as above',
    ],
    [
      'full check',
      timeEach(
        () => structuredClone(doc),
        (fresh) => runChecks(fresh),
      ),
      `${runChecks(doc).findings.length} findings; a fresh copy of the document each run (as just opened); an editor's checker keeps ${megabytes(kept.heapMB)} of heap and ${megabytes(kept.typedMB)} of typed arrays after it`,
    ],
    ...session(
      'edit → findings',
      alternating(doc, moved),
      'one rack moved 0.6 m (and back): its hall re-checked, loads and zoning reused',
    ),
    ...session(
      'edit → findings (power)',
      alternating(doc, reloaded),
      'one device taken out of a rack (and back): loads re-run, halls and zoning reused',
    ),
    ...session(
      'edit → loads patch (worker)',
      workerAlternating(doc, reloaded),
      'the same edit in the loads worker: document patch in, loads checked, result patch out',
    ),
    ['BOM XLSX', await timeAsync(() => bomToXlsx(bom, meta)), `${bom.lines.length} lines`],
  ];
  const t = performance.now();
  const thermal = simulateThermal(doc, { resolutionM: 0.5 });
  const thermalMs = performance.now() - t;
  const cells = thermal.ok ? thermal.result.halls.reduce((sum, h) => sum + h.cells, 0) : 0;
  measured.push([
    'thermal coarse (0.5 m)',
    { medianMs: thermalMs, runs: 1 },
    thermal.ok ? `${(cells / 1e6).toFixed(2)} M cells in ${thermal.result.halls.length} halls` : thermal.error,
  ]);
  for (const [what, timing, detail] of measured)
    scale.push({
      site: name,
      what,
      'median ms': Number(timing.medianMs.toFixed(1)),
      runs: timing.runs,
      'target (stress)': targets[what] ?? '',
      detail,
    });
}
// A bad big file is refused fast: 150,000 racks that are `{}` hold 2,250,000 problems; checking
// stops after parse.ts's MAX_COLLECTED_ISSUES (1,000). It took about 10 s while zod listed them all.
const invalidRacks = serializeProject(buildSampleFacility()).replace(
  '"racks": [',
  `"racks": [${Array(150_000).fill('{}').join(',')},`,
);
const refused = parseProject(invalidRacks);
const refusing = time(() => parseProject(invalidRacks));
scale.push({
  site: 'sample + 150,000 {}',
  what: 'refuse 150k invalid racks',
  'median ms': Number(refusing.medianMs.toFixed(1)),
  runs: refusing.runs,
  'target (stress)': '< 2,000 ms',
  detail: refused.ok ? 'accepted (wrong)' : refused.error,
});
rmSync(dir, { recursive: true, force: true });
console.log('Issue 10 figures (draw calls, frame times and heap follow: npm run bench:frames):');
console.table(scale);
