import { describe, expect, it } from 'vitest';
import { exportFileName } from './fileName';

describe('export file names', () => {
  it('names the project and the export, with the extension', () => {
    expect(exportFileName('Site North', 'design report', 'pdf')).toBe('Site North - design report.pdf');
  });

  it('drops characters file systems refuse, keeping the rest of the text', () => {
    expect(
      exportFileName('Sample: ex-mining hall conversion', 'bill of materials (GPU racks → 4 × B200)', 'xlsx'),
    ).toBe('Sample ex-mining hall conversion - bill of materials (GPU racks → 4 × B200).xlsx');
    expect(exportFileName('a/b\\c*?"<>|\n\td', 'x', 'csv')).toBe('a b c d - x.csv');
  });

  it('never offers an empty, hidden or overlong name', () => {
    expect(exportFileName('', 'design report', 'pdf')).toBe('Hallwright - design report.pdf');
    expect(exportFileName('...', 'design report', 'pdf')).toBe('Hallwright - design report.pdf');
    expect(exportFileName('.hidden.', 'x', 'pdf')).toBe('hidden - x.pdf');
    expect(exportFileName('n'.repeat(400), 'x', 'pdf').length).toBeLessThanOrEqual(204);
  });
});
