/**
 * Floor findings (docs/engine/floor.md). Rack-level rules report one finding per hall and basis,
 * naming every rack (worst first), so a 10,000-rack site gets a readable list; each states the
 * worst rack's three bases, its mass and what it is made of, and where its aisle shares come from.
 */
import type { Hall, ProjectDocument } from '../../model/schema';
import { plural } from '../../text';
import { formatQuantity } from '../../units/units';
import { finding, type Finding } from '../types';
import type { RackAisles } from './aisles';
import { AISLE_HALF_CAP_M, G, RACK_PDU_KG, type FloorLoad } from './load';
import type { RackMass } from './mass';

/** One rack's floor load with everything behind it. */
export interface RackFloorLoad extends FloorLoad {
  rackId: string;
  hallId: string;
  mass: RackMass;
  widthM: number;
  depthM: number;
  loadPoints: number;
  aisles: RackAisles;
}

const RATINGS =
  'TIA-942 Rated-3 computer room 12 kPa (250 lbf/ft²) superimposed live load (EPI); TIA-569 12 kPa distributed + 4.5 kN (1,000 lbf) concentrated (GSA P100 §4.3); figures.md §4.1';
const SRC_LOAD = `${RATINGS}; three bases of worked case 10; g = ${G} m/s²; rack PDUs ${RACK_PDU_KG} kg each [U]`;
const SRC_TILE =
  'IBM floor construction and floor loading: each raised-floor tile carries ≥ ⅓ of the rack weight, ≥ ½ under a caster when moving (figures.md §4.1)';
const MASS_FORMULA = 'm = empty rack + Σ devices + 12 kg per rack PDU (one per connected circuit)';

/**
 * A formatter that makes each text once. The imperial figures go through toLocaleString with
 * options, tens of µs a call (a new Intl formatter each time), and a site's halls repeat the same
 * ratings and rack figures. Zero bypasses the cache, which cannot tell 0 from −0.
 */
function once(format: (v: number) => string): (v: number) => string {
  const cache = new Map<number, string>();
  return (v) => {
    if (v === 0) return format(v);
    let text = cache.get(v);
    if (text === undefined) {
      // Bounded: a long session of edits must not grow it without end.
      if (cache.size >= 1024) cache.clear();
      text = format(v);
      cache.set(v, text);
    }
    return text;
  };
}

const kpa = once((v) => `${v.toFixed(2)} kPa (${formatQuantity(v, 'pressure', 'imperial')})`);
const kn = once((v) => `${v.toFixed(2)} kN (${formatQuantity(v, 'force', 'imperial')})`);
/** "1 rack loads", "3 racks load"; "it", "these racks". */
const verb = (n: number) => (n === 1 ? 's' : '');
const them = (n: number) => (n === 1 ? 'it' : 'these racks');
const kg = once((v) => `${v.toLocaleString('en-US', { maximumFractionDigits: 1 })} kg`);

function massText(m: RackMass): string {
  const pdus = m.pdus > 0 ? ` + ${m.pdus} rack PDU${m.pdus > 1 ? 's' : ''} × ${RACK_PDU_KG} kg` : '';
  return `${kg(m.massKg)} = rack ${kg(m.emptyKg)} + devices ${kg(m.devicesKg)}${pdus}`;
}

/** "aisle shares 0.60 m in front, 0.45 m behind (open: half the 0.9 m minimum hot aisle)". */
function aisleText(r: RackFloorLoad, doc: ProjectDocument): string {
  const { minColdAisleM, minHotAisleM } = doc.settings.cooling;
  const side = (half: number, s: RackAisles['front'], where: string, min: number, kind: string) => {
    const why =
      s.by === 'open'
        ? ` (nothing within reach: half the ${min} m minimum ${kind} aisle)`
        : s.halfM > AISLE_HALF_CAP_M
          ? ` (capped at ${AISLE_HALF_CAP_M} m)`
          : '';
    return `${half.toFixed(2)} m ${where}${why}`;
  };
  return `aisle shares ${side(r.frontHalfM, r.aisles.front, 'in front', minColdAisleM, 'cold')}, ${side(r.backHalfM, r.aisles.back, 'behind', minHotAisleM, 'hot')}`;
}

