/**
 * A tiny ASCII DXF writer for the import's tests (unit and end-to-end): a HEADER with $INSUNITS,
 * the LAYER table and the entities, group code / value lines as the AutoCAD DXF Reference lays
 * them out. Numbers are written with String(), so a test can write NaN or Infinity on purpose.
 */
export type XY = readonly [number, number];

export type TestEntity =
  | { type: 'LINE'; layer: string; a: XY; b: XY; paperSpace?: boolean }
  /** Vertices as [x, y] or [x, y, bulge]. */
  | {
      type: 'LWPOLYLINE';
      layer: string;
      points: readonly (XY | readonly [number, number, number])[];
      closed?: boolean;
      /** Z of the extrusion direction (group 230): −1 draws the polyline in the mirrored object coordinate system. */
      extrusionZ?: number;
    }
  | { type: 'POLYLINE'; layer: string; points: readonly XY[]; closed?: boolean }
  | { type: 'ARC'; layer: string; centre: XY; radius: number; startDeg: number; endDeg: number }
  | { type: 'INSERT'; layer: string; block: string; at: XY };

export interface TestDrawing {
  /** $INSUNITS, or null to leave the variable out. */
  insunits: number | null;
  layers: readonly string[];
  entities: readonly TestEntity[];
}

function groups(pairs: readonly (readonly [number, string | number])[]): string[] {
  return pairs.flatMap(([code, value]) => [String(code), String(value)]);
}

function entity(e: TestEntity): string[] {
  switch (e.type) {
    case 'LINE':
      return groups([
        [0, 'LINE'],
        [8, e.layer],
        ...(e.paperSpace ? ([[67, 1]] as const) : []),
        [10, e.a[0]],
        [20, e.a[1]],
        [30, 0],
        [11, e.b[0]],
        [21, e.b[1]],
        [31, 0],
      ]);
    case 'LWPOLYLINE':
      return groups([
        [0, 'LWPOLYLINE'],
        [8, e.layer],
        [90, e.points.length],
        [70, e.closed ? 1 : 0],
        ...e.points.flatMap((p) => [
          [10, p[0]] as const,
          [20, p[1]] as const,
          ...(p.length === 3 ? [[42, p[2]] as const] : []),
        ]),
        ...(e.extrusionZ === undefined
          ? []
          : ([
              [210, 0],
              [220, 0],
              [230, e.extrusionZ],
            ] as const)),
      ]);
    case 'POLYLINE':
      return groups([
        [0, 'POLYLINE'],
        [8, e.layer],
        [66, 1],
        [10, 0],
        [20, 0],
        [30, 0],
        [70, e.closed ? 1 : 0],
        ...e.points.flatMap((p) => [
          [0, 'VERTEX'] as const,
          [8, e.layer] as const,
          [10, p[0]] as const,
          [20, p[1]] as const,
          [30, 0] as const,
        ]),
        [0, 'SEQEND'],
        [8, e.layer],
      ]);
    case 'ARC':
      return groups([
        [0, 'ARC'],
        [8, e.layer],
        [10, e.centre[0]],
        [20, e.centre[1]],
        [30, 0],
        [40, e.radius],
        [50, e.startDeg],
        [51, e.endDeg],
      ]);
    case 'INSERT':
      return groups([
        [0, 'INSERT'],
        [8, e.layer],
        [2, e.block],
        [10, e.at[0]],
        [20, e.at[1]],
        [30, 0],
      ]);
  }
}

export function writeDxf(drawing: TestDrawing): string {
  const header =
    drawing.insunits === null
      ? []
      : groups([
          [9, '$INSUNITS'],
          [70, drawing.insunits],
        ]);
  const layers = drawing.layers.flatMap((name) =>
    groups([
      [0, 'LAYER'],
      [2, name],
      [70, 0],
      [62, 7],
      [6, 'CONTINUOUS'],
    ]),
  );
  return [
    ...groups([
      [0, 'SECTION'],
      [2, 'HEADER'],
      [9, '$ACADVER'],
      [1, 'AC1015'],
    ]),
    ...header,
    ...groups([
      [0, 'ENDSEC'],
      [0, 'SECTION'],
      [2, 'TABLES'],
      [0, 'TABLE'],
      [2, 'LAYER'],
      [70, drawing.layers.length],
    ]),
    ...layers,
    ...groups([
      [0, 'ENDTAB'],
      [0, 'ENDSEC'],
      [0, 'SECTION'],
      [2, 'ENTITIES'],
    ]),
    ...drawing.entities.flatMap(entity),
    ...groups([
      [0, 'ENDSEC'],
      [0, 'EOF'],
    ]),
    '',
  ].join('\n');
}

/** A 60 × 24 m hall outline (closed LWPOLYLINE) in millimetres, as most CAD plans are drawn. */
export const HALL_OUTLINE_MM: TestEntity = {
  type: 'LWPOLYLINE',
  layer: 'A-WALL',
  points: [
    [0, 0],
    [60_000, 0],
    [60_000, 24_000],
    [0, 24_000],
  ],
  closed: true,
};
