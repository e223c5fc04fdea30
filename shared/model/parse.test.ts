import { describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../sample/sampleFacility';
import { newProject } from './factory';
import { parseProject, serializeProject } from './parse';

const sampleText = () => serializeProject(buildSampleFacility());

function expectError(text: string, pattern: RegExp) {
  const result = parseProject(text);
  expect(result.ok).toBe(false);
  if (!result.ok) expect([result.error, ...result.details].join('\n')).toMatch(pattern);
}

describe('project files', () => {
  it('round-trips the sample exactly', () => {
    const doc = buildSampleFacility();
    const result = parseProject(serializeProject(doc));
    expect(result.ok && result.doc).toEqual(doc);
  });

  it('round-trips a new empty project', () => {
    const doc = newProject('p1');
    const result = parseProject(serializeProject(doc));
    expect(result.ok && result.doc).toEqual(doc);
  });

  it('refuses text that is not JSON', () => expectError('{"formatVersion": 1,', /not valid JSON/));

  it('refuses JSON that is not a project', () => {
    expectError('[1,2,3]', /expected a JSON object/);
    expectError('{"hello": "world"}', /formatVersion/);
  });

  it('refuses a file from a newer release rather than guessing', () => {
    const doc = { ...buildSampleFacility(), formatVersion: 99 };
    expectError(JSON.stringify(doc), /newer Hallwright/);
  });

  it('names the field and place of a wrong value', () => {
    const doc = buildSampleFacility() as unknown as { racks: { position: { x: unknown } }[] };
    doc.racks[3]!.position.x = 'left';
    expectError(JSON.stringify(doc), /racks\[3\]\.position\.x/);
  });

  it('refuses negative power, a zero breaker and non-finite numbers', () => {
    const text = sampleText()
      .replace('"capacityKva": 5000', '"capacityKva": -5000')
      .replace('"breakerA": 63', '"breakerA": 0');
    expectError(text, /power\[0\]\.capacityKva[\s\S]*breakerA/);
    expectError(sampleText().replace('"height": 6', '"height": 1e999'), /halls\[0\]\.height/);
  });

  it('refuses dangling references and duplicate ids', () => {
    const doc = buildSampleFacility();
    doc.racks[0]!.feeds.a = 'no-such-circuit';
    doc.racks[1]!.id = doc.racks[2]!.id;
    const result = parseProject(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.details.join('\n')).toMatch(/racks\[0\]\.feeds\.a: refers to circuit "no-such-circuit"/);
      expect(result.details.join('\n')).toMatch(/duplicate id/);
    }
  });

  it('refuses unknown catalog ids', () => {
    const doc = buildSampleFacility();
    doc.racks[0]!.devices[0]!.catalogId = 'quantum-toaster';
    expectError(JSON.stringify(doc), /racks\[0\]\.devices\[0\]\.catalogId: unknown device "quantum-toaster"/);
  });

  it('is not fooled by __proto__ keys (prototype pollution)', () => {
    const text = sampleText().replace('"name": "Sample', '"__proto__": {"polluted": true}, "name": "Sample');
    const result = parseProject(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.keys(result.doc)).not.toContain('__proto__');
  });

  it('refuses an oversized text before parsing it', () => {
    expectError(' '.repeat(64 * 1024 * 1024 + 1), /too large/);
  });

  it('lists at most a dozen problems and says how many more', () => {
    const doc = buildSampleFacility() as unknown as { racks: { name: unknown }[] };
    for (const r of doc.racks) r.name = 42;
    const result = parseProject(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/32 problems/);
      expect(result.details).toHaveLength(13);
      expect(result.details.at(-1)).toMatch(/and 20 more/);
    }
  });
});
