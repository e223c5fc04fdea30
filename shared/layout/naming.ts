/**
 * Automatic names: rows "Row 03", racks Hall-Row-Position ("A-03-12": hall code A, row 3, the
 * 12th rack from the row's start), the convention colocation operators label cabinets with.
 */
import type { ProjectDocument, Row } from '../model/schema';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The row's number: the first whole number in its name ("Row 03 (miners)" → 3), or null. */
export function rowNumber(row: Pick<Row, 'name'>): number | null {
  const m = /\d+/.exec(row.name);
  return m ? Number(m[0]) : null;
}

export function rowName(n: number): string {
  return `Row ${pad2(n)}`;
}

/** The next free row number in a hall (one more than the highest used). */
export function nextRowNumber(
  doc: Pick<ProjectDocument, 'rows'>,
  hallId: string,
  taken: Iterable<number> = [],
): number {
  let max = 0;
  for (const r of doc.rows) if (r.hallId === hallId) max = Math.max(max, rowNumber(r) ?? 0);
  for (const n of taken) max = Math.max(max, n);
  return max + 1;
}

export function rackName(hallCode: string, row: number, position: number): string {
  return `${hallCode}-${pad2(row)}-${pad2(position)}`;
}

/**
 * New names for the racks of `rowIds`, Hall-Row-Position: positions count from the row's start
 * (least x for a row along x, least y for one along y: the axis its racks spread along). A row
 * whose name has no number takes the next free one. Fails, naming them, when a new name is
 * already held by a rack outside these rows.
 */
export function renumberRows(
  doc: Pick<ProjectDocument, 'rows' | 'racks' | 'halls'>,
  rowIds: readonly string[],
): { ok: true; names: Map<string, string> } | { ok: false; reason: string } {
  const names = new Map<string, string>();
  const taken = new Map<string, number[]>();
  for (const rowId of rowIds) {
    const row = doc.rows.find((r) => r.id === rowId);
    const hall = row && doc.halls.find((h) => h.id === row.hallId);
    if (!row || !hall) continue;
    const hallTaken = taken.get(hall.id) ?? [];
    const number = rowNumber(row) ?? nextRowNumber(doc, hall.id, hallTaken);
    hallTaken.push(number);
    taken.set(hall.id, hallTaken);
    const racks = doc.racks.filter((r) => r.rowId === row.id);
    const spread = (k: 'x' | 'y') =>
      Math.max(...racks.map((r) => r.position[k])) - Math.min(...racks.map((r) => r.position[k]));
    const along = racks.length > 1 && spread('y') > spread('x') ? 'y' : 'x';
    const other = along === 'x' ? 'y' : 'x';
    racks
      .sort((a, b) => a.position[along] - b.position[along] || a.position[other] - b.position[other])
      .forEach((r, i) => names.set(r.id, rackName(hall.code, number, i + 1)));
  }
  const clashes = doc.racks.filter((r) => !names.has(r.id) && [...names.values()].includes(r.name));
  if (clashes.length > 0)
    return {
      ok: false,
      reason: `Other racks already hold ${clashes.length === 1 ? 'the name' : 'the names'} ${clashes
        .slice(0, 5)
        .map((r) => r.name)
        .join(', ')}; rename or renumber them first.`,
    };
  return { ok: true, names };
}
