import { describe, expect, it } from 'vitest';
import { MAX_DXF_CHARS, MAX_DXF_SEGMENTS, planFromDxf, readDxf, type DxfDrawing, type PlanOptions } from './dxf';
import { HALL_OUTLINE_MM, writeDxf, type TestDrawing, type TestEntity } from './dxfWriter.testing';

const LAYERS = ['A-WALL', 'A-DOOR', 'FURN'];

/** A hall in millimetres: the 60 × 24 m outline, a partition, a door with its swing, a desk. */
const HALL: TestEntity[] = [
  HALL_OUTLINE_MM,
  { type: 'LINE', layer: 'A-WALL', a: [20_000, 0], b: [20_000, 10_000] },
  { type: 'LINE', layer: 'A-DOOR', a: [30_000, 0], b: [31_000, 0] },
  { type: 'ARC', layer: 'A-DOOR', centre: [30_000, 0], radius: 1_000, startDeg: 0, endDeg: 90 },
  {
    type: 'LWPOLYLINE',
    layer: 'FURN',
    points: [
      [5_000, 5_000],
      [6_600, 5_000],
      [6_600, 5_800],
    ],
  },
];

const drawingOf = (d: Partial<TestDrawing> = {}): DxfDrawing => {
  const read = readDxf(writeDxf({ insunits: 4, layers: LAYERS, entities: HALL, ...d }));
  if (!read.ok) throw new Error(read.error);
  return read.drawing;
};

const options = (o: Partial<PlanOptions> = {}): PlanOptions => ({
  layers: ['A-WALL'],
  units: 'mm',
  wallThicknessM: 0.2,
  wallHeightM: 6,
  ...o,
});

const plan = (drawing: DxfDrawing, o: Partial<PlanOptions> = {}) => {
  const result = planFromDxf(drawing, options(o));
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};

const errorOf = (text: string) => {
  const read = readDxf(text);
  return read.ok ? null : read.error;
};

