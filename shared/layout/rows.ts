/**
 * Rows and row pairs. A row is laid along a line the user draws, snapped to the nearer plan axis
 * (racks turn in 90° steps): N racks at a chosen pitch (centre to centre along the row; at least
 * the rack width), the first centred on the line's start. A row pair lays two facing rows either
 * side of an aisle of a given clear width (face to face): fronts towards a cold aisle, backs
 * towards a hot aisle, as hot-aisle/cold-aisle layouts do (ASHRAE TC 9.9; figures.md §3).
 */
import type { CatalogView } from '../catalog';
import { idAllocator } from '../model/entities';
import { defaultRackCircuit, newRack } from '../model/factory';
import type { Circuit, Hall, Point2, ProjectDocument, Rack, Rotation, Row } from '../model/schema';
import { rotationFacing } from './footprint';
import { nextRowNumber, rackName, rowName } from './naming';

export interface RowSlot {
  position: Point2;
  rotationDeg: Rotation;
}

export interface RowLine {
  start: Point2;
  end: Point2;
  /** Racks to lay; when absent, as many as fit from start to end at the pitch. */
  count?: number;
  /** Centre-to-centre distance along the row, m. */
  pitchM: number;
}

export interface RowSpec extends RowLine {
  /** Which side of the row the fronts face: 'a' is −y for a row along x and +x for a row along y; 'b' the other. */
  facing: 'a' | 'b';
}

export interface RowPairSpec extends RowLine {
  /** Clear width between the two rows' faces, m. */
  aisleWidthM: number;
  aisle: 'cold' | 'hot';
}

export interface RackSize {
  widthM: number;
  depthM: number;
}

/** At most this many racks in one row: a 10,000-rack site has rows of tens, not thousands. */
export const MAX_ROW_RACKS = 500;

/** The row's axis: the unit vector along the dominant direction of start → end (+x when they coincide). */
export function rowAxis(start: Point2, end: Point2): Point2 {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  if (dx === 0 && dy === 0) return { x: 1, y: 0 };
  return Math.abs(dx) >= Math.abs(dy) ? { x: Math.sign(dx), y: 0 } : { x: 0, y: Math.sign(dy) };
}

/** How many racks a line holds: its length along the axis over the pitch, plus the first. */
export function rowCount(line: RowLine): number {
  if (line.count !== undefined) return line.count;
  const axis = rowAxis(line.start, line.end);
  const length = (line.end.x - line.start.x) * axis.x + (line.end.y - line.start.y) * axis.y;
  return Math.floor(length / line.pitchM + 1e-9) + 1;
}

/** Why a row cannot be laid as asked, or null. */
export function rowProblem(line: RowLine, size: RackSize): string | null {
  if (!(line.pitchM > 0) || !Number.isFinite(line.pitchM)) return 'The pitch must be a positive length.';
  if (line.pitchM < size.widthM - 1e-9)
    return `A pitch of ${line.pitchM} m is less than the rack width (${size.widthM} m): the racks would overlap.`;
  const n = rowCount(line);
  if (!Number.isInteger(n) || n < 1) return 'A row needs at least one rack.';
  if (n > MAX_ROW_RACKS) return `${n} racks is more than one row takes (${MAX_ROW_RACKS}); lay several rows.`;
  return null;
}

function slotsAlong(line: RowLine, origin: Point2, rotationDeg: Rotation): RowSlot[] {
  const axis = rowAxis(line.start, line.end);
  const round = (v: number) => Number(v.toFixed(6));
  return Array.from({ length: rowCount(line) }, (_, i) => ({
    position: { x: round(origin.x + axis.x * i * line.pitchM), y: round(origin.y + axis.y * i * line.pitchM) },
    rotationDeg,
  }));
}

/** Where the racks of one row go, centred on the line. */
export function rowSlots(spec: RowSpec): RowSlot[] {
  const axis = rowAxis(spec.start, spec.end);
  const alongX = axis.x !== 0;
  const rotationDeg: Rotation = alongX ? (spec.facing === 'a' ? 0 : 180) : spec.facing === 'a' ? 90 : 270;
  return slotsAlong(spec, spec.start, rotationDeg);
}

