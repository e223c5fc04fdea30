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
