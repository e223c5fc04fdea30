/**
 * Which of a proof's failures change each component, for the proof after an edit: a failure kept
 * from the last proof needs work only where the edit moved a component it changes (redundancy.ts
 * `fromKept`), and on a campus the edit of one rack moves a dozen components while 2,785 failures
 * change some 150,000 component figures between them. Rows per component, as in a sparse matrix:
 * the entries of component c are `start[c]` … `start[c + 1] − 1`, each a failure (its number in
 * the proof's setup) and the place of c in that failure's changed components.
 */
export interface TouchIndex {
  /** Per failure: its changed components as the index has them (null: not in the index). */
  lists: readonly (readonly number[] | null)[];
  start: Int32Array;
  ords: Int32Array;
  ks: Int32Array;
}

/** The index of the failures given by `changedOf` (null for those left out), over `n` components. */
export function touchIndex(n: number, changedOf: readonly (readonly number[] | null)[]): TouchIndex {
  const start = new Int32Array(n + 1);
  for (let ord = 0; ord < changedOf.length; ord++) {
    const changed = changedOf[ord];
    if (changed) for (let k = 0; k < changed.length; k++) start[changed[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const ords = new Int32Array(start[n]!);
  const ks = new Int32Array(start[n]!);
  for (let ord = 0; ord < changedOf.length; ord++) {
    const changed = changedOf[ord];
    if (!changed) continue;
    for (let k = 0; k < changed.length; k++) {
      const at = fill[changed[k]!]!++;
      ords[at] = ord;
      ks[at] = k;
    }
  }
  return { lists: changedOf, start, ords, ks };
}

/**
 * How much of each indexed failure an edit reaches, from the components it moved (`moved`, with
 * `utility` marking the utilities): 2 where it moved a component other than a utility, 1 where only
 * utilities, 0 where nothing (per failure number; `into` is overwritten).
 */
export function reach(index: TouchIndex, moved: readonly number[], utility: Uint8Array, into: Uint8Array): void {
  into.fill(0);
  const { start, ords } = index;
  for (const c of moved) {
    const how = utility[c] ? 1 : 2;
    for (let e = start[c]!; e < start[c + 1]!; e++) if (into[ords[e]!]! < how) into[ords[e]!] = how;
  }
}