describe('readDxf', () => {
  it('lists every layer with its LINE, LWPOLYLINE and POLYLINE counts and what it does not read', () => {
    const drawing = drawingOf({
      layers: [...LAYERS, 'EMPTY'],
      entities: [
        ...HALL,
        {
          type: 'POLYLINE',
          layer: 'A-WALL',
          points: [
            [0, 0],
            [1, 0],
          ],
        },
      ],
    });
    expect(
      drawing.layers.map(({ name, lines, lwpolylines, polylines, unread }) => ({
        name,
        lines,
        lwpolylines,
        polylines,
        unread,
      })),
    ).toEqual([
      { name: 'A-DOOR', lines: 1, lwpolylines: 0, polylines: 0, unread: { ARC: 1 } },
      { name: 'A-WALL', lines: 1, lwpolylines: 1, polylines: 1, unread: {} },
      { name: 'EMPTY', lines: 0, lwpolylines: 0, polylines: 0, unread: {} },
      { name: 'FURN', lines: 0, lwpolylines: 1, polylines: 0, unread: {} },
    ]);
    expect(drawing.extents).toEqual({ minX: 0, minY: 0, maxX: 60_000, maxY: 24_000 });
  });

  it('reads the units from $INSUNITS', () => {
    const units = (insunits: number) => drawingOf({ insunits });
    expect(units(4)).toMatchObject({ insunits: 4, detectedUnits: 'mm', unitsGuessed: false });
    expect(units(5).detectedUnits).toBe('cm');
    expect(units(6).detectedUnits).toBe('m');
    expect(units(1).detectedUnits).toBe('in');
    expect(units(2).detectedUnits).toBe('ft');
    expect(units(4).unitsNote).toBe('millimetres, stated by the drawing ($INSUNITS 4)');
    // Yards are a real $INSUNITS code the import does not convert: the user is asked.
    expect(units(10)).toMatchObject({ detectedUnits: null, unitsGuessed: false });
    expect(units(10).unitsNote).toMatch(/yards.*choose the units/);
  });

  it('guesses the units from the size when $INSUNITS is absent or unitless, and says it is a guess', () => {
    const inMm = drawingOf({ insunits: null });
    expect(inMm).toMatchObject({ insunits: null, detectedUnits: 'mm', unitsGuessed: true });
    expect(inMm.unitsNote).toBe(
      'not stated — guessed millimetres: the drawing is 60,000 units across, a hall of 20–200 m',
    );
    const inM = drawingOf({ insunits: 0, entities: [{ type: 'LINE', layer: 'A-WALL', a: [0, 0], b: [60, 24] }] });
    expect(inM).toMatchObject({ insunits: 0, detectedUnits: 'm', unitsGuessed: true });
    const odd = drawingOf({ insunits: null, entities: [{ type: 'LINE', layer: 'A-WALL', a: [0, 0], b: [1_234, 0] }] });
    expect(odd).toMatchObject({ detectedUnits: null, unitsGuessed: false });
    expect(odd.unitsNote).toMatch(/1,234 units across.*choose the units/);
  });

  it('leaves out curved polyline segments (bulges), counting them as arcs', () => {
    const drawing = drawingOf({
      entities: [
        {
          type: 'LWPOLYLINE',
          layer: 'A-WALL',
          points: [
            [0, 0],
            [10_000, 0, 1],
            [10_000, 10_000],
          ],
        },
      ],
    });
    const wall = drawing.layers.find((l) => l.name === 'A-WALL')!;
    expect(wall.arcs).toBe(1);
    expect(wall.segments).toEqual([{ a: { x: 0, y: 0 }, b: { x: 10_000, y: 0 } }]);
  });

  it('reads a polyline drawn in the mirrored object coordinate system (extrusion 0, 0, −1) the right way round', () => {
    const drawing = drawingOf({
      entities: [
        {
          type: 'LWPOLYLINE',
          layer: 'A-WALL',
          points: [
            [1_000, 0],
            [5_000, 0],
          ],
          extrusionZ: -1,
        },
      ],
    });
    expect(drawing.layers.find((l) => l.name === 'A-WALL')!.segments).toEqual([
      { a: { x: -1_000, y: 0 }, b: { x: -5_000, y: 0 } },
    ]);
  });

  it('reads CR LF and CR line ends as LF', () => {
    const text = writeDxf({ insunits: 4, layers: LAYERS, entities: HALL });
    const lf = readDxf(text);
    expect(readDxf(text.replaceAll('\n', '\r\n'))).toEqual(lf);
    expect(readDxf(text.replaceAll('\n', '\r'))).toEqual(lf);
  });

  it('leaves paper space out', () => {
    const drawing = drawingOf({
      entities: [HALL_OUTLINE_MM, { type: 'LINE', layer: 'A-WALL', a: [0, 0], b: [420, 297], paperSpace: true }],
    });
    expect(drawing.paperSpace).toBe(1);
    expect(drawing.layers.find((l) => l.name === 'A-WALL')!.lines).toBe(0);
    expect(plan(drawing).warnings).toContain('1 entity in paper space (sheet borders, title blocks) left out.');
  });
});

