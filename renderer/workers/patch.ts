/**
 * Structural patches between two versions of plain data (objects, arrays, Maps, primitives), so
 * the page and a worker keep mirrors of a large value and send each other only what changed. On
 * the 10,000-rack stress campus a structured clone of the document costs 150–200 ms and one of
 * its load results (findings, power and cooling metrics) 210–360 ms (Node, this machine): far
 * too much for every edit, while an edit changes a handful of racks and a few hundred metrics.
 *
 * `diff(prev, next)` compares by value, descending only where references differ: the store's
 * documents share every object an edit did not change, so a document diff costs the edit; fresh
 * results are compared in full (in the worker, off the page's thread). `apply(prev, patch)`
 * returns a value equal to `next` that shares every unchanged part with `prev`, so the page's
 * memoised views of unchanged parts stay valid.
 *
 * Array elements are matched across versions by an identity (`Identify`; by default a record's
 * `id` — document entities — or `key` — findings —, and strings and numbers by value), so
 * inserting or deleting one element sends a run, not the rest of the array; elements without one
 * are matched by position.
 */

import { IndexedMap, keyIndex, sameKeys } from '../../shared/checks/indexedMap';

export type Patch =
  | { k: 'same' }
  | { k: 'value'; v: unknown }
  | { k: 'object'; p: [string, Patch][] }
  /**
   * Length; runs of elements kept from the previous array as they were ([index, previous index,
   * count]); and the changed elements ([index, previous index or −1, patch]). Any other index
   * keeps the previous array's element there.
   */
  | { k: 'array'; n: number; r: [number, number, number][]; e: [number, number, Patch][] }
  /** Keys in order when they differ from the previous map's, and the changed entries. */
  | { k: 'map'; keys: unknown[] | null; p: [unknown, Patch][] }
  /**
   * An IndexedMap (shared/checks/indexedMap.ts): its keys when they are not the mirror's (then its
   * slots are sent whole), and the patch of its slots, by position.
   */
  | { k: 'imap'; keys: unknown[] | null; slots: Patch }
  /** A record made afresh (there was none, or it had other keys), each field from nothing. */
  | { k: 'record'; p: [string, Patch][] };

/** What an array element is matched by across versions, or null to match it by position. */
export type Identify = (x: unknown) => string | null;

const SAME: Patch = { k: 'same' };

