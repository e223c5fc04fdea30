/** Plain-text tables for the terminal: columns padded to their widest cell, two spaces apart. */
export type Align = 'left' | 'right';

export function table(rows: readonly (readonly string[])[], align: readonly Align[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => {
    const cells = row.map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)));
    // The last column is left-aligned text more often than not: no trailing spaces after it.
    return (indent + cells.join('  ')).trimEnd();
  });
}

/** Numbers as en-US with grouping, whatever the machine's locale, so output and tests are stable. */
export function formatNumber(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