describe('planFromDxf', () => {
  it('converts millimetres to metres and starts the plan at (0, 0)', () => {
    const p = plan(drawingOf());
    expect(p).toMatchObject({ widthM: 60, depthM: 24, wallThicknessM: 0.2, wallHeightM: 6 });
    expect(p.walls).toHaveLength(5);
    expect(p.walls).toContainEqual({ a: { x: 20, y: 24 }, b: { x: 20, y: 14 } });
    expect(p.warnings).toEqual([]);
  });

  it('keeps to the chosen layers and reports what they hold that it does not import', () => {
    const doors = plan(drawingOf(), { layers: ['A-DOOR'] });
    expect(doors).toMatchObject({ widthM: 1, depthM: 0, skipped: { arcs: 0, other: 1 } });
    expect(doors.walls).toEqual([{ a: { x: 0, y: 0 }, b: { x: 1, y: 0 } }]);
    expect(doors.warnings).toEqual(['Not imported from the chosen layers: 1 ARC.']);
    const both = plan(drawingOf(), { layers: ['A-WALL', 'FURN'] });
    expect(both.walls).toHaveLength(7);
  });

  it('closes a closed polyline: a rectangle gives four walls, corner to corner', () => {
    const p = plan(drawingOf({ entities: [HALL_OUTLINE_MM] }));
    expect(p.walls).toEqual([
      { a: { x: 0, y: 24 }, b: { x: 60, y: 24 } },
      { a: { x: 60, y: 24 }, b: { x: 60, y: 0 } },
      { a: { x: 60, y: 0 }, b: { x: 0, y: 0 } },
      { a: { x: 0, y: 0 }, b: { x: 0, y: 24 } },
    ]);
    const old = plan(
      drawingOf({
        entities: [
          {
            type: 'POLYLINE',
            layer: 'A-WALL',
            points: [
              [0, 0],
              [60_000, 0],
              [60_000, 24_000],
              [0, 24_000],
            ],
            closed: true,
          },
        ],
      }),
    );
    expect(old.walls).toEqual(p.walls);
  });

  it('is not mirrored: an L drawn with its upright on the left and its foot at the bottom shows so in plan view', () => {
    // In the CAD program (Y up): the foot runs along the bottom, 20 m wide and 10 m tall; the
    // upright rises on the left, 10 m wide, to 30 m. Plan view shows y growing down the screen,
    // so the foot must have the largest y and the upright the smallest x.
    const L: TestEntity = {
      type: 'LWPOLYLINE',
      layer: 'A-WALL',
      points: [
        [0, 0],
        [20, 0],
        [20, 10],
        [10, 10],
        [10, 30],
        [0, 30],
      ],
      closed: true,
    };
    const p = plan(drawingOf({ insunits: 6, entities: [L] }), { units: 'm' });
    expect(p).toMatchObject({ widthM: 20, depthM: 30 });
    const foot = p.walls[0]!;
    expect(foot).toEqual({ a: { x: 0, y: 30 }, b: { x: 20, y: 30 } });
    const top = p.walls.find((w) => w.a.y === 0 && w.b.y === 0)!;
    expect(top).toEqual({ a: { x: 10, y: 0 }, b: { x: 0, y: 0 } });
    // The notch (no wall) is at the top right of the plan view.
    expect(p.walls).toContainEqual({ a: { x: 20, y: 20 }, b: { x: 10, y: 20 } });
  });

  it('imports a segment drawn twice once, and says so', () => {
    const p = plan(
      drawingOf({
        entities: [
          { type: 'LINE', layer: 'A-WALL', a: [0, 0], b: [30_000, 0] },
          { type: 'LINE', layer: 'A-WALL', a: [30_000, 0], b: [0, 0] },
        ],
      }),
    );
    expect(p.walls).toHaveLength(1);
    expect(p.warnings).toContain('1 segment was drawn twice; each wall is imported once.');
  });

  it('warns about guessed units, curved segments and blocks that are not exploded', () => {
    const p = plan(
      drawingOf({
        insunits: null,
        entities: [
          HALL_OUTLINE_MM,
          {
            type: 'LWPOLYLINE',
            layer: 'A-WALL',
            points: [
              [0, 0, 0.5],
              [1_000, 0],
            ],
          },
          { type: 'INSERT', layer: 'A-WALL', block: 'COLUMN', at: [5_000, 5_000] },
        ],
      }),
    );
    expect(p.skipped).toEqual({ arcs: 1, other: 1 });
    expect(p.warnings).toEqual([
      'The units are a guess (not stated — guessed millimetres: the drawing is 60,000 units across, a hall of 20–200 m): check the size before importing.',
      '1 curved polyline segment (bulges) left out: a curved wall has a gap there.',
      'Not imported from the chosen layers: 1 INSERT.',
      'Blocks (INSERT) are not exploded: explode them in the CAD program to import the walls they draw.',
    ]);
  });

  it('converts inches and feet exactly (1 in = 0.0254 m, 1 ft = 0.3048 m, NIST SP 811)', () => {
    const line = (len: number): TestEntity => ({ type: 'LINE', layer: 'A-WALL', a: [0, 0], b: [len, 0] });
    expect(plan(drawingOf({ insunits: 1, entities: [line(1_000)] }), { units: 'in' }).widthM).toBe(25.4);
    expect(plan(drawingOf({ insunits: 2, entities: [line(200)] }), { units: 'ft' }).widthM).toBe(60.96);
    expect(plan(drawingOf({ insunits: 5, entities: [line(6_000)] }), { units: 'cm' }).widthM).toBe(60);
  });

  it('refuses no layers, a layer that is not there, layers without lines and walls out of range', () => {
    const drawing = drawingOf();
    const error = (o: Partial<PlanOptions>) => {
      const r = planFromDxf(drawing, options(o));
      return r.ok ? null : r.error;
    };
    expect(error({ layers: [] })).toBe('Choose at least one layer that draws the walls.');
    expect(error({ layers: ['S-GRID'] })).toBe('The drawing has no layer "S-GRID".');
    expect(error({ wallThicknessM: 0 })).toMatch(/thickness must be more than 0 m/);
    expect(error({ wallHeightM: Number.NaN })).toMatch(/height must be more than 0 m/);
    const arcsOnly = drawingOf({
      entities: [{ type: 'ARC', layer: 'A-DOOR', centre: [0, 0], radius: 900, startDeg: 0, endDeg: 90 }],
    });
    const r = planFromDxf(arcsOnly, options({ layers: ['A-DOOR'] }));
    expect(r.ok ? null : r.error).toBe(
      'The chosen layers ("A-DOOR") hold no straight lines (only 1 ARC, which are not imported). Choose the layers that draw the walls.',
    );
  });
});

