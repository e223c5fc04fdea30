import { runChecks } from './shared';
import { buildLargeSite } from './shared/testing/largeSite';
for (const n of [100, 1000, 3000, 10000]) {
  const doc = buildLargeSite(n);
  const t = performance.now();
  const r = runChecks(doc);
  console.log(n, doc.power.length, r.power.scenariosEvaluated, (performance.now() - t).toFixed(0), 'ms', r.counts, r.findings.filter(f=>f.severity!=='info').slice(0,2).map(f=>f.message));
}
