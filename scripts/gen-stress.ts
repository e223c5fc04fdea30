/**
 * Writes the stress campus of issue 10 (`npm run gen:stress -- --racks 10000 [--out FILE]`):
 * shared/testing/stressSite.ts, serialised as a project file, with its size and IT load.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runChecks, serializeProject } from '../shared/index';
import { buildStressSite } from '../shared/testing/stressSite';

const { values } = parseArgs({
  options: { racks: { type: 'string', default: '10000' }, out: { type: 'string' } },
});
const racks = Number(values.racks);
if (!Number.isInteger(racks) || racks < 1 || racks > 50_000) {
  console.error(`--racks must be a whole number from 1 to 50,000, not '${values.racks}'.`);
  process.exit(2);
}
const target = resolve(values.out ?? `stress-${racks}.hallwright`);
const doc = buildStressSite(racks);
const text = serializeProject(doc);
writeFileSync(target, text);
const { power, counts } = runChecks(doc);
console.log(
  `wrote ${target}: ${racks.toLocaleString('en-US')} racks in ${doc.halls.length} halls of ${doc.buildings.length} buildings, ` +
    `${(power.site.itW / 1e6).toFixed(1)} MW IT, ${(text.length / 1e6).toFixed(1)} MB; ` +
    `${counts.error} errors, ${counts.warning} warnings`,
);