const isRecord = (x: unknown): x is Record<string, unknown> => {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Records by their `id`, else their `key`; strings and numbers by themselves (lists of ids). */
export const byIdOrKey: Identify = (x) => {
  if (typeof x === 'string') return `s:${x}`;
  if (typeof x === 'number') return `n:${x}`;
  if (!isRecord(x)) return null;
  if (typeof x.id === 'string') return `i:${x.id}`;
  if (typeof x.key === 'string') return `k:${x.key}`;
  return null;
};

export function diff(prev: unknown, next: unknown, identify: Identify = byIdOrKey): Patch {
  if (Object.is(prev, next)) return SAME;
  if (Array.isArray(prev) && Array.isArray(next)) return diffArray(prev, next, identify);
  if (prev instanceof Map && next instanceof Map) return diffMap(prev, next, identify);
  if (next instanceof IndexedMap) return diffIndexed(prev, next, identify);
  if (isRecord(prev) && isRecord(next)) return diffRecord(prev, next, identify);
  if (ArrayBuffer.isView(prev) && ArrayBuffer.isView(next) && sameView(prev, next)) return SAME;
  if (prev instanceof Set && next instanceof Set && prev.size === next.size && [...prev].every((x) => next.has(x)))
    return SAME;
  return whole(next);
}

/**
 * A value sent whole. A structured clone keeps plain data but not a class, so a record is sent
 * field by field and an IndexedMap as its keys and slots, each rebuilt on the other side; an
 * IndexedMap is carried only as a field of records (the engine's results), not inside an array or
 * a Map, where it would arrive as a plain object.
 */
function whole(next: unknown): Patch {
  if (next instanceof IndexedMap)
    return { k: 'imap', keys: [...(next.index.keys as unknown[])], slots: { k: 'value', v: next.slots } };
  if (isRecord(next)) return { k: 'record', p: Object.entries(next).map(([key, v]) => [key, whole(v)]) };
  return { k: 'value', v: next };
}

/** The slots of an IndexedMap by position when it has the mirror's keys; else the map whole. */
function diffIndexed(prev: unknown, next: IndexedMap<unknown, unknown>, identify: Identify): Patch {
  if (!(prev instanceof IndexedMap) || !sameKeys(prev.index, next.index)) return whole(next);
  const e: [number, number, Patch][] = [];
  const at = (i: number) => {
    const before = prev.at(i);
    const after = next.at(i);
    if (Object.is(before, after)) return;
    const d = diff(before, after, identify);
    if (d.k !== 'same') e.push([i, i, d]);
  };
  // A version patched from the last (IndexedMap.patch) says where it may differ: a campus edit
  // compares a few dozen of its 22,000 components' metrics, not all.
  const moved = next.slotsMovedSince(prev as IndexedMap<unknown, unknown>);
  if (moved) for (const i of moved) at(i);
  else for (let i = 0; i < next.index.keys.length; i++) at(i);
  return e.length === 0 ? SAME : { k: 'imap', keys: null, slots: { k: 'array', n: next.index.keys.length, r: [], e } };
}

function sameView(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.constructor !== b.constructor || a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function diffRecord(prev: Record<string, unknown>, next: Record<string, unknown>, identify: Identify): Patch {
  const keys = Object.keys(next);
  const before = Object.keys(prev);
  // Same keys in the same order, or the record is sent whole: its key order is part of it.
  if (keys.length !== before.length || keys.some((k, i) => before[i] !== k)) return whole(next);
  const p: [string, Patch][] = [];
  for (const key of keys) {
    const d = diff(prev[key], next[key], identify);
    if (d.k !== 'same') p.push([key, d]);
  }
  return p.length === 0 ? SAME : { k: 'object', p };
}

/** How far either side of where the last element was found an array element is looked for first. */
const NEAR = 8;
/** `place`'s answer for an element that looks inserted: matched after the pass (`diffArray`). */
const LATER = -2;

function diffArray(prev: readonly unknown[], next: readonly unknown[], identify: Identify): Patch {
  let index: Map<string, number> | null = null;
  const lookup = (id: string): number => {
    if (!index) {
      index = new Map();
      for (let j = 0; j < prev.length; j++) {
        const key = identify(prev[j]);
        if (key !== null && !index.has(key)) index.set(key, j);
      }
    }
    return index.get(id) ?? -1;
  };
  const r: [number, number, number][] = [];
  const e: [number, number, Patch][] = [];
  const identified = (h: number, id: string) => h >= 0 && h < prev.length && identify(prev[h]) === id;
  /**
   * Where the element of identity `id` now at i was: most edits leave elements where they were, or
   * shifted as far as the last one found, or a few further (some came or went just before). An
   * element not found there, before one kept where the last one was, looks inserted: it is matched
   * after the pass, among the elements nothing matched (`LATER`). Only else is an index of every
   * element built: on a campus, the identities of 4,500 findings, which took most of the loads
   * worker's time for an edit that takes out or puts back one.
   */
  const place = (id: string, i: number): number => {
    if (i < prev.length && identify(prev[i]) === id) return i;
    const g = i + shift;
    if (shift !== 0 && identified(g, id)) return g;
    // Once built (elements moved far, out of order), the index answers at once.
    if (index) return lookup(id);
    for (let d = 1; d <= NEAR; d++) {
      if (identified(g + d, id)) return g + d;
      if (identified(g - d, id)) return g - d;
    }
    if (i + 1 < next.length && g >= 0 && g < prev.length && Object.is(next[i + 1], prev[g])) return LATER;
    return lookup(id);
  };
  /** Where the last element found was, less where it is. */
  let shift = 0;
  const run = (i: number, j: number) => {
    const last = r[r.length - 1];
    if (last && last[0] + last[2] === i && last[1] + last[2] === j) last[2]++;
    else r.push([i, j, 1]);
  };
  /** The element at i is the previous one at j (−1: none). */
  const match = (i: number, j: number) => {
    if (j === -1) {
      e.push([i, -1, { k: 'value', v: next[i] }]);
      return;
    }
    const d = diff(prev[j], next[i], identify);
    if (d.k !== 'same') e.push([i, j, d]);
    // An element kept but shifted (something before it came or went): one run for the stretch.
    else if (j !== i) run(i, j);
  };
  /** The elements that looked inserted, and their identities. */
  const later: [number, string][] = [];
  for (let i = 0; i < next.length; i++) {
    if (i < prev.length && Object.is(prev[i], next[i])) continue;
    // The same object as far along as the last shifted one: kept, without working out identities
    // (a finding added near the top of 4,500 shifts all below it).
    if (shift !== 0 && i + shift >= 0 && i + shift < prev.length && Object.is(prev[i + shift], next[i])) {
      run(i, i + shift);
      continue;
    }
    const id = identify(next[i]);
    const j = id === null ? (i < prev.length ? i : -1) : place(id, i);
    if (j === LATER) later.push([i, id!]);
    else {
      if (j !== -1) shift = j - i;
      match(i, j);
    }
  }
  if (later.length > 0) {
    // Each is the first element of its identity that nothing else was matched with, if any: one
    // that moved, or was replaced, from further away than NEAR keeps what it shares with it.
    const taken = new Uint8Array(prev.length);
    for (let i = 0; i < next.length && i < prev.length; i++) if (Object.is(prev[i], next[i])) taken[i] = 1;
    for (const [, j, n] of r) taken.fill(1, j, j + n);
    for (const [, j] of e) if (j !== -1) taken[j] = 1;
    const left = new Map<string, number>();
    for (let j = 0; j < prev.length; j++) {
      if (taken[j]) continue;
      const key = identify(prev[j]);
      if (key !== null && !left.has(key)) left.set(key, j);
    }
    for (const [i, id] of later) match(i, left.get(id) ?? -1);
  }
  return r.length === 0 && e.length === 0 && next.length === prev.length ? SAME : { k: 'array', n: next.length, r, e };
}

function diffMap(prev: ReadonlyMap<unknown, unknown>, next: ReadonlyMap<unknown, unknown>, identify: Identify): Patch {
  const p: [unknown, Patch][] = [];
  // Maps made again with the same keys in the same order (the engine's results, 10,000 entries and
  // more) are walked side by side, without looking keys up; from the first key out of step, by key.
  let sameKeys = prev.size === next.size;
  const before = prev.entries();
  for (const [key, value] of next) {
    if (sameKeys) {
      const [was, old] = before.next().value as [unknown, unknown];
      if (Object.is(was, key)) {
        const d = diff(old, value, identify);
        if (d.k !== 'same') p.push([key, d]);
        continue;
      }
      sameKeys = false;
    }
    const d = prev.has(key) ? diff(prev.get(key), value, identify) : { k: 'value' as const, v: value };
    if (d.k !== 'same') p.push([key, d]);
  }
  if (sameKeys && p.length === 0) return SAME;
  return { k: 'map', keys: sameKeys ? null : [...next.keys()], p };
}

/** `prev` with `patch` applied: equal to the value the patch was made from, sharing what did not change. */
export function apply<T>(prev: unknown, patch: Patch): T {
  return applyAny(prev, patch) as T;
}

function applyAny(prev: unknown, patch: Patch): unknown {
  switch (patch.k) {
    case 'same':
      return prev;
    case 'value':
      return patch.v;
    case 'object': {
      if (!isRecord(prev)) throw new Error('A patch does not fit its mirror: expected a record.');
      const out: Record<string, unknown> = { ...prev };
      for (const [key, d] of patch.p) out[key] = applyAny(prev[key], d);
      return out;
    }
    case 'array': {
      if (!Array.isArray(prev)) throw new Error('A patch does not fit its mirror: expected an array.');
      const out: unknown[] = prev.slice(0, patch.n);
      out.length = patch.n;
      for (const [i, j, n] of patch.r) for (let k = 0; k < n; k++) out[i + k] = prev[j + k];
      for (const [i, j, d] of patch.e) out[i] = applyAny(j === -1 ? undefined : prev[j], d);
      return out;
    }
    case 'map': {
      if (!(prev instanceof Map)) throw new Error('A patch does not fit its mirror: expected a map.');
      const out = patch.keys ? new Map(patch.keys.map((key) => [key, prev.get(key)])) : new Map(prev);
      for (const [key, d] of patch.p) out.set(key, applyAny(prev.get(key), d));
      return out;
    }
    case 'imap': {
      if (patch.keys) return new IndexedMap(keyIndex(patch.keys), applyAny(undefined, patch.slots) as unknown[]);
      if (!(prev instanceof IndexedMap)) throw new Error('A patch does not fit its mirror: expected an indexed map.');
      const slots = patch.slots;
      // Values changed in place (as diffIndexed sends them): the mirror is patched, not copied.
      if (
        slots.k === 'array' &&
        slots.n === prev.index.keys.length &&
        slots.r.length === 0 &&
        slots.e.every(([i, j]) => i === j && Number.isInteger(i) && i >= 0 && i < slots.n)
      ) {
        const changes = new Map<number, unknown>();
        for (const [i, , d] of slots.e) changes.set(i, applyAny(prev.at(i), d));
        return IndexedMap.patch(prev as IndexedMap<unknown, unknown>, changes);
      }
      return new IndexedMap(prev.index, applyAny(prev.slots, slots) as unknown[]);
    }
    case 'record': {
      const out: Record<string, unknown> = {};
      for (const [key, d] of patch.p) out[key] = applyAny(undefined, d);
      return out;
    }
  }
}
