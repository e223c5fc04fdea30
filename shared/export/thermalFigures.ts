/**
 * How the app and the design report read a thermal result: the racks' inlets worst first and the
 * verdict bands of Herrlin's indices. One copy, so the Thermal tab and the PDF agree.
 */
import type { InletStatus, RackInletResult } from '../thermal/types';

/** How bad each status is, worst first: above the allowable limit, outside the recommended range, within it, not on air. */
const STATUS_RANK: Record<InletStatus, number> = {
  'over-allowable': 0,
  'over-recommended': 1,
  'under-recommended': 1,
  ok: 2,
  'not-air-cooled': 3,
};

/**
 * The racks' inlets worst first: by status (over the allowable limit, then outside the recommended
 * range, then within it, racks not air-cooled last), and within a status by the least margin from
 * the hottest intake cell to the recommended maximum.
 */
export function inletsWorstFirst(racks: readonly RackInletResult[]): RackInletResult[] {
  const margin = (r: RackInletResult) => r.recommendedMaxC - r.inletMaxC;
  return [...racks].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] || margin(a) - margin(b) || a.rackId.localeCompare(b.rackId),
  );
}

/** Herrlin's bands, as the engine's findings state them. */
export {
  rciVerdict,
  rtiNetVerdict as rtiVerdict,
  type RciVerdict as IndexVerdict,
  type RtiNetVerdict as RtiVerdict,
} from '../thermal/indices';

export const INLET_STATUS_NAMES: Record<InletStatus, string> = {
  ok: 'OK',
  'over-recommended': 'over recommended',
  'over-allowable': 'over allowable',
  'under-recommended': 'under recommended',
  'not-air-cooled': 'not air-cooled',
};
