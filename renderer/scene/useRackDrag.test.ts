import { describe, expect, it } from 'vitest';
import { catalogFor, hallObstacles, indexObstacles } from '../../shared/index';
import { buildStressSite } from '../../shared/testing/stressSite';
import { planItems } from '../store/layoutCommands';
import { dragItems, dragObstacles } from './useRackDrag';

describe('what a drag reads: its hall, not the site', () => {
  const doc = buildStressSite(1_000);
  const catalog = catalogFor(doc);
  const [hall, other] = doc.halls;
  const here = doc.racks.filter((r) => r.hallId === hall!.id).map((r) => r.id);
  const there = doc.racks.filter((r) => r.hallId === other!.id).map((r) => r.id);
  const units = doc.cooling.filter((u) => 'position' in u && u.hallId === hall!.id).map((u) => u.id);
  const wall = doc.walls.find((w) => w.hallId === hall!.id)!.id;

  it.each([
    ['one rack', [here[3]!]],
    ['racks and a unit of the hall', [here[0]!, here[7]!, units[0]!]],
    ['the same rack twice', [here[2]!, here[2]!]],
    ['a rack of another hall too (refused: several halls)', [here[0]!, there[0]!]],
    ['only racks of another hall', [there[1]!]],
    ['a wall too, which is not a plan item', [here[0]!, wall]],
    ['an id that names nothing', ['no-such-rack']],
    ['nothing', []],
  ])('%s: the same items and hall (or refusal) as the whole document gives', (_, ids) => {
    expect(dragItems(doc, hall!, ids)).toEqual(planItems(doc, catalog, ids));
  });

  it('the obstacles are the hall’s, built once per drag and shared with the overlay', () => {
    const ids = [here[0]!, here[1]!];
    const index = dragObstacles(doc, hall!, ids);
    expect(dragObstacles(doc, hall!, ids)).toBe(index);
    const all = indexObstacles(hall!, hallObstacles(doc, catalog, hall!.id, new Set(ids)));
    const everywhere = { minX: -10, maxX: hall!.width + 10, minY: -10, maxY: hall!.depth + 10 };
    const ofIds = (list: { id: string }[]) => list.map((o) => o.id).sort();
    expect(ofIds(index.near(everywhere))).toEqual(ofIds(all.near(everywhere)));
    // Another drag (a new ids array) builds its own.
    expect(dragObstacles(doc, hall!, [...ids])).not.toBe(index);
  });
});
