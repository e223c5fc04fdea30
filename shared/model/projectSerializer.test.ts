import fc from 'fast-check';
import { enablePatches, freeze, produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../sample/sampleFacility';
import { buildLargeSite } from '../testing/largeSite';
import { buildStressSite } from '../testing/stressSite';
import { serializeProject } from './parse';
import { createProjectSerializer } from './projectSerializer';
import type { ProjectDocument } from './schema';

enablePatches();

describe('the project serializer that keeps what it wrote', () => {
  it('writes serializeProject’s text for the sample and larger sites, frozen or not', () => {
    const serialize = createProjectSerializer();
    for (const doc of [buildSampleFacility(), buildLargeSite(60), buildStressSite(500)]) {
      expect(serialize(doc)).toBe(serializeProject(doc));
      const frozen = freeze(structuredClone(doc), true);
      expect(serialize(frozen)).toBe(serializeProject(frozen));
      // Again, from what it kept.
      expect(serialize(frozen)).toBe(serializeProject(frozen));
    }
  });

  it('follows the editor’s edits (immer, deeply frozen): each text equals one written afresh', () => {
    const serialize = createProjectSerializer();
    let doc = freeze(buildLargeSite(60), true);
    const edits: ((d: ProjectDocument) => void)[] = [
      (d) => void d.racks[3]!.devices.pop(),
      (d) => void (d.racks[7]!.name = 'Rack "7"\n(moved)'),
      (d) => void d.racks.splice(2, 1),
      (d) => void d.racks.push({ ...d.racks[0]!, id: 'rack-new', name: 'new' }),
      (d) => void (d.settings.auxiliaryLoadKw += 5),
      (d) => void (d.power[0]!.name = 'Utility Δ ≥ “A”'),
      (d) => void (d.cooling = []),
      (d) => void (d.name = ''),
    ];
    expect(serialize(doc)).toBe(serializeProject(doc));
    for (const edit of edits) {
      doc = produce(doc, edit);
      expect(serialize(doc)).toBe(serializeProject(doc));
    }
  });

  it('writes JSON.stringify’s text for any JSON-like document, lists of entries frozen or not', () => {
    const entry = fc.oneof(
      fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 }),
      fc.jsonValue(),
      fc.constant(undefined),
    );
    const value = fc.oneof(fc.array(entry, { maxLength: 6 }), fc.jsonValue(), fc.constant(undefined));
    const serialize = createProjectSerializer();
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value, { maxKeys: 6 }), fc.boolean(), (raw, frozen) => {
        const doc = (frozen ? freeze(raw, true) : raw) as unknown as ProjectDocument;
        const text = `${JSON.stringify(doc, null, 2)}\n`;
        expect(serialize(doc)).toBe(text);
        expect(serialize(doc)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('writes an entry that is not frozen afresh each time', () => {
    const serialize = createProjectSerializer();
    const doc = buildSampleFacility();
    serialize(doc);
    doc.racks[0]!.name = 'renamed in place';
    expect(serialize(doc)).toBe(serializeProject(doc));
  });
});
