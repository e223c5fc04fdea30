/**
 * The group structure of an ASCII DXF file, checked before dxf-parser sees it.
 *
 * A DXF file is pairs of lines, a group code (an integer) and its value; sections open with
 * 0/SECTION 2/name and close with 0/ENDSEC, tables with 0/TABLE 2/name … 0/ENDTAB, a POLYLINE's
 * vertices run as VERTEX entities up to 0/SEQEND, and the file ends with 0/EOF (Autodesk, AutoCAD
 * DXF Reference, "DXF Format" and "ENTITIES Section").
 *
 * dxf-parser 1.1.2 loops for ever on some files that break those rules (dxf.test.ts holds one of
 * each): a POLYLINE whose vertices are not ended by SEQEND, a record other than LAYER inside
 * the LAYER table, an LWPOLYLINE vertex X (group 10) followed by anything but its Y (group 20); and
 * it allocates as many vertices as an LWPOLYLINE's group 90 claims. The scan refuses such files
 * with the line at fault, and hands the parser only what the import reads: the HEADER section, the
 * LAYER table, and the LINE, LWPOLYLINE and POLYLINE entities of model space. Every other entity
 * is counted here by layer and type, so the import can say what it left out.
 */

import { clip, DxfFormatError, GroupReader } from './dxfGroups';

/** Largest file read, in characters (≈ bytes for ASCII DXF). */
export const MAX_DXF_CHARS = 50 * 1024 * 1024;
/** Most straight segments (LINEs and polyline sides) a drawing may hold: the document's wall limit. */
export const MAX_DXF_SEGMENTS = 100_000;

export interface ScannedDxf {
  /** HEADER, the LAYER table and the model-space LINE / LWPOLYLINE / POLYLINE entities, as DXF text. */
  text: string;
  /** Model-space entities the import does not read, by layer, then by type ("ARC", "INSERT"). */
  unread: Map<string, Map<string, number>>;
  /** Entities of any type in paper space (sheet borders, title blocks): not the plan. */
  paperSpace: number;
}

export type ScanResult = { ok: true; scan: ScannedDxf } | { ok: false; error: string };

const READ_TYPES = new Set(['LINE', 'LWPOLYLINE', 'POLYLINE']);
/** POLYLINE flags (group 70): 2 curve-fit, 4 spline-fit, 16 polygon mesh, 64 polyface mesh. */
const CURVED_OR_MESH = 2 | 4 | 16 | 64;
/** A decimal number as DXF writes reals: optional sign, digits with an optional point, optional exponent. */
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

const mb = (chars: number) => (chars / (1024 * 1024)).toFixed(1);

interface EntityState {
  type: string;
  /** Offset of its 0/type group, and that group's line. */
  start: number;
  line: number;
  layer: string;
  paper: boolean;
  flags: number;
  /** LWPOLYLINE group 90, the vertex count it declares. */
  declared: number | null;
  /** LWPOLYLINE vertices listed (group 10), or POLYLINE VERTEX entities. */
  vertices: number;
  /** LWPOLYLINE: the line of a vertex X (group 10) whose Y (group 20) must come next. */
  awaitingY: number | null;
  /** POLYLINE: inside its VERTEX run; `ended` once SEQEND is read. */
  inVertices: boolean;
  ended: boolean;
}

/** Why a file of `size` characters (or bytes) is too large to import; null when it is not. */
export function dxfSizeProblem(size: number): string | null {
  return size > MAX_DXF_CHARS
    ? `The file is ${mb(size)} MB; DXF import reads files up to ${mb(MAX_DXF_CHARS)} MB. Purge the drawing or save only the wall layers to a new DXF, then import that.`
    : null;
}

/** Checks the structure and keeps what the import reads; an error names the line at fault. */
export function scanDxf(text: string): ScanResult {
  const tooLarge = dxfSizeProblem(text.length);
  if (tooLarge !== null) return fail(tooLarge);
  if (text.startsWith('AutoCAD Binary DXF'))
    return fail(
      'This is a binary DXF file; the import reads ASCII DXF. Save the drawing as ASCII DXF and import that.',
    );
  if (/^AC10\d\d/.test(text))
    return fail('This is a DWG file, not DXF. Save the drawing as ASCII DXF in the CAD program and import that.');
  if (text.trim() === '') return fail('The file is empty: there is no DXF drawing in it.');
  // Lines end in LF or CR LF, or in CR alone in files from old Macs.
  const source = text.includes('\n') || !text.includes('\r') ? text : text.replaceAll('\r', '\n');
  try {
    return { ok: true, scan: new Scanner(source).run() };
  } catch (e) {
    if (e instanceof DxfFormatError) return fail(e.message);
    throw e;
  }
}