describe('hostile input', () => {
  it('refuses text that is not DXF with a message saying so', () => {
    expect(errorOf('Hello, this is a letter.\nNot a drawing.\n')).toBe(
      'This is not an ASCII DXF file: it should start with the group code 0, but line 1 reads "Hello, this is a letter.".',
    );
    expect(errorOf('')).toBe('The file is empty: there is no DXF drawing in it.');
    expect(errorOf('AC1032\u0000\u0000binary')).toMatch(/DWG file/);
    expect(errorOf('AutoCAD Binary DXF\r\n\u001a\u0000')).toMatch(/binary DXF/);
    const cut = writeDxf({ insunits: 4, layers: LAYERS, entities: HALL });
    expect(errorOf(cut.slice(0, cut.indexOf('0\nENDSEC\n0\nEOF')))).toMatch(
      /^The ENTITIES section that starts on line \d+ is not closed by ENDSEC: the file is damaged or cut short\.$/,
    );
    expect(errorOf(cut.replace('0\nEOF\n', ''))).toBe(
      'The file does not end with 0/EOF: it is cut short. Export it again.',
    );
  });

  it('refuses coordinates that are not numbers, or not finite, naming the line or the entity and layer', () => {
    const nan = errorOf(
      writeDxf({
        insunits: 4,
        layers: LAYERS,
        entities: [{ type: 'LINE', layer: 'A-WALL', a: [Number.NaN, 0], b: [1, 1] }],
      }),
    );
    expect(nan).toMatch(
      /^Line \d+: the LINE on line \d+ has the coordinate "NaN", which is not a number\. The DXF file is damaged/,
    );
    const outline = writeDxf({ insunits: 4, layers: LAYERS, entities: [HALL_OUTLINE_MM] });
    expect(errorOf(outline.replace('60000', '6e0x0'))).toMatch(/has the coordinate "6e0x0", which is not a number/);
    expect(errorOf(outline.replace('60000', 'Infinity'))).toMatch(
      /has the coordinate "Infinity", which is not a number/,
    );
    // A number too large for a double is written as a number but reads as infinity.
    expect(errorOf(outline.replace('60000', '1e999'))).toBe(
      'The LWPOLYLINE on layer "A-WALL" has a coordinate that is missing or not a finite number: the file is damaged, or its exporter wrote NaN or infinity. Fix or delete that entity in the CAD program and import again.',
    );
  });

  it('refuses a plan over 10 km across, and says to check the units', () => {
    const far = drawingOf({ entities: [{ type: 'LINE', layer: 'A-WALL', a: [0, 0], b: [10_000_001, 0] }] });
    const r = planFromDxf(far, options());
    expect(r.ok ? null : r.error).toMatch(/span 10,000 m × 0 m; a plan is at most 10,000 m \(10 km\) across/);
    const mmAsM = planFromDxf(drawingOf(), options({ units: 'm' }));
    expect(mmAsM.ok ? null : mmAsM.error).toMatch(/^Read in metres, the chosen layers span 60,000 m × 24,000 m/);
    const huge = drawingOf({ entities: [{ type: 'LINE', layer: 'A-WALL', a: [-1e308, 0], b: [1e308, 0] }] });
    expect(planFromDxf(huge, options()).ok).toBe(false);
  });

  it(`refuses more than ${MAX_DXF_SEGMENTS.toLocaleString('en-US')} segments and files over 50 MB`, () => {
    const lines: TestEntity[] = Array.from({ length: MAX_DXF_SEGMENTS + 1 }, (_, i) => ({
      type: 'LINE',
      layer: 'A-WALL',
      a: [i, 0],
      b: [i, 1],
    }));
    expect(errorOf(writeDxf({ insunits: 4, layers: LAYERS, entities: lines }))).toMatch(
      /more than 100,000 line segments in model space/,
    );
    expect(readDxf(writeDxf({ insunits: 4, layers: LAYERS, entities: lines.slice(1) })).ok).toBe(true);
    expect(errorOf(' '.repeat(MAX_DXF_CHARS + 1))).toMatch(
      /^The file is 50\.0 MB; DXF import reads files up to 50\.0 MB/,
    );
  }, 60_000);

  // Each of these made dxf-parser 1.1.2 loop for ever before the structure scan (dxfScan.ts).
  it('refuses the damaged structures the parser would hang on, naming the line', () => {
    const text = writeDxf({
      insunits: 4,
      layers: LAYERS,
      entities: [
        {
          type: 'POLYLINE',
          layer: 'A-WALL',
          points: [
            [0, 0],
            [1, 0],
          ],
        },
        HALL_OUTLINE_MM,
      ],
    });
    expect(errorOf(text.replace('0\nSEQEND\n8\nA-WALL\n', ''))).toMatch(
      /^The POLYLINE on line \d+ is not ended by SEQEND \(line \d+ starts "LWPOLYLINE"\)/,
    );
    expect(errorOf(text.replace('0\nLAYER\n2\nFURN', '0\nVPORT\n2\nFURN'))).toMatch(
      /^Line \d+: the LAYER table holds a "VPORT" record, where only LAYER records belong/,
    );
    expect(errorOf(text.replace('10\n60000\n20\n0\n', '10\n60000\n999\nx\n20\n0\n'))).toMatch(
      /the vertex X on line \d+ is not followed by its Y \(group 20\)/,
    );
    expect(errorOf(text.replace('90\n4\n', '90\n999999999\n'))).toMatch(
      /declares 999999999 vertices \(group 90\) but lists 4/,
    );
  });

  it('answers every damaged variant of a drawing with a plan or an error, never a throw or a hang', () => {
    const groups = writeDxf({ insunits: 4, layers: LAYERS, entities: HALL }).trim().split('\n');
    const pairs = Array.from({ length: groups.length / 2 }, (_, i) => [groups[2 * i]!, groups[2 * i + 1]!]);
    const words = ['0', '8', '10', '20', '42', '70', '90', 'POLYLINE', 'VERTEX', 'SEQEND', 'LAYER', 'ENDTAB', 'NaN'];
    let seed = 42;
    // A linear congruential generator (glibc's constants): the same variants on every run.
    const random = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    for (let run = 0; run < 300; run++) {
      const variant = pairs.map((p) => [...p]);
      for (let edit = 0; edit < 3; edit++) {
        const i = random(variant.length);
        const op = random(4);
        if (op === 0) variant.splice(i, 1);
        else if (op === 1) variant.splice(i, 0, [...variant[i]!]);
        else if (op === 2) variant[i]![1] = words[random(words.length)]!;
        else variant.splice(i, 0, ['0', words[7 + random(5)]!]);
      }
      const read = readDxf(variant.flat().join('\n'));
      if (read.ok) expect(read.drawing.layers.length).toBeGreaterThan(0);
      else expect(read.error.length).toBeGreaterThan(20);
    }
  });
});
