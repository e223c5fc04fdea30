import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../shared/index';
import { buildStressSite } from '../../shared/testing/stressSite';
import { checkLoads, createLoadChecker } from '../../shared/checks/loadChecks';
import { commandFor, edit } from '../store/randomEdits.testing';
import { fresh } from '../store/storeTesting';
import { IndexedMap, keyIndex } from '../../shared/checks/indexedMap';
import { apply, diff, type Patch } from './patch';

/** A patch as the other side receives it: structured-cloned, as postMessage does. */
const sent = (p: Patch): Patch => structuredClone(p);

const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null)),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'id', 'key'), tie('v'), { maxKeys: 4 }),
    fc.array(fc.tuple(fc.constantFrom('x', 'y', 'z', 1, 2), tie('v')), { maxLength: 4 }).map((e) => new Map(e)),
    fc.array(fc.record({ id: fc.constantFrom('r1', 'r2', 'r3', 'r4'), w: fc.integer() }), { maxLength: 5 }),
    fc.array(fc.record({ key: fc.constantFrom('f1', 'f2', 'f3'), n: fc.integer() }), { maxLength: 5 }),
    fc.array(fc.double(), { maxLength: 3 }).map((a) => Float64Array.from(a)),
  ),
}));

describe('structural patches', () => {
  it('rebuild any value from any other, through a structured clone', () => {
    fc.assert(
      fc.property(value.v, value.v, (a, b) => {
        expect(apply(structuredClone(a), sent(diff(a, b)))).toEqual(b);
      }),
      { numRuns: 2_000 },
    );
  });

  it('rebuild a version made from the last by edits that keep its objects (shifted runs, maps walked side by side)', () => {
    // Entities as the engine's results hold them: unique ids; an edit replaces one, adds or removes
    // one, or moves one elsewhere (as far as it likes: past the few places looked at first).
    const change = fc.record({
      k: fc.constantFrom('insert', 'delete', 'replace', 'move'),
      at: fc.nat(),
      to: fc.nat(),
      w: fc.integer(),
    });
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), fc.array(change, { maxLength: 6 }), (weights, changes) => {
        const prev = weights.map((w, i) => ({ id: `r${i}`, w }));
        const prevMap = new Map(prev.map((r) => [r.id, r]));
        const next = [...prev];
        const nextMap = new Map(prevMap);
        changes.forEach((c, n) => {
          const at = next.length === 0 ? 0 : c.at % next.length;
          if (c.k === 'insert' || next.length === 0) {
            const added = { id: `new${n}`, w: c.w };
            next.splice(at, 0, added);
            nextMap.set(added.id, added);
          } else if (c.k === 'delete') nextMap.delete(next.splice(at, 1)[0]!.id);
          else if (c.k === 'move') next.splice(c.to % next.length, 0, next.splice(at, 1)[0]!);
          else {
            const edited = { id: next[at]!.id, w: c.w };
            next[at] = edited;
            nextMap.set(edited.id, edited);
          }
        });
        const before = { list: prev, map: prevMap };
        const after = { list: next, map: nextMap };
        const mirror = structuredClone(before);
        const out = apply<typeof after>(mirror, sent(diff(before, after)));
        expect(out).toEqual(after);
        // Every element the edits kept is the mirror's own object, wherever it moved to.
        next.forEach((r, i) => {
          const j = prev.indexOf(r);
          if (j !== -1) expect(out.list[i]).toBe(mirror.list[j]);
        });
        nextMap.forEach((r, key) => {
          if (prevMap.get(key) === r) expect(out.map.get(key)).toBe(mirror.map.get(key));
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('share with the mirror every part that did not change', () => {
    const prev = {
      racks: [
        { id: 'a', w: 1 },
        { id: 'b', w: 2 },
        { id: 'c', w: 3 },
      ],
      n: new Map([['x', { w: 1 }]]),
    };
    const next = {
      racks: [
        { id: 'a', w: 1 },
        { id: 'c', w: 3 },
        { id: 'd', w: 4 },
      ],
      n: new Map([['x', { w: 1 }]]),
    };
    const patch = diff(prev, next);
    const out = apply<typeof next>(prev, sent(patch));
    expect(out).toEqual(next);
    expect(out.racks[0]).toBe(prev.racks[0]);
    // Matched by id across the deletion of "b", not resent.
    expect(out.racks[1]).toBe(prev.racks[2]);
    expect(out.n).toBe(prev.n);
    expect(JSON.stringify(patch)).not.toContain('"w":3');
  });

  it('carry random edits of a document as small patches that rebuild it exactly', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const store = fresh();
        let mirror = structuredClone(store.getState().doc);
        for (const e of edits) {
          const before = store.getState().doc;
          const command = commandFor(store, e);
          if (command) store.getState().run(command);
          const after = store.getState().doc;
          const patch = diff(before, after);
          const next = apply<typeof after>(mirror, sent(patch));
          expect(next).toEqual(after);
          // Racks the edit did not replace stay the mirror's own objects.
          after.racks.forEach((r, i) => {
            if (before.racks[i] === r) expect(next.racks[i]).toBe(mirror.racks[i]);
          });
          mirror = next;
        }
      }),
      { numRuns: 40 },
    );
  });

  it('carry indexed maps inside records as their changed slots, rebuilt as indexed maps on the other side', () => {
    const keys = keyIndex(['a', 'b', 'c', 'd', 'e']);
    const slot = fc.option(fc.record({ id: fc.constantFrom('a', 'b'), w: fc.integer() }), { nil: undefined });
    const version = fc.record({
      label: fc.string({ maxLength: 2 }),
      metrics: fc.record({ loads: fc.array(slot, { minLength: 5, maxLength: 5 }), other: fc.integer() }),
    });
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 6 }), (versions) => {
        // Each version keeps the last one's slot objects where they are equal, as the engine does.
        let last: IndexedMap<string, unknown> | null = null;
        const values = versions.map((v) => {
          const slots = v.metrics.loads.map((x, i) =>
            last && JSON.stringify(last.slots[i]) === JSON.stringify(x) ? last.slots[i] : x,
          );
          last = new IndexedMap(keys, slots);
          return { label: v.label, metrics: { loads: last, other: v.metrics.other } };
        });
        let mirror = apply<(typeof values)[number]>(undefined, sent(diff(undefined, values[0])));
        expect(mirror.metrics.loads).toBeInstanceOf(IndexedMap);
        expect([...mirror.metrics.loads]).toEqual([...values[0]!.metrics.loads]);
        for (let k = 1; k < values.length; k++) {
          const before = values[k - 1]!;
          const after = values[k]!;
          const patch = diff(before, after);
          const next = apply<typeof after>(mirror, sent(patch));
          expect(next.metrics.loads).toBeInstanceOf(IndexedMap);
          expect([...next.metrics.loads]).toEqual([...after.metrics.loads]);
          expect(next.label).toBe(after.label);
          // The same keys: the mirror's key index stays, and slots that did not change stay the mirror's objects.
          expect(next.metrics.loads.index).toBe(mirror.metrics.loads.index);
          after.metrics.loads.slots.forEach((x, i) => {
            if (before.metrics.loads.slots[i] === x)
              expect(next.metrics.loads.slots[i]).toBe(mirror.metrics.loads.slots[i]);
          });
          mirror = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('send an indexed map whole when its keys change', () => {
    const a = { m: new IndexedMap(keyIndex(['x', 'y']), [1, 2]) };
    const b = { m: new IndexedMap(keyIndex(['y', 'x']), [2, 1]) };
    const patch = diff(a, b);
    const next = apply<typeof b>(apply(undefined, sent(diff(undefined, a))), sent(patch));
    expect([...next.m]).toEqual([
      ['y', 2],
      ['x', 1],
    ]);
    // The same keys in another index object: by position.
    const c = { m: new IndexedMap(keyIndex(['y', 'x']), [2, 5]) };
    const slots = diff(b, c);
    expect(JSON.stringify(slots)).toContain('"keys":null');
    expect([...apply<typeof c>(next, sent(slots)).m]).toEqual([
      ['y', 2],
      ['x', 5],
    ]);
  });

  it('send only the load results an edit changed', () => {
    const before = buildStressSite(1_000);
    const middle = 500;
    const rack = before.racks[middle]!;
    const after = {
      ...before,
      racks: before.racks.map((r, i) => (i === middle ? { ...rack, devices: rack.devices.slice(0, -1) } : r)),
    };
    const a = checkLoads(before, catalogFor(before));
    const b = checkLoads(after, catalogFor(after));
    const patch = diff(a, b);
    // The page's mirror is what the first reply built: sent whole, indexed maps and all.
    const mirror = apply<typeof a>(undefined, sent(diff(undefined, a)));
    expect(mirror).toEqual(a);
    expect(apply(mirror, sent(patch))).toEqual(b);
    // The rack's own metrics and those of the chain above it, not the site's.
    const power = patch.k === 'object' ? patch.p.find(([k]) => k === 'power')![1] : null;
    const components = power?.k === 'object' ? power.p.find(([k]) => k === 'components')![1] : null;
    expect(components?.k).toBe('imap');
    if (components?.k === 'imap' && components.slots.k === 'array') {
      expect(components.keys).toBeNull();
      expect(components.slots.e.length).toBeGreaterThan(0);
      expect(components.slots.e.length).toBeLessThan(b.power.components.size / 20);
    } else expect.unreachable('the components as their changed slots');
  });
  it('compare only the metrics an edit patched, and keep the mirror a patch of its last version', () => {
    const before = buildStressSite(1_000);
    const rack = before.racks[500]!;
    const after = {
      ...before,
      racks: before.racks.map((r, i) => (i === 500 ? { ...rack, devices: rack.devices.slice(0, -1) } : r)),
    };
    type Loads = ReturnType<typeof checkLoads>;
    type Metrics = Loads['power']['components'] extends ReadonlyMap<string, infer M> ? M : never;
    const components = (x: Loads) => x.power.components as IndexedMap<string, Metrics>;
    const loads = createLoadChecker();
    const a = loads(before, catalogFor(before));
    const b = loads(after, catalogFor(after));
    const c = loads(before, catalogFor(before));
    // The checker's later versions are patches of the first's metrics: a rack's chain moved.
    const moved = components(b).slotsMovedSince(components(a));
    expect(moved?.length).toBeGreaterThan(0);
    expect(moved!.length).toBeLessThan(100);
    // Each patch is the one a comparison of every slot makes.
    const plain = (x: Loads): Loads => ({
      ...x,
      power: { ...x.power, components: new IndexedMap(components(x).index, [...components(x).slots]) },
    });
    let mirror = apply<Loads>(undefined, sent(diff(undefined, a)));
    for (const [was, now] of [
      [a, b],
      [b, c],
    ] as const) {
      const fast = diff(was, now);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(diff(plain(was), plain(now))));
      const next = apply<Loads>(mirror, sent(fast));
      expect(next).toEqual(now);
      expect([...next.power.components]).toEqual([...now.power.components]);
      // The mirror is patched where the metrics moved, not copied.
      expect(components(next).slotsMovedSince(components(mirror))).not.toBeNull();
      mirror = next;
    }
  });
});