const fail = (error: string): ScanResult => ({ ok: false, error });

/** One pass over the groups; every refusal is a DxfFormatError naming the line. */
class Scanner {
  private readonly reader: GroupReader;
  private readonly header: string[] = [];
  private readonly tables: string[] = [];
  private readonly entities: string[] = [];
  private readonly unread = new Map<string, Map<string, number>>();
  private paperSpace = 0;
  private segments = 0;

  constructor(private readonly text: string) {
    this.reader = new GroupReader(text);
  }

  run(): ScannedDxf {
    const r = this.reader;
    let entitiesSeen = false;
    for (;;) {
      if (!r.next()) throw new DxfFormatError('The file does not end with 0/EOF: it is cut short. Export it again.');
      if (r.code() !== 0) continue;
      if (r.value() === 'EOF') break;
      if (r.value() !== 'SECTION')
        throw new DxfFormatError(
          `Line ${r.line}: "${clip(r.value())}" stands outside any section. The DXF file is damaged.`,
        );
      const line = r.line;
      if (!r.next() || r.code() !== 2)
        throw new DxfFormatError(
          `Line ${line}: a SECTION must be followed by its name (group 2). The DXF file is damaged.`,
        );
      const section = { name: r.value(), line };
      if (section.name === 'HEADER') this.scanHeader(section);
      else if (section.name === 'TABLES') this.scanTables(section);
      else if (section.name === 'ENTITIES') {
        entitiesSeen = true;
        this.scanEntities(section);
      } else while (this.nextInSection(section));
    }
    if (!entitiesSeen) throw new DxfFormatError('The file has no ENTITIES section: nothing is drawn in it.');
    const text = [
      '0\nSECTION\n2\nHEADER\n',
      ...this.header,
      '0\nENDSEC\n0\nSECTION\n2\nTABLES\n',
      ...this.tables,
      '0\nENDSEC\n0\nSECTION\n2\nENTITIES\n',
      this.entities.join(''),
      '0\nENDSEC\n0\nEOF\n',
    ].join('');
    return { text, unread: this.unread, paperSpace: this.paperSpace };
  }

  /** Moves to the section's next group; false at its 0/ENDSEC. */
  private nextInSection(section: { name: string; line: number }): boolean {
    const r = this.reader;
    const more = r.next();
    if (more && r.code() !== 0) return true;
    const value = more ? r.value() : 'EOF';
    if (value === 'ENDSEC') return false;
    if (value !== 'SECTION' && value !== 'EOF') return true;
    throw new DxfFormatError(
      `The ${clip(section.name)} section that starts on line ${section.line} is not closed by ENDSEC: the file is damaged or cut short.`,
    );
  }

  private scanHeader(section: { name: string; line: number }): void {
    const from = this.reader.end;
    while (this.nextInSection(section));
    this.header.push(this.text.slice(from, this.reader.start));
  }

  /** Keeps the LAYER table; a LAYER table may hold only LAYER records (anything else hangs the parser). */
  private scanTables(section: { name: string; line: number }): void {
    const r = this.reader;
    let table: { name: string; start: number; line: number } | null = null;
    const unclosed = (t: { name: string; line: number }) =>
      new DxfFormatError(
        `The ${clip(t.name)} table that starts on line ${t.line} is not closed by ENDTAB: the DXF file is damaged.`,
      );
    while (this.nextInSection(section)) {
      if (r.code() !== 0) continue;
      const record = r.value();
      if (table === null) {
        if (record !== 'TABLE') continue;
        const start = { start: r.start, line: r.line };
        if (r.next() && r.code() === 2) table = { name: r.value(), ...start };
        else {
          r.back();
          table = { name: '', ...start };
        }
      } else if (record === 'ENDTAB') {
        if (table.name === 'LAYER') this.tables.push(this.text.slice(table.start, r.end));
        table = null;
      } else if (record === 'TABLE') throw unclosed(table);
      else if (table.name === 'LAYER' && record !== 'LAYER')
        throw new DxfFormatError(
          `Line ${r.line}: the LAYER table holds a "${clip(record)}" record, where only LAYER records belong. The DXF file is damaged.`,
        );
    }
    if (table !== null) throw unclosed(table);
  }

