/** Writes the built-in sample facility to assets/sample-facility.hallwright (`npm run gen:sample`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSampleFacility, serializeProject } from '../shared/index';

const target = fileURLToPath(new URL('../assets/sample-facility.hallwright', import.meta.url));
writeFileSync(target, serializeProject(buildSampleFacility()));
console.log(`wrote ${target}`);
