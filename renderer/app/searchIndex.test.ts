import { describe, expect, it } from 'vitest';
import { buildSampleFacility, newRack } from '../../shared/index';
import { buildSearchIndex, matchTier, searchEntities } from './searchIndex';

const names = (r: { results: { name: string }[] }) => r.results.map((e) => e.name);

describe('find by name', () => {
  const index = buildSearchIndex(buildSampleFacility());

  it('finds every kind of named entity, case-insensitively, and says what and where it is', () => {
    // The rack's name alone first, then its two circuits ("A-02-07 A"), found where the rack stands.
    expect(searchEntities(index, 'a-02-07').results).toEqual([
      expect.objectContaining({
        id: 'rack-A-02-07',
        kind: 'Rack',
        hallId: 'hall-a',
        where: 'Hall A (ex-mining) · Row 02 (DGX H100)',
      }),
      expect.objectContaining({ id: 'ckt-A-02-07-a', kind: 'Circuit', where: 'Hall A (ex-mining) · feeds A-02-07' }),
      expect.objectContaining({ id: 'ckt-A-02-07-b', kind: 'Circuit', hallId: 'hall-a' }),
    ]);
    const kinds = (q: string) => searchEntities(index, q).results.map((e) => e.kind);
    expect(kinds('main building')).toEqual(['Building']);
    expect(kinds('ups a')).toContain('UPS');
    expect(kinds('fan wall fw3')).toEqual(['Cooling']);
    expect(kinds('vestibule outer')).toEqual(['Door']);
    expect(kinds('cam-2')).toEqual(['Camera']);
    expect(kinds('electrical room')).toEqual(['Zone', 'Door']);
    expect(searchEntities(index, '  ').results).toEqual([]);
    expect(searchEntities(index, 'no such thing')).toEqual({ results: [], total: 0 });
  });

  it('ranks the whole name, then its start, then a word start, then anywhere, then every word', () => {
    expect(matchTier('hall a', 'hall a', ['hall', 'a'])).toBe(0);
    expect(matchTier('hall a (ex-mining)', 'hall a', ['hall', 'a'])).toBe(1);
    expect(matchTier('row 02 (dgx h100)', 'dgx', ['dgx'])).toBe(2);
    expect(matchTier('a-02-07', '02', ['02'])).toBe(2);
    expect(matchTier('cam-3 fire exit', 'ire', ['ire'])).toBe(3);
    expect(matchTier('row 02 (dgx h100)', 'row dgx', ['row', 'dgx'])).toBe(4);
    expect(matchTier('row 02', 'rack', ['rack'])).toBeNull();
    // "Hall A" (the zone) names exactly what was typed; then names that start so, shortest first.
    expect(names(searchEntities(index, 'HALL A'))).toEqual(['Hall A', 'Hall A vestibule', 'Hall A (ex-mining)']);
  });

  it('keeps the best 50 of 10,000 racks, in natural order, and counts them all', () => {
    const doc = buildSampleFacility();
    const racks = Array.from({ length: 10_000 }, (_, i) =>
      newRack({
        id: `rack-x-${i + 1}`,
        name: `X-${i + 1}`,
        hallId: 'hall-a',
        rackTypeId: 'rack-48u-600x1200',
        position: { x: 1, y: 1 },
      }),
    );
    const big = buildSearchIndex({ ...doc, racks: [...doc.racks, ...racks] });
    const found = searchEntities(big, 'x-');
    // and "Hall A (ex-mining)".
    expect(found.total).toBe(10_001);
    expect(found.results).toHaveLength(50);
    expect(names(found).slice(0, 3)).toEqual(['X-1', 'X-2', 'X-3']);
    expect(names(searchEntities(big, 'x-9999'))).toEqual(['X-9999']);
    expect(names(searchEntities(big, '-100', 3))).toEqual(['X-100', 'X-1000', 'X-1001']);
  });
});