  private scanEntities(section: { name: string; line: number }): void {
    const r = this.reader;
    let entity: EntityState | null = null;
    for (;;) {
      const more = this.nextInSection(section);
      if (more && r.code() !== 0) {
        if (entity && READ_TYPES.has(entity.type)) this.checkCoordinate(entity);
        if (entity && !entity.inVertices) this.track(entity);
        continue;
      }
      const type = more ? r.value() : 'ENDSEC';
      if (entity?.type === 'POLYLINE' && !entity.ended) {
        if (type === 'VERTEX') {
          entity.inVertices = true;
          entity.vertices++;
          continue;
        }
        if (type === 'SEQEND') {
          entity.ended = true;
          continue;
        }
        throw new DxfFormatError(
          `The POLYLINE on line ${entity.line} is not ended by SEQEND (line ${r.line} starts "${clip(type)}"): the DXF file is damaged.`,
        );
      }
      if (entity) this.finish(entity, r.start);
      if (!more) return;
      entity = {
        type,
        start: r.start,
        line: r.line,
        layer: '0',
        paper: false,
        flags: 0,
        declared: null,
        vertices: 0,
        awaitingY: null,
        inVertices: false,
        ended: false,
      };
    }
  }

  /**
   * Coordinates (groups 10–39) of the entities the import reads must be decimal numbers: the
   * parser's parseFloat would read "6e0x0" as 6, and "NaN" as NaN.
   */
  private checkCoordinate(entity: EntityState): void {
    const r = this.reader;
    const code = r.code();
    if (code < 10 || code > 39 || DECIMAL.test(r.value())) return;
    throw new DxfFormatError(
      `Line ${r.line + 1}: the ${entity.type} on line ${entity.line} has the coordinate "${clip(r.value())}", which is not a number. The DXF file is damaged: fix or delete that entity in the CAD program and import again.`,
    );
  }

  /** Reads the entity's own groups: layer (8), paper space (67), flags (70), vertex count (90) and vertices (10, 20). */
  private track(entity: EntityState): void {
    const r = this.reader;
    const code = r.code();
    if (entity.awaitingY !== null) {
      if (code !== 20) throw this.noY(entity);
      entity.awaitingY = null;
    }
    if (code === 8) entity.layer = r.value() || '0';
    else if (code === 67) entity.paper = r.value() !== '0';
    else if (code === 70) entity.flags = Number.parseInt(r.value(), 10) || 0;
    else if (code === 90 && entity.type === 'LWPOLYLINE') entity.declared = Number.parseInt(r.value(), 10);
    else if (code === 10 && entity.type === 'LWPOLYLINE') {
      if (entity.declared === null)
        throw new DxfFormatError(
          `The LWPOLYLINE on line ${entity.line} lists vertices before their count (group 90): the DXF file is damaged.`,
        );
      entity.vertices++;
      entity.awaitingY = r.line;
    }
  }

  private noY(entity: EntityState): DxfFormatError {
    return new DxfFormatError(
      `The LWPOLYLINE on line ${entity.line}: the vertex X on line ${entity.awaitingY} is not followed by its Y (group 20). The DXF file is damaged.`,
    );
  }

  /** Keeps a line entity of model space, or counts what is not read. */
  private finish(entity: EntityState, end: number): void {
    if (entity.awaitingY !== null) throw this.noY(entity);
    if (entity.type === 'LWPOLYLINE' && entity.vertices !== (entity.declared ?? 0))
      throw new DxfFormatError(
        `The LWPOLYLINE on line ${entity.line} declares ${entity.declared} vertices (group 90) but lists ${entity.vertices}: the DXF file is damaged.`,
      );
    if (entity.paper) {
      this.paperSpace++;
      return;
    }
    const curvedOrMesh = entity.type === 'POLYLINE' && (entity.flags & CURVED_OR_MESH) !== 0;
    if (!READ_TYPES.has(entity.type) || curvedOrMesh) {
      const type = curvedOrMesh ? 'POLYLINE (curve-fitted or mesh)' : entity.type;
      const byType = this.unread.get(entity.layer) ?? new Map<string, number>();
      byType.set(type, (byType.get(type) ?? 0) + 1);
      this.unread.set(entity.layer, byType);
      return;
    }
    const closed = (entity.flags & 1) !== 0;
    this.segments +=
      entity.type === 'LINE' ? 1 : closed && entity.vertices > 2 ? entity.vertices : Math.max(entity.vertices - 1, 0);
    if (this.segments > MAX_DXF_SEGMENTS)
      throw new DxfFormatError(
        `The drawing holds more than ${MAX_DXF_SEGMENTS.toLocaleString('en-US')} line segments in model space; the import reads at most that many (the project's wall limit). Save only the wall layers to a new DXF and import that.`,
      );
    this.entities.push(this.text.slice(entity.start, end));
  }
}