/**
 * The two rows of a pair, the line being the aisle's centreline: each row's centreline lies half
 * the aisle plus half a rack depth to either side.
 */
export function rowPairSlots(spec: RowPairSpec, size: RackSize): [RowSlot[], RowSlot[]] {
  const axis = rowAxis(spec.start, spec.end);
  const normal = { x: Math.abs(axis.y), y: Math.abs(axis.x) };
  const offset = spec.aisleWidthM / 2 + size.depthM / 2;
  const towards = (sign: 1 | -1): Rotation => {
    // A row on the −normal side faces +normal into a cold aisle, away from a hot one.
    const intoAisle = spec.aisle === 'cold' ? 1 : -1;
    return rotationFacing({ x: -sign * intoAisle * normal.x, y: -sign * intoAisle * normal.y });
  };
  const side = (sign: 1 | -1) =>
    slotsAlong(
      spec,
      { x: spec.start.x + sign * offset * normal.x, y: spec.start.y + sign * offset * normal.y },
      towards(sign),
    );
  return [side(-1), side(1)];
}

export interface LaidRows {
  rows: Row[];
  racks: Rack[];
  circuits: Circuit[];
}

/**
 * New rows of new racks of `rackTypeId` at `slots` (one list per row), named Hall-Row-Position,
 * each rack with its own A and B circuits (415 V 3φ 63 A, worked case 1) under `feeds` and
 * declared 2N, as placing a single rack does.
 */
export function layRows(
  doc: ProjectDocument,
  hall: Hall,
  rackTypeId: string,
  slots: readonly RowSlot[][],
  feeds: { a: string | null; b: string | null },
): LaidRows {
  const nextId = idAllocator(doc);
  const names = new Set(doc.racks.map((r) => r.name));
  const out: LaidRows = { rows: [], racks: [], circuits: [] };
  const taken: number[] = [];
  for (const rowSlotsList of slots) {
    const number = nextRowNumber(doc, hall.id, taken);
    taken.push(number);
    const row: Row = { id: nextId('row'), hallId: hall.id, name: rowName(number) };
    out.rows.push(row);
    rowSlotsList.forEach((slot, i) => {
      let name = rackName(hall.code, number, i + 1);
      for (let k = 2; names.has(name); k++) name = `${rackName(hall.code, number, i + 1)} (${k})`;
      names.add(name);
      const rackId = nextId('rack');
      const circuitIds = { a: nextId(`ckt-${rackId}-a`, true), b: nextId(`ckt-${rackId}-b`, true) };
      const made = rackWithCircuits({ rackId, circuitIds, name, hallId: hall.id, rackTypeId, slot, feeds });
      out.racks.push({ ...made.rack, rowId: row.id });
      out.circuits.push(...made.circuits);
    });
  }
  return out;
}

/** A new 2N rack with its A and B circuits under `feeds`. */
export function rackWithCircuits(spec: {
  rackId: string;
  circuitIds: { a: string; b: string };
  name: string;
  hallId: string;
  rackTypeId: string;
  slot: RowSlot;
  feeds: { a: string | null; b: string | null };
}): { rack: Rack; circuits: Circuit[] } {
  const { rackId, circuitIds, name, hallId, rackTypeId, slot, feeds } = spec;
  const a = { ...defaultRackCircuit(circuitIds.a, `${name} A`, 'A'), parentId: feeds.a };
  const b = { ...defaultRackCircuit(circuitIds.b, `${name} B`, 'B'), parentId: feeds.b };
  const rack = newRack({
    id: rackId,
    name,
    hallId,
    rackTypeId,
    position: slot.position,
    rotationDeg: slot.rotationDeg,
    feeds: { a: a.id, b: b.id },
    redundancy: '2N',
  });
  return { rack, circuits: [a, b] };
}

/** The racks' sizes for laying rows: the catalog's, else the common 600 × 1200 mm. */
export function rackTypeSize(catalog: CatalogView, rackTypeId: string): RackSize {
  const t = catalog.rackType(rackTypeId);
  return { widthM: t?.widthM ?? 0.6, depthM: t?.depthM ?? 1.2 };
}
