/**
 * `serializeProject`'s text, byte for byte, made from the last one where it can be: an editor saves
 * and autosaves (every 30 s while there are unsaved changes) the same document again and again, a
 * few entities changed each time, and on the 10,000-rack stress campus serialising its 15.9 MB
 * from scratch holds the page 40–45 ms (Chromium), a stall every 30 s while the user edits.
 *
 * The document is written as `JSON.stringify(doc, null, 2)` writes it: its keys in order, each
 * value at two spaces; an entry of a top-level list (a rack, a power component, a cooling unit…)
 * at four, which is its own `JSON.stringify(entry, null, 2)` with every line after the first moved
 * in by four spaces (a JSON text has no raw line break but the indentation's: strings escape
 * theirs). Each entry's text is kept by the entry's identity while the entry is frozen: the
 * editor's documents are immer's, which freezes them deeply, so an entry kept is an entry that
 * cannot have changed, and an edit makes a new object of each entry it changes. An entry that is
 * not frozen (a document just parsed, before its first edit) is written afresh each time.
 */
import type { ProjectDocument } from './schema';

const ENTRY_INDENT = '\n    ';
const VALUE_INDENT = '\n  ';
const FIRST_ENTRY = `[${ENTRY_INDENT}`;
const NEXT_ENTRY = `,${ENTRY_INDENT}`;

/**
 * JSON.stringify's text of `value` at two spaces, moved in after each line break; undefined where
 * it writes nothing. By split and join, not replaceAll: V8 makes replaceAll's result a tree of
 * pieces, which joining ten thousand of them then copies piece by piece (34 ms against 5 on the
 * campus's racks, Node 20).
 */
function indented(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined ? undefined : text.split('\n').join(indent);
}

export function createProjectSerializer(): (doc: ProjectDocument) => string {
  /** Each frozen entry's text, four spaces in. */
  const kept = new WeakMap<object, string>();

  const entryText = (entry: unknown): string => {
    const frozen = typeof entry === 'object' && entry !== null && Object.isFrozen(entry);
    let text = frozen ? kept.get(entry) : undefined;
    if (text === undefined) {
      // What JSON.stringify writes for an entry it cannot write (undefined, a function) in a list.
      text = indented(entry, ENTRY_INDENT) ?? 'null';
      if (frozen) kept.set(entry, text);
    }
    return text;
  };

  return (doc) => {
    // Every piece in one list, joined once: the text is copied once, not per list and again whole.
    const out: string[] = [];
    for (const key of Object.keys(doc)) {
      const value: unknown = (doc as unknown as Record<string, unknown>)[key];
      const list = Array.isArray(value) ? (value as readonly unknown[]) : null;
      const text = list ? null : indented(value, VALUE_INDENT);
      if (text === undefined) continue;
      out.push(out.length === 0 ? `{${VALUE_INDENT}` : `,${VALUE_INDENT}`, `${JSON.stringify(key)}: `);
      if (list === null) out.push(text!);
      else if (list.length === 0) out.push('[]');
      else {
        for (let k = 0; k < list.length; k++) out.push(k === 0 ? FIRST_ENTRY : NEXT_ENTRY, entryText(list[k]));
        out.push(`${VALUE_INDENT}]`);
      }
    }
    out.push(out.length === 0 ? '{}\n' : '\n}\n');
    return out.join('');
  };
}
