import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import type { ProjectDocument, Rack } from '../../model/schema';
import { buildSampleFacility } from '../../sample/sampleFacility';
import { dataQualityAfter, dataQualityFindings } from './dataQuality';

/** A contradicting device (worked case 5b) and one that is not, by catalog id. */
const H100 = 'nvidia-dgx-h100';
const L40S = 'l40s-server-8gpu';

/** A rack's devices, stacked from the bottom. */
const devices = (ids: readonly string[]): Rack['devices'] =>
  ids.map((catalogId, k) => ({ id: `d${k}`, catalogId, uPosition: 1 + 8 * k, feed: 'AB', existing: false }));

function siteOf(racks: readonly (readonly string[])[]): ProjectDocument {
  const doc = buildSampleFacility();
  const template = doc.racks[0]!;
  return {
    ...doc,
    racks: racks.map((ids, i) => ({ ...template, id: `rack-${i}`, name: `Rack ${i}`, devices: devices(ids) })),
  };
}

/** A tiny deterministic generator, so a failing sequence is the same on every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('data quality after an edit', () => {
  it('names the racks that hold a contradicting device, each once, in rack order', () => {
    const doc = siteOf([[L40S], [H100, H100], [L40S], [H100, L40S]]);
    const [f] = dataQualityFindings(doc, catalogFor(doc));
    expect(f?.key).toBe('catalog.data-quality:nvidia-dgx-h100');
    expect(f?.entities).toEqual(['rack-1', 'rack-3']);
  });

  it('keeps the last findings when an edit leaves the same racks holding the same devices', () => {
    const doc = siteOf([[H100, H100], [L40S]]);
    const catalog = catalogFor(doc);
    const first = dataQualityAfter(doc, catalog, null);
    const fewer = { ...doc, racks: [{ ...doc.racks[0]!, devices: devices([H100]) }, doc.racks[1]!] };
    expect(dataQualityAfter(fewer, catalog, first.memo).findings).toBe(first.findings);
    const more = { ...doc, racks: [doc.racks[0]!, { ...doc.racks[1]!, devices: devices([L40S, H100]) }] };
    const after = dataQualityAfter(more, catalog, first.memo).findings;
    expect(after).not.toBe(first.findings);
    expect(after[0]?.entities).toEqual(['rack-0', 'rack-1']);
  });

  it('gives a check from scratch’s findings over random edit sequences', () => {
    const choices = [[], [L40S], [H100], [H100, L40S], [L40S, H100, H100]];
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed);
      const pick = () => choices[Math.floor(next() * choices.length)]!;
      let doc = siteOf(Array.from({ length: 12 }, pick));
      const catalog = catalogFor(doc);
      let memo = dataQualityAfter(doc, catalog, null).memo;
      for (let step = 0; step < 30; step++) {
        const racks = doc.racks.slice();
        const i = Math.floor(next() * racks.length);
        // Mostly what racks hold; sometimes a rack renamed, or the racks reordered.
        const roll = next();
        if (roll < 0.1) racks[i] = { ...racks[i]!, id: `renamed-${step}` };
        else if (roll < 0.2) racks.reverse();
        else racks[i] = { ...racks[i]!, devices: devices(pick()) };
        doc = { ...doc, racks };
        const out = dataQualityAfter(doc, catalog, memo);
        expect(out.findings).toEqual(dataQualityFindings(doc, catalog));
        memo = out.memo;
      }
    }
  });

  it('starts afresh for another catalog', () => {
    const doc = siteOf([[H100]]);
    const first = dataQualityAfter(doc, catalogFor(doc), null);
    const other = catalogFor(doc);
    expect(dataQualityAfter({ ...doc }, other, first.memo).memo.catalog).toBe(other);
  });
});
