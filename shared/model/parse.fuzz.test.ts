/**
 * Loading is total (issue 10): whatever text arrives — random, truncated, hostile, from a wrong or
 * older format, or valid but extreme — `parseProject` returns either a document that the schema
 * accepts again and that survives a save/open round trip unchanged, or a refusal with a readable
 * message. It never throws, never hangs and never pollutes Object.prototype.
 *
 * Run counts are chosen so that the file stays within a few seconds; across the properties below
 * fast-check generates a few thousand files (the sum of the numRuns values).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../sample/sampleFacility';
import { migrate } from './migrate';
import { parseProject, serializeProject, type ParseResult } from './parse';
import { FORMAT_VERSION, projectSchema } from './schema';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Key = string | number;

const SAMPLE_TEXT = serializeProject(buildSampleFacility());
const sampleJson = (): Json => JSON.parse(SAMPLE_TEXT) as Json;

/** Every node of the sample, as the path of keys leading to it (the root excluded). */
function allPaths(value: Json, prefix: Key[] = [], out: Key[][] = []): Key[][] {
  const children: [Key, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, child] of children) {
    out.push([...prefix, key]);
    allPaths(child, [...prefix, key], out);
  }
  return out;
}
const SAMPLE_PATHS = allPaths(sampleJson());

/** Every number in a value is finite: JSON has no NaN or Infinity, and the schema must not let one in. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

/** No own key that could reach a prototype when the document is later copied or merged. */
function noPrototypeKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(noPrototypeKeys);
  if (value !== null && typeof value === 'object')
    return Object.keys(value).every((k) => k !== '__proto__' && noPrototypeKeys((value as Record<string, unknown>)[k]));
  return true;
}

/** The contract every load must keep, whatever the input. */
function expectTotal(result: ParseResult): void {
  if (result.ok) {
    expect(projectSchema.safeParse(result.doc).success).toBe(true);
    expect(allFinite(result.doc)).toBe(true);
    expect(noPrototypeKeys(result.doc)).toBe(true);
    const again = parseProject(serializeProject(result.doc));
    expect(again.ok && again.doc).toEqual(result.doc);
  } else {
    // A sentence for the notice, then at most 12 listed problems and a "… and N more" line.
    expect(result.error).toMatch(/^[A-Z].*\.$/);
    expect(result.error.length).toBeLessThan(300);
    expect(result.details.length).toBeLessThanOrEqual(13);
    for (const line of result.details) {
      expect(typeof line).toBe('string');
      expect(line.length).toBeGreaterThan(0);
      expect(line).not.toMatch(/\[object Object\]/);
    }
  }
}

const load = (text: string): ParseResult => {
  const result = parseProject(text);
  expectTotal(result);
  return result;
};

/** Marks that stand for values JSON.stringify cannot write, swapped into the text afterwards. */
const NAN = '\u0000nan';
const INF = '\u0000inf';
const NEG_INF = '\u0000-inf';
function toText(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v !== 'number' || Number.isFinite(v)) return v;
    return Number.isNaN(v) ? NAN : v > 0 ? INF : NEG_INF;
  })
    .replaceAll(JSON.stringify(NAN), 'NaN')
    .replaceAll(JSON.stringify(INF), '1e999')
    .replaceAll(JSON.stringify(NEG_INF), '-1e999');
}

/** Values a hostile or careless writer might put anywhere. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    0,
    -0,
    0.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    'x'.repeat(100_000),
    '\u0000',
    '\ud800',
    true,
    false,
    null,
    [],
    {},
    Array.from({ length: 10_000 }, (_, i) => i),
    { __proto__: null, polluted: true },
    JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.double(),
  fc.integer(),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

type Mutation = { path: Key[]; kind: 'delete' | 'set'; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.constantFrom(...SAMPLE_PATHS),
  kind: fc.constantFrom('delete' as const, 'set' as const),
  value: hostileValue,
});

/** Applies mutations in order; a path that an earlier one removed is skipped. */
function mutate(doc: Json, mutations: readonly Mutation[]): unknown {
  for (const { path, kind, value } of mutations) {
    let parent: unknown = doc;
    for (const key of path.slice(0, -1)) {
      parent = parent !== null && typeof parent === 'object' ? (parent as Record<Key, unknown>)[key] : undefined;
    }
    if (parent === null || typeof parent !== 'object') continue;
    const last = path.at(-1)!;
    if (kind === 'set') (parent as Record<Key, unknown>)[last] = value;
    else if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete (parent as Record<Key, unknown>)[last];
  }
  return doc;
}

const isPolluted = () =>
  Object.getOwnPropertyNames(Object.prototype).includes('polluted') ||
  ({} as Record<string, unknown>).polluted !== undefined ||
  Object.keys(Object.prototype).length > 0;

afterEach(() => expect(isPolluted()).toBe(false));

