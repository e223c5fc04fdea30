/**
 * Refusing big bad files (issue 10): checking stops after MAX_COLLECTED_ISSUES problems and says
 * so, files with more objects or values than any project holds are refused before JSON.parse, and
 * the early-stopping validation lists the same problems as zod's full parse, in the same order.
 * Messages are asserted here; the time each case takes is in scripts/bench.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../sample/sampleFacility';
import {
  MAX_COLLECTED_ISSUES,
  MAX_CONTAINERS,
  MAX_VALUES,
  parseProject,
  scanStructure,
  serializeProject,
  type ParseResult,
} from './parse';
import { projectSchema } from './schema';
import { validateProject } from './schemaIssues';

const SAMPLE_TEXT = serializeProject(buildSampleFacility());
const sampleJson = () => JSON.parse(SAMPLE_TEXT) as Record<string, unknown>;
const prepend = (key: string, items: string) => SAMPLE_TEXT.replace(`"${key}": [`, `"${key}": [${items},`);
const many = (key: string, n: number, item: string) => prepend(key, Array(n).fill(item).join(','));

function refused(result: ParseResult): { error: string; details: string[] } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  return result;
}

describe('a file with very many invalid entries', () => {
  it('150,000 empty racks: the first dozen problems, then how many more and where checking stopped', () => {
    const racks = (JSON.parse(SAMPLE_TEXT) as { racks: unknown[] }).racks.length;
    const { error, details } = refused(parseProject(many('racks', 150_000, '{}')));
    expect(error).toBe('The project file has at least 1,000 problems; checking stopped there.');
    expect(details).toHaveLength(13);
    // A rack has 15 required fields (rackSchema), listed in schema order for racks[0] first.
    expect(details[0]).toBe('racks[0].id: Invalid input: expected string, received undefined');
    expect(details[1]).toBe('racks[0].name: Invalid input: expected string, received undefined');
    expect(details[11]).toMatch(/^racks\[0\]\.\w+: Invalid input/);
    // 1,000 problems at 15 a rack end in the 67th rack: racks[66].
    expect(details[12]).toBe(
      `… and at least 988 more (checking stopped at racks[66] of ${(150_000 + racks).toLocaleString('en-US')})`,
    );
  });

  it('a scenario rule naming 200,000 ids that are not strings is refused, not thrown on', () => {
    // Before issue 10, zod threw "Maximum call stack size exceeded" spreading 200,000 issues at once.
    const rule = `{"id":"r","scope":{"kind":"racks","ids":[${Array(199_999).fill(1).join(',')}]},"match":"any","action":{"kind":"keep"}}`;
    const { error, details } = refused(parseProject(prepend('scenarios', `{"id":"s","name":"S","rules":[${rule}]}`)));
    expect(error).toMatch(/at least 1,000 problems/);
    expect(details[0]).toBe('scenarios[0].rules[0].scope.ids[0]: Invalid input: expected string, received number');
    expect(details.at(-1)).toMatch(/checking stopped at scenarios\[0\]/);
  });

  it('a few problems are all counted and listed exactly as before', () => {
    const doc = sampleJson() as { racks: { name: unknown }[]; settings: { gridM: unknown } };
    doc.racks[5]!.name = 7;
    doc.settings.gridM = 'fine';
    const { error, details } = refused(parseProject(JSON.stringify(doc)));
    expect(error).toBe('The project file has 2 problems.');
    expect(details).toEqual([
      'settings.gridM: Invalid input: expected number, received string',
      'racks[5].name: Invalid input: expected string, received number',
    ]);
  });

  it('dangling references are checked once the fields are well formed, and stop at the limit too', () => {
    const doc = buildSampleFacility();
    const rack = doc.racks[0]!;
    doc.racks = Array.from({ length: 3_000 }, (_, i) => ({ ...rack, id: `r${i}`, hallId: 'nowhere' }));
    const { error, details } = refused(parseProject(JSON.stringify(doc)));
    expect(error).toMatch(/at least 1,000 problems/);
    expect(details[0]).toBe('racks[0].hallId: refers to hall "nowhere", which does not exist');
  });

  it('unknown catalog devices stop at the limit with the rack where checking stopped', () => {
    const doc = buildSampleFacility();
    const rack = doc.racks.find((r) => r.devices.length > 0)!;
    doc.racks = Array.from({ length: 2_000 }, (_, i) => ({
      ...rack,
      id: `r${i}`,
      devices: [{ ...rack.devices[0]!, catalogId: 'quantum-toaster' }],
    }));
    const { error, details } = refused(parseProject(JSON.stringify(doc)));
    expect(error).toBe('The project file has at least 1,000 unknown catalog references; checking stopped there.');
    expect(details[0]).toBe('racks[0].devices[0].catalogId: unknown device "quantum-toaster"');
    expect(details.at(-1)).toBe('… and at least 988 more (checking stopped at racks[999] of 2,000)');
  });
});

describe('more objects or values than a project holds', () => {
  it('refuses more objects and lists than MAX_CONTAINERS before parsing', () => {
    const { error, details } = refused(parseProject(many('walls', MAX_CONTAINERS, '[]')));
    expect(error).toBe(
      'The file holds too many items to be a Hallwright project: more than 1,000,000 objects and lists.',
    );
    expect(details[0]).toMatch(/A 40,000-rack campus holds about 350,000 objects and lists/);
  });

  it('refuses more values than MAX_VALUES before parsing', () => {
    const { error } = refused(parseProject(prepend('walls', `[${Array(MAX_VALUES).fill(0).join(',')}]`)));
    expect(error).toBe('The file holds too many items to be a Hallwright project: more than 6,000,000 values.');
  });
});

describe('scanStructure', () => {
  it('stops at the first limit passed', () => {
    expect(scanStructure(`[${'{},'.repeat(1_000)}{}]`, { depth: 64, containers: 10, values: 1e6 }).containers).toBe(11);
    expect(scanStructure(`[${'1,'.repeat(1_000)}1]`, { depth: 64, containers: 10, values: 100 }).values).toBe(101);
    expect(scanStructure('['.repeat(1_000), { depth: 64, containers: 1e6, values: 1e6 }).depth).toBe(65);
  });

  it('counts depth, containers and values outside strings only', () => {
    expect(scanStructure('{"a": [1, 2, {"b": null}], "c": "x"}')).toEqual({ depth: 3, containers: 3, values: 6 });
    // Brackets, commas and escaped quotes inside strings are text.
    expect(scanStructure('["[[{,", "a\\"]]", "\\\\", [[1]]]')).toEqual({ depth: 3, containers: 3, values: 6 });
    expect(scanStructure('')).toEqual({ depth: 0, containers: 0, values: 0 });
  });

  it('agrees with the sample: the same containers JSON.parse builds', () => {
    let containers = 0;
    JSON.parse(SAMPLE_TEXT, (_k, v: unknown) => {
      if (typeof v === 'object' && v !== null) containers++;
      return v;
    });
    expect(scanStructure(SAMPLE_TEXT).containers).toBe(containers);
  });
});

describe('validateProject lists what zod lists', () => {
  type Key = string | number;
  const leaves: Key[][] = [];
  (function collect(value: unknown, path: Key[]) {
    if (Array.isArray(value)) value.forEach((v, i) => collect(v, [...path, i]));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) collect(v, [...path, k]);
    if (path.length > 0) leaves.push(path);
  })(sampleJson(), []);

  const damage = fc.record({
    path: fc.constantFrom(...leaves),
    value: fc.oneof(
      fc.constantFrom(null, -1, 0, '', 'x', true, [], {}, [{}], 1e308, 'racks'),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  });

  it("a list's own size check comes after its items' problems, as in zod (found by the property below)", () => {
    const doc = sampleJson() as { zones: { polygon: unknown }[] };
    const zone = 0;
    doc.zones[zone]!.polygon = [0];
    const ours = validateProject(doc, MAX_COLLECTED_ISSUES);
    const zod = projectSchema.safeParse(doc);
    expect(ours.ok || zod.success).toBe(false);
    if (ours.ok || zod.success) return;
    expect(ours.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      `zones.${zone}.polygon.0: Invalid input: expected object, received number`,
      `zones.${zone}.polygon: Too small: expected array to have >=3 items`,
    ]);
    expect(zod.error.issues.map((i) => i.message)).toEqual(ours.issues.map((i) => i.message));
  });

  it('the same problems in the same order, for the sample damaged in 1–5 places', () => {
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 5 }), (damages) => {
        const doc = sampleJson();
        for (const { path, value } of damages) {
          let parent: unknown = doc;
          for (const key of path.slice(0, -1))
            parent = typeof parent === 'object' && parent !== null ? (parent as Record<Key, unknown>)[key] : undefined;
          if (typeof parent === 'object' && parent !== null) (parent as Record<Key, unknown>)[path.at(-1)!] = value;
        }
        const zod = projectSchema.safeParse(doc);
        const ours = validateProject(doc, MAX_COLLECTED_ISSUES);
        expect(ours.ok).toBe(zod.success);
        if (ours.ok || zod.success) {
          if (ours.ok && zod.success) expect(ours.doc).toEqual(zod.data);
          return;
        }
        const theirs = zod.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
        const listed = ours.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
        expect(ours.complete).toBe(true);
        // zod also runs the references check when every field problem is a range check (which it
        // lets continue), so it may list more; what we list is its list in its order, from the top.
        expect(listed.length).toBeGreaterThan(0);
        expect(theirs.slice(0, listed.length)).toEqual(listed);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