/** The worst rack's figures, named as the values of a finding. */
function rackValues(r: RackFloorLoad): Record<string, number> {
  return {
    massKg: r.mass.massKg,
    emptyKg: r.mass.emptyKg,
    devicesKg: r.mass.devicesKg,
    rackPdus: r.mass.pdus,
    rackPdusKg: r.mass.pdusKg,
    widthM: r.widthM,
    depthM: r.depthM,
    footprintM2: r.footprintM2,
    frontAisleHalfM: r.frontHalfM,
    backAisleHalfM: r.backHalfM,
    frontAisleOpen: r.aisles.front.by === 'open' ? 1 : 0,
    backAisleOpen: r.aisles.back.by === 'open' ? 1 : 0,
    pitchM2: r.pitchM2,
    loadPoints: r.loadPoints,
    footprintKpa: r.footprintKpa,
    pitchKpa: r.pitchKpa,
    pointKn: r.pointKn,
  };
}

type Band = 'distributed' | 'point' | 'footprint';

interface BandText {
  rule: string;
  severity: 'error' | 'warning';
  /** How far over its rating a rack is on this basis: the worst is the largest. */
  ratio: (r: RackFloorLoad, hall: Hall) => number;
  text: (n: number, worst: string, r: RackFloorLoad, hall: Hall, aisles: string) => string;
  formula: string;
}

const BANDS: Record<Band, BandText> = {
  distributed: {
    rule: 'FLOOR-1',
    severity: 'error',
    ratio: (r, h) => r.pitchKpa / h.floor.uniformLoadKpa,
    text: (n, worst, r, h, aisles) =>
      `${plural(n, 'rack')} load${verb(n)} the floor beyond its ${kpa(h.floor.uniformLoadKpa)} uniform rating even spread over ${n === 1 ? 'its' : 'their'} pitch: up to ${kpa(r.pitchKpa)} on ${worst} (${massText(r.mass)}; footprint ${kpa(r.footprintKpa)}, ${kn(r.pointKn)} per load point; ${aisles}). Lighten ${them(n)}, give ${n === 1 ? 'it' : 'them'} wider aisles (up to ${AISLE_HALF_CAP_M} m a side counts), or have the structural engineer declare a higher rating.`,
    formula: `q_pitch = m·g / (w · (d + ½ aisle in front + ½ aisle behind)) ≤ uniform rating, each half ≤ ${AISLE_HALF_CAP_M} m; ${MASS_FORMULA}`,
  },
  point: {
    rule: 'FLOOR-2',
    severity: 'error',
    ratio: (r, h) => r.pointKn / h.floor.pointLoadKn,
    text: (n, worst, r, h) =>
      `${plural(n, 'rack')} put${verb(n)} more on each foot than the floor's ${kn(h.floor.pointLoadKn)} concentrated rating: up to ${kn(r.pointKn)} on ${worst} (${massText(r.mass)} on ${r.loadPoints} load points; footprint ${kpa(r.footprintKpa)}, pitch ${kpa(r.pitchKpa)}). Lighten ${them(n)}, stand ${n === 1 ? 'it' : 'them'} on spreader plates sized by the structural engineer, or have a higher concentrated rating declared.`,
    formula: `P = m·g / load points ≤ concentrated rating; ${MASS_FORMULA}`,
  },
  footprint: {
    rule: 'FLOOR-3',
    severity: 'warning',
    ratio: (r, h) => r.footprintKpa / h.floor.uniformLoadKpa,
    text: (n, worst, r, h, aisles) =>
      `structural review required: ${plural(n, 'rack')} exceed${verb(n)} the ${kpa(h.floor.uniformLoadKpa)} uniform rating under ${n === 1 ? 'its' : 'their'} own footprint, up to ${kpa(r.footprintKpa)} on ${worst} (${massText(r.mass)}), though spread over ${n === 1 ? 'its' : 'their'} pitch (${kpa(r.pitchKpa)}; ${aisles}) and per load point (${kn(r.pointKn)}) ${n === 1 ? 'it is' : 'they are'} within the ratings. Have the structural engineer confirm the floor takes the load concentrated under ${n === 1 ? 'it' : 'these racks'}.`,
    formula: `q_footprint = m·g / (w · d) > uniform rating while q_pitch ≤ uniform rating and P ≤ concentrated rating; ${MASS_FORMULA}`,
  },
};

