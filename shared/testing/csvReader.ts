/**
 * For tests of the CSV exports: an RFC 4180 reader as strict as the RFC (CRLF records, quoted
 * fields with doubled quotes) that throws on anything else, so a sloppy writer fails its tests.
 */
export function parseCsv(input: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (input[i] === '"') {
      i++;
      for (;;) {
        if (i >= input.length) throw new Error('unterminated quoted field');
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += input[i++];
      }
    } else {
      while (i < input.length && input[i] !== ',' && input[i] !== '\r') {
        if (input[i] === '"' || input[i] === '\n') throw new Error(`bare ${JSON.stringify(input[i])} at ${i}`);
        value += input[i++];
      }
    }
    record.push(value);
    if (input[i] === ',') {
      i++;
      continue;
    }
    if (input.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`);
    i += 2;
    records.push(record);
    record = [];
    if (i === input.length) return records;
  }
}
