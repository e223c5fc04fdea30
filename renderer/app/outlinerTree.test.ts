import { describe, expect, it } from 'vitest';
import { buildSampleFacility, newHall, newRack, runChecks, type ProjectDocument } from '../../shared/index';
import {
  buildOutline,
  CHILDREN_PAGE,
  findNode,
  focusOf,
  groupKey,
  NO_BUILDING_KEY,
  OUTSIDE_KEY,
  selectionOf,
  SITE_KEY,
  visibleRows,
  type OutlineNode,
} from './outlinerTree';

const labels = (node: OutlineNode) => node.children.map((c) => c.label);
const child = (node: OutlineNode, key: string) => node.children.find((c) => c.key === key)!;
const shownKeys = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => (r.kind === 'node' ? r.node.key : 'more'));

/** A second hall beside the sample's, with `count` loose racks, for the site-size tests. */
function withSecondHall(doc: ProjectDocument, count: number): ProjectDocument {
  const hall = newHall({ id: 'hall-b', name: 'Hall B', code: 'B', width: 80, depth: 40, height: 6 });
  const racks = Array.from({ length: count }, (_, i) =>
    newRack({
      id: `rack-b-${i + 1}`,
      name: `B-${i + 1}`,
      hallId: 'hall-b',
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 1 + (i % 100) * 0.6, y: 1 + Math.floor(i / 100) * 0.3 },
    }),
  );
  return { ...doc, halls: [...doc.halls, hall], racks: [...doc.racks, ...racks] };
}