/** Rack loads against their hall's rating, one finding per hall and basis that fails. */
export function rackFindings(
  doc: ProjectDocument,
  loads: ReadonlyMap<string, RackFloorLoad>,
  rackName: (id: string) => string,
): Finding[] {
  const halls = new Map(doc.halls.map((h) => [h.id, h]));
  const groups = new Map<string, { hall: Hall; band: Band; racks: RackFloorLoad[] }>();
  const add = (band: Band, r: RackFloorLoad) => {
    const key = `${band}:${r.hallId}`;
    const g = groups.get(key) ?? { hall: halls.get(r.hallId)!, band, racks: [] };
    g.racks.push(r);
    groups.set(key, g);
  };
  for (const r of loads.values()) {
    if (!r.pitchOk) add('distributed', r);
    if (!r.pointOk) add('point', r);
    if (r.verdict === 'warning') add('footprint', r);
  }
  return [...groups.values()].map(({ hall, band, racks }) => {
    const b = BANDS[band];
    const sorted = [...racks].sort((x, y) => b.ratio(y, hall) - b.ratio(x, hall));
    const worst = sorted[0]!;
    const open = racks.filter((r) => r.aisles.front.by === 'open' || r.aisles.back.by === 'open').length;
    return finding({
      rule: `floor.${b.rule}`,
      severity: b.severity,
      key: `floor.${b.rule}:${hall.id}`,
      message: `${b.rule}: ${hall.name}: ${b.text(racks.length, rackName(worst.rackId), worst, hall, aisleText(worst, doc))}`,
      entities: sorted.map((r) => r.rackId),
      values: {
        racks: racks.length,
        uniformRatingKpa: hall.floor.uniformLoadKpa,
        pointRatingKn: hall.floor.pointLoadKn,
        racksWithOpenAisle: open,
        ...rackValues(worst),
      },
      formula: b.formula,
      source: SRC_LOAD,
    });
  });
}

/**
 * Halls with racks whose ratings are still the TIA-942 defaults: one note each, asking for the
 * building's own. An empty hall has nothing checked against its rating yet, so nothing to note.
 */
export function undeclaredFindings(doc: ProjectDocument, loads: ReadonlyMap<string, RackFloorLoad>): Finding[] {
  const loaded = new Set<string>();
  for (const r of loads.values()) loaded.add(r.hallId);
  return doc.halls
    .filter((h) => !h.floor.ratingDeclared && loaded.has(h.id))
    .map((h) =>
      finding({
        rule: 'floor.FLOOR-4',
        severity: 'info',
        message: `FLOOR-4: ${h.name}: floor rating not declared — the floor checks assume ${kpa(h.floor.uniformLoadKpa)} uniform and ${kn(h.floor.pointLoadKn)} concentrated, the TIA-942 Rated-3 / TIA-569 computer-room figures. Replace them with the building's structural rating in the hall's properties.`,
        entities: [h.id],
        values: { uniformRatingKpa: h.floor.uniformLoadKpa, pointRatingKn: h.floor.pointLoadKn },
        formula: 'assumed ratings: 12 kPa uniform (TIA-942 Rated-3), 4.5 kN concentrated (TIA-569)',
        source: RATINGS,
      }),
    );
}

/** Raised-floor halls with racks: the tile load to check with the floor vendor (IBM), not a pass or fail. */
export function tileFindings(
  doc: ProjectDocument,
  loads: ReadonlyMap<string, RackFloorLoad>,
  rackName: (id: string) => string,
): Finding[] {
  const heaviest = new Map<string, RackFloorLoad>();
  for (const r of loads.values()) {
    const h = heaviest.get(r.hallId);
    if (!h || r.mass.massKg > h.mass.massKg) heaviest.set(r.hallId, r);
  }
  return doc.halls
    .filter((h) => h.floor.kind === 'raised' && heaviest.has(h.id))
    .map((h) => {
      const r = heaviest.get(h.id)!;
      const tileKn = r.weightKn / 3;
      const casterKn = r.weightKn / 2;
      return finding({
        rule: 'floor.FLOOR-5',
        severity: 'info',
        message: `FLOOR-5: ${h.name}: raised floor ${h.floor.raisedHeightM.toFixed(2)} m high — each tile under a rack must carry at least ⅓ of the rack's weight: ${kn(tileKn)} under the heaviest, ${rackName(r.rackId)} (${kg(r.mass.massKg)}), and ${kn(casterKn)} under a caster while it is rolled in. Check these against the floor vendor's design (working) and rolling loads for the tiles and pedestals. The IBM method also adds 50 kg/m² (10 lb/ft²) for the raised floor and cables, which the distributed basis does not include.`,
        entities: [h.id, r.rackId],
        values: { raisedHeightM: h.floor.raisedHeightM, heaviestMassKg: r.mass.massKg, tileKn, casterKn },
        formula: 'tile load ≥ m·g / 3 (standing), ≥ m·g / 2 under one caster (rolling)',
        source: SRC_TILE,
      });
    });
}
