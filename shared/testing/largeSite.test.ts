import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../index';
import { buildLargeSite } from './largeSite';

describe('the synthetic sites', () => {
  it('are projects the app opens, whatever the rack count: a last row without a partner is not contained', () => {
    // 60 and 100 racks end on an odd row: their last hot aisle once named a row that does not exist.
    for (const racks of [1, 20, 21, 40, 60, 100, 240, 241, 1_000]) {
      const parsed = parseProject(serializeProject(buildLargeSite(racks)));
      expect(parsed.ok ? 'opens' : parsed.error).toBe('opens');
    }
    const doc = buildLargeSite(60);
    expect(doc.rows.map((r) => r.id)).toEqual(['row-0-0', 'row-0-1', 'row-0-2']);
    expect(doc.containments.map((c) => c.rowIds)).toEqual([['row-0-0', 'row-0-1']]);
  });
});