describe('outliner tree', () => {
  it('lists the sample site → building → hall → rows and groups, with rack counts and the check loads', () => {
    const doc = buildSampleFacility();
    const { power } = runChecks(doc);
    const { root } = buildOutline(doc, power.rackLoadW);
    expect(root).toMatchObject({ key: SITE_KEY, label: 'Sample: ex-mining hall conversion', racks: 32 });
    expect(labels(root)).toEqual(['Main building', 'Outside the halls']);
    const building = child(root, 'building-main');
    expect(labels(building)).toEqual(['Hall A (ex-mining)']);
    const hall = child(building, 'hall-a');
    expect(labels(hall)).toEqual([
      'Row 01 (S19 XP miners)',
      'Row 02 (DGX H100)',
      'Cooling',
      'Doors',
      'Zones',
      'Cameras',
    ]);
    const row2 = child(hall, 'row-a-02');
    expect(row2).toMatchObject({ kind: 'row', racks: 12, hallId: 'hall-a' });
    // The row's load is the sum of its racks' loads: the power check's own row total.
    expect(row2.loadW).toBeCloseTo(power.rowLoadW.get('row-a-02')!, 6);
    expect(hall.loadW).toBeCloseTo(power.hallLoadW.get('hall-a')!, 6);
    expect(root.loadW).toBeCloseTo(power.itLoadW, 6);
    expect(labels(row2).slice(0, 3)).toEqual(['A-02-01', 'A-02-02', 'A-02-03']);
    expect(child(hall, groupKey('hall-a', 'cooling')).children).toHaveLength(5);
    expect(labels(child(hall, groupKey('hall-a', 'doors')))).toEqual(['Fire exit', 'Loading door', 'Main entrance']);
    // Rooms the model does not draw keep the document's order: zones from the street inwards, then doors.
    expect(labels(child(root, OUTSIDE_KEY))).toEqual([
      'Site compound',
      'Building corridor',
      'Electrical room',
      'Hall A vestibule',
      'Site gate',
      'Staff entrance',
      'Electrical room door',
      'Vestibule outer door',
    ]);
    expect(buildOutline(doc).root.loadW).toBeNull();
  });

  it('puts halls of no building under "No building" and racks of no row under "Loose racks", in natural order', () => {
    const doc = withSecondHall(buildSampleFacility(), 12);
    const { root } = buildOutline(doc);
    const homeless = child(root, NO_BUILDING_KEY);
    expect(labels(homeless)).toEqual(['Hall B']);
    const loose = child(child(homeless, 'hall-b'), groupKey('hall-b', 'loose'));
    expect(loose.racks).toBe(12);
    expect(labels(loose).slice(0, 3)).toEqual(['B-1', 'B-2', 'B-3']);
    expect(labels(loose)[9]).toBe('B-10');
  });

  it('keeps the subtree of every hall an edit did not touch', () => {
    const doc = withSecondHall(buildSampleFacility(), 50);
    const first = buildOutline(doc);
    const again = buildOutline(doc, null, first);
    expect(again.root.children[0]!.children[0]).toBe(first.root.children[0]!.children[0]);
    const moved = {
      ...doc,
      racks: doc.racks.map((r) => (r.id === 'rack-b-1' ? { ...r, position: { x: 2, y: 2 } } : r)),
    };
    const next = buildOutline(moved, null, again);
    expect(findNode(next, 'hall-a')).toBe(findNode(again, 'hall-a'));
    expect(findNode(next, 'hall-b')).not.toBe(findNode(again, 'hall-b'));
    const renamed = { ...doc, rows: doc.rows.map((r) => (r.id === 'row-a-01' ? { ...r, name: 'Row 01' } : r)) };
    expect(findNode(buildOutline(renamed, null, again), 'row-a-01')!.label).toBe('Row 01');
  });

  it('draws only what is open: down to the rows at first, a page of children at a time', () => {
    const doc = withSecondHall(buildSampleFacility(), 10_000);
    const outline = buildOutline(doc);
    const rows = visibleRows(outline.root, new Map());
    // Site, building, hall A with its 2 rows and 4 groups, outside group, "No building", hall B and its loose group.
    expect(shownKeys(rows)).toEqual([
      SITE_KEY,
      'building-main',
      'hall-a',
      'row-a-01',
      'row-a-02',
      groupKey('hall-a', 'cooling'),
      groupKey('hall-a', 'doors'),
      groupKey('hall-a', 'zones'),
      groupKey('hall-a', 'cameras'),
      NO_BUILDING_KEY,
      'hall-b',
      groupKey('hall-b', 'loose'),
      OUTSIDE_KEY,
    ]);
    expect(rows[0]).toMatchObject({ level: 1, open: true });
    expect(rows[3]).toMatchObject({ level: 4, open: false });

    const loose = groupKey('hall-b', 'loose');
    const opened = visibleRows(outline.root, new Map([[loose, true]]));
    expect(opened).toHaveLength(rows.length + CHILDREN_PAGE + 1);
    expect(opened.at(-2)).toEqual({ kind: 'more', parentKey: loose, level: 5, remaining: 10_000 - CHILDREN_PAGE });
    const more = visibleRows(outline.root, new Map([[loose, true]]), new Map([[loose, 2 * CHILDREN_PAGE]]));
    expect(more).toHaveLength(rows.length + 2 * CHILDREN_PAGE + 1);

    const closed = visibleRows(outline.root, new Map([['hall-a', false]]));
    expect(shownKeys(closed)).not.toContain('row-a-01');
    expect(outline.parent.get('rack-b-9999')).toBe(loose);
    expect(outline.parent.get(loose)).toBe('hall-b');
  });

  it('selects a row with its racks, a group with what it holds', () => {
    const outline = buildOutline(buildSampleFacility());
    const row = findNode(outline, 'row-a-02')!;
    expect(selectionOf(row)).toHaveLength(13);
    expect(selectionOf(row).at(-1)).toBe('row-a-02');
    expect(selectionOf(findNode(outline, groupKey('hall-a', 'cameras'))!)).toEqual(['cam-1', 'cam-2', 'cam-3']);
    expect(selectionOf(findNode(outline, 'rack-A-02-01')!)).toEqual(['rack-A-02-01']);
    expect(selectionOf(outline.root)).toEqual([]);
  });

  it('tells the view where a hall, a row and a rack stand', () => {
    const doc = buildSampleFacility();
    const outline = buildOutline(doc);
    expect(focusOf(doc, findNode(outline, 'hall-a')!)).toEqual({
      hallId: 'hall-a',
      point: { x: 30, y: 12 },
      radiusM: Math.hypot(60, 24) / 2,
    });
    // Row 02: 12 racks 0.6 m apart from x 10.2 m, all at y 10.3 m.
    const row = focusOf(doc, findNode(outline, 'row-a-02')!)!;
    expect(row.point.x).toBeCloseTo(13.5, 6);
    expect(row.point.y).toBeCloseTo(10.3, 6);
    expect(row.radiusM).toBeCloseTo(3.3 + 1, 6);
    expect(focusOf(doc, findNode(outline, 'rack-A-01-01')!)).toEqual({
      hallId: 'hall-a',
      point: { x: 10.2, y: 8 },
      radiusM: 1.5,
    });
    expect(focusOf(doc, findNode(outline, 'zone-site')!)).toBeNull();
    expect(focusOf(doc, outline.root)).toBeNull();
  });
});