describe('loading is total', () => {
  it('random text: never a throw, always a document or a readable refusal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2_000 }), (text) => {
        expect(load(text).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('random JSON values: refused with a reason unless they happen to be a project', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        load(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it('random JSON objects carrying a formatVersion', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })),
        fc.integer({ min: 1, max: FORMAT_VERSION }),
        (obj, version) => {
          load(JSON.stringify({ ...obj, formatVersion: version }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the sample with 1–6 fields dropped or replaced by NaN, ±Infinity, −1, huge strings or wrong types', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const doc = mutate(sampleJson(), mutations);
        load(toText(doc));
        // The same damage handed straight to the engine, where NaN can arrive without JSON.
        const migrated = migrate(doc);
        if (migrated.ok) {
          const parsed = projectSchema.safeParse(migrated.doc);
          if (parsed.success) expect(allFinite(parsed.data)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  }, 30_000);

  it('the same damage to a file written by each older format', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: FORMAT_VERSION - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (version, mutations) => {
          const doc = mutate(sampleJson(), mutations);
          if (doc !== null && typeof doc === 'object' && !Array.isArray(doc))
            (doc as Record<string, unknown>).formatVersion = version;
          load(toText(doc));
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  it('the sample cut off at any point is refused, never half-loaded', () => {
    const end = SAMPLE_TEXT.trimEnd().length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: end - 1 }), (cut) => {
        const result = load(SAMPLE_TEXT.slice(0, cut));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('__proto__, constructor and prototype keys anywhere neither pollute nor survive', () => {
    const opens = [...SAMPLE_TEXT.matchAll(/\{/g)].map((m) => m.index);
    const payloads = [
      '"__proto__": {"polluted": true, "racks": [], "formatVersion": 1}',
      '"__proto__": [1, 2, 3]',
      '"__proto__": null',
      '"constructor": {"prototype": {"polluted": true}}',
      '"prototype": {"polluted": true}',
      '"__proto__": {"__proto__": {"polluted": true}}',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...opens),
        fc.constantFrom(...payloads),
        fc.integer({ min: 1, max: FORMAT_VERSION }),
        (at, payload, version) => {
          const text = `${SAMPLE_TEXT.slice(0, at + 1)}${payload}, ${SAMPLE_TEXT.slice(at + 1)}`.replace(
            `"formatVersion": ${FORMAT_VERSION}`,
            `"formatVersion": ${version}`,
          );
          load(text);
          expect(isPolluted()).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it('a wrong formatVersion is refused by name', () => {
    const wrong = fc.oneof(
      fc.integer({ min: -1_000_000, max: 0 }),
      fc.integer({ min: FORMAT_VERSION + 1 }),
      fc.double({ noInteger: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, null, true, '7', '', [], {}, [7], { value: 7 }),
      fc.string(),
    );
    fc.assert(
      fc.property(wrong, (version) => {
        const doc = sampleJson() as Record<string, unknown>;
        doc.formatVersion = version as Json;
        const result = load(toText(doc));
        expect(result.ok).toBe(false);
        if (!result.ok) expect([result.error, ...result.details].join(' ')).toMatch(/formatVersion|JSON/);
      }),
      { numRuns: 300 },
    );
    const missing = sampleJson() as Record<string, unknown>;
    delete missing.formatVersion;
    expect(load(toText(missing)).ok).toBe(false);
  });

  it('valid but extreme values: longest names, any characters, the edges of every range', () => {
    const extreme = fc.record({
      name: fc.string({ unit: 'binary', maxLength: 200 }),
      x: fc.double({ min: -10_000, max: 10_000, noNaN: true }),
      y: fc.double({ min: -10_000, max: 10_000, noNaN: true }),
      rackName: fc.string({ unit: 'binary', maxLength: 200 }),
    });
    fc.assert(
      fc.property(extreme, fc.nat({ max: 1_000 }), ({ name, x, y, rackName }, pick) => {
        const doc = buildSampleFacility();
        doc.name = name;
        const rack = doc.racks[pick % doc.racks.length]!;
        rack.name = rackName;
        rack.position = { x, y };
        const result = load(serializeProject(doc));
        // Only the schema's own rules may refuse it; nothing here breaks one.
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.doc).toEqual(JSON.parse(serializeProject(doc)));
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});

describe('hostile sizes and depths (one case each)', () => {
  const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

  it('refuses 100 000 nested brackets at the top, under an unknown key and in an old file', () => {
    for (const text of [
      deepArray(100_000),
      '['.repeat(100_000),
      SAMPLE_TEXT.replace('"racks": [', `"junk": ${deepArray(100_000)}, "racks": [`),
      SAMPLE_TEXT.replace(`"formatVersion": ${FORMAT_VERSION}`, '"formatVersion": 1').replace(
        '"racks": [',
        `"junk": ${deepObject(100_000)}, "racks": [`,
      ),
    ]) {
      const result = load(text);
      expect(result.ok).toBe(false);
    }
    const result = load(deepArray(100_000));
    if (!result.ok) expect(result.error).toMatch(/nests lists and objects too deeply/);
  });

  it('does not count brackets inside strings as nesting', () => {
    const doc = buildSampleFacility();
    doc.name = '['.repeat(200);
    expect(load(serializeProject(doc)).ok).toBe(true);
  });

  // 10 000 empty racks give 150 000 problems (15 missing fields each); checking stops after the
  // first 1,000 (parse.ts's MAX_COLLECTED_ISSUES), so the time no longer grows with their number.
  // A million power components are more objects than any project holds (MAX_CONTAINERS) and are
  // refused before JSON.parse; 600,000 are within that and exceed the schema's 500,000.
  it('refuses 300 000 racks, a million power components, 10 000 empty racks and a megabyte name', () => {
    const many = (key: string, n: number, item: string) =>
      SAMPLE_TEXT.replace(`"${key}": [`, `"${key}": [${Array(n).fill(item).join(',')},`);
    const cases: [string, RegExp][] = [
      [many('racks', 300_000, '1'), /racks: Too big/],
      [many('power', 1_000_000, '{}'), /A 40,000-rack campus holds about 350,000 objects/],
      [many('power', 600_000, '{}'), /power: Too big/],
      [many('racks', 10_000, '{}'), /racks\[0\]/],
      [SAMPLE_TEXT.replace('"name": "Sample', `"name": "${'x'.repeat(1_000_000)}`), /^name: Too big/m],
    ];
    for (const [text, pattern] of cases) {
      const result = load(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.details.join('\n')).toMatch(pattern);
    }
  }, 30_000);
});
