/**
 * The drawing units of a DXF plan: stated by the header's $INSUNITS, else guessed from its size.
 *
 * $INSUNITS codes: Autodesk, AutoCAD DXF Reference, HEADER section variables ($INSUNITS, "default
 * drawing units for AutoCAD DesignCenter blocks"), which CAD programs write as the drawing's unit.
 * Factors to metres are exact by definition (NIST SP 811, Appendix B): 1 in = 0.0254 m,
 * 1 ft = 0.3048 m.
 */
export type DxfUnits = 'mm' | 'cm' | 'm' | 'in' | 'ft';

export const DXF_UNITS: readonly DxfUnits[] = ['mm', 'cm', 'm', 'in', 'ft'];

export const METRES_PER_UNIT: Record<DxfUnits, number> = { mm: 0.001, cm: 0.01, m: 1, in: 0.0254, ft: 0.3048 };

export const DXF_UNIT_NAMES: Record<DxfUnits, string> = {
  mm: 'millimetres',
  cm: 'centimetres',
  m: 'metres',
  in: 'inches',
  ft: 'feet',
};

const FROM_INSUNITS: Partial<Record<number, DxfUnits>> = { 1: 'in', 2: 'ft', 4: 'mm', 5: 'cm', 6: 'm' };

/** Codes the import does not convert, named for the message that says so. */
const OTHER_INSUNITS: Partial<Record<number, string>> = {
  3: 'miles',
  7: 'kilometres',
  8: 'microinches',
  9: 'mils',
  10: 'yards',
  11: 'ångströms',
  12: 'nanometres',
  13: 'microns',
  14: 'decimetres',
  15: 'decametres',
  16: 'hectometres',
  17: 'gigametres',
  18: 'astronomical units',
  19: 'light years',
  20: 'parsecs',
  21: 'US survey feet',
};

/**
 * Hall widths the guess recognises: 20–200 m covers data halls and the mining sheds they are
 * converted from (a 60 × 24 m hall is the sample); the same span in millimetres is 20,000–200,000.
 */
const HALL_SPAN = { min: 20, max: 200 } as const;

export interface DetectedUnits {
  units: DxfUnits | null;
  /** True when the header does not state the units and they come from the drawing's size. */
  guessed: boolean;
  /** Where the units come from, in one sentence for the user. */
  note: string;
}

const grouped = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** The units from $INSUNITS (null when absent) and the larger side of the drawing, in drawing units. */
export function detectUnits(insunits: number | null, span: number | null): DetectedUnits {
  const stated = insunits === null ? undefined : FROM_INSUNITS[insunits];
  if (stated)
    return {
      units: stated,
      guessed: false,
      note: `${DXF_UNIT_NAMES[stated]}, stated by the drawing ($INSUNITS ${insunits})`,
    };
  const other = insunits === null ? undefined : OTHER_INSUNITS[insunits];
  if (other)
    return {
      units: null,
      guessed: false,
      note: `the drawing states ${other} ($INSUNITS ${insunits}), which the import does not convert: choose the units it was drawn in`,
    };
  const why = insunits === null ? 'not stated' : `not stated ($INSUNITS ${insunits})`;
  if (span === null) return { units: null, guessed: false, note: `${why}: choose the units` };
  const across = `the drawing is ${grouped(span)} units across`;
  if (span >= HALL_SPAN.min && span <= HALL_SPAN.max)
    return { units: 'm', guessed: true, note: `${why} — guessed metres: ${across}, a hall of 20–200 m` };
  if (span >= HALL_SPAN.min * 1000 && span <= HALL_SPAN.max * 1000)
    return { units: 'mm', guessed: true, note: `${why} — guessed millimetres: ${across}, a hall of 20–200 m` };
  return {
    units: null,
    guessed: false,
    note: `${why}, and ${across}, no usual hall size in metres (20–200) or millimetres (20,000–200,000): choose the units`,
  };
}
