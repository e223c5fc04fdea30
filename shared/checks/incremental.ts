/**
 * Checks that re-run only what an edit touches. The store's commands make a new document that
 * shares every object the edit did not change, so comparing by reference says what changed:
 *
 * - **Per hall** (hallChecks.ts: floor, air layout, rack zoning): a hall re-runs when its hall,
 *   racks, walls, rows or containments changed, or the settings, catalog, zones or tenants did.
 * - **Loads** (loadChecks.ts: power with its redundancy proof, cooling balance, data quality):
 *   re-run when anything but where racks stand changed. Moving or turning racks — most of an
 *   editing session — leaves them as they were.
 * - **Zoning** (the graph of zones and doors, plant, model gaps): re-run when anything but the
 *   racks changed; racks play no part in it.
 *
 * The parts are the same functions a full check runs (`runChecks` is a fresh checker), so an
 * incremental result is the full result by construction; incremental.test.ts compares them over
 * random edit sequences all the same, since what is reused is decided here.
 *
 * Results share unchanged parts with the previous results (per-hall maps, findings of untouched
 * halls): treat them as read-only.
 *
 * The loads come from a `LoadSource`: by default worked out here, at once. An editor may work
 * them out elsewhere (the renderer's Worker, on a large site, where they take a second): until
 * they come, the results carry the latest loads it has, marked `loadsPending`, and a later check
 * of the same document picks the new ones up.
 */
import { placesChanged } from '../collections';
import { catalogFor, type CatalogView } from '../catalog';
import type { Containment, ProjectDocument, Rack, Row, Wall } from '../model/schema';
import { cameAndWent, compareFindings, patchSorted } from './findingOrder';
import type { HallFloorSummary, RackFloorLoad } from './floor';
import { checkHall, sameHallInputs, type HallContext, type HallInputs, type HallResult } from './hallChecks';
import { checkLoads, createLoadChecker, NO_LOADS_YET, type LoadResult } from './loadChecks';
import { PartitionedMap } from './partitionedMap';
import type { CheckResults } from './index';
import { runSecuritySite, type RackPlacement } from './security';
import type { Finding, Severity } from './types';

export interface Checker {
  /** Findings and metrics for `doc`, re-running only what changed since the last document checked. */
  check(doc: ProjectDocument): CheckResults;
}

/**
 * Where a checker gets the loads of a document (`loadChecks.ts`): `doc` is the document whose
 * loads are asked for — an earlier one when the edits since only moved racks. Returns them, or
 * when they are still being worked out, the latest loads the source has, with `pending` set.
 */
export interface LoadSource {
  loadsOf(doc: ProjectDocument, catalog: CatalogView): { loads: LoadResult; pending: boolean };
}

/** Loads worked out at once, on the caller's thread. */
export const loadsHere: LoadSource = {
  loadsOf: (doc, catalog) => ({ loads: checkLoads(doc, catalog), pending: false }),
};

/** Loads worked out at once, on the caller's thread, each reusing what it can of the last (`createLoadChecker`): one per checker. */
function loadsHereReusing(): LoadSource {
  const check = createLoadChecker();
  return { loadsOf: (doc, catalog) => ({ loads: check(doc, catalog), pending: false }) };
}

type Key = readonly unknown[];
const sameKey = (a: Key | undefined, b: Key) =>
  a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/** Every top-level part of the document but the racks, by reference: what the loads and zoning read besides racks. */
function allButRacks(doc: ProjectDocument): Key {
  return Object.entries(doc)
    .filter(([k]) => k !== 'racks')
    .map(([, v]) => v);
}

/** Whether a rack changed only where it stands (position, rotation): all else is the same objects. */
function movedOnly(a: Rack, b: Rack): boolean {
  for (const k of Object.keys(b) as (keyof Rack)[])
    if (k !== 'position' && k !== 'rotationDeg' && a[k] !== b[k]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

/** Items grouped by hall, reusing the previous group's array where it holds the same items. */
function groupByHall<T extends { hallId: string }>(
  items: readonly T[],
  previous: ReadonlyMap<string, readonly T[]> | undefined,
): Map<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.hallId);
    if (list) list.push(item);
    else groups.set(item.hallId, [item]);
  }
  const out = new Map<string, readonly T[]>();
  for (const [hallId, list] of groups) {
    const before = previous?.get(hallId);
    out.set(hallId, before && before.length === list.length && before.every((x, i) => x === list[i]) ? before : list);
  }
  return out;
}

const NONE: readonly never[] = [];

interface State {
  doc: ProjectDocument;
  results: CheckResults;
  catalog: CatalogView;
  racksByHall: Map<string, readonly Rack[]>;
  /** Per rack (by index in doc.racks): its index in its hall's list. */
  slot: Int32Array;
  walls: Map<string, readonly Wall[]>;
  rows: Map<string, readonly Row[]>;
  containments: Map<string, readonly Containment[]>;
  halls: Map<string, HallResult>;
  hallContext: Key;
  loads: LoadResult;
  loadsKey: Key;
  /** The document the loads are asked for under (this one, or the last whose loads an edit changed). */
  loadsDoc: ProjectDocument;
  loadsPending: boolean;
  site: ReturnType<typeof runSecuritySite>;
  siteKey: Key;
  floorRacks: PartitionedMap<string, RackFloorLoad>;
  placements: PartitionedMap<string, RackPlacement>;
}

/** Each rack's index in its hall's list (racks keep document order within a hall). */
function slotsOf(racks: readonly Rack[]): Int32Array {
  const next = new Map<string, number>();
  const slot = new Int32Array(racks.length);
  racks.forEach((r, i) => {
    const k = next.get(r.hallId) ?? 0;
    slot[i] = k;
    next.set(r.hallId, k + 1);
  });
  return slot;
}

export function createChecker(source: LoadSource = loadsHereReusing()): Checker {
  let state: State | null = null;

  return {
    check(doc) {
      if (state?.doc === doc && !state.loadsPending) return state.results;
      // The same document with its loads still being worked out: anything new to show?
      if (state?.doc === doc) {
        const now = source.loadsOf(state.loadsDoc, state.catalog);
        if (now.pending && now.loads === state.loads) return state.results;
      }
      const prev = state;
      const catalog = prev && prev.doc.customDevices === doc.customDevices ? prev.catalog : catalogFor(doc);

      // Racks by hall: a move or turn replaces racks in place, so only their halls' lists change.
      let racksByHall: Map<string, readonly Rack[]>;
      let slot: Int32Array;
      let racksMovedOnly = prev !== null;
      if (prev && prev.doc.racks === doc.racks) {
        racksByHall = prev.racksByHall;
        slot = prev.slot;
      } else if (prev && prev.doc.racks.length === doc.racks.length) {
        racksByHall = prev.racksByHall;
        slot = prev.slot;
        const copied = new Set<string>();
        const before = prev.doc.racks;
        for (const i of placesChanged(before, doc.racks)!) {
          const a = before[i]!;
          const b = doc.racks[i]!;
          if (a.id !== b.id || a.hallId !== b.hallId) {
            racksMovedOnly = false;
            racksByHall = groupByHall(doc.racks, prev.racksByHall);
            slot = slotsOf(doc.racks);
            break;
          }
          if (!movedOnly(a, b)) racksMovedOnly = false;
          if (!copied.has(b.hallId)) {
            if (copied.size === 0) racksByHall = new Map(racksByHall);
            racksByHall.set(b.hallId, [...racksByHall.get(b.hallId)!]);
            copied.add(b.hallId);
          }
          (racksByHall.get(b.hallId) as Rack[])[slot[i]!] = b;
        }
      } else {
        racksMovedOnly = false;
        racksByHall = groupByHall(doc.racks, prev?.racksByHall);
        slot = slotsOf(doc.racks);
      }
      const walls = prev?.doc.walls === doc.walls ? prev.walls : groupByHall(doc.walls, prev?.walls);
      const rows = prev?.doc.rows === doc.rows ? prev.rows : groupByHall(doc.rows, prev?.rows);
      const containments =
        prev?.doc.containments === doc.containments
          ? prev.containments
          : groupByHall(doc.containments, prev?.containments);

      // Zoning: everything but the racks.
      const siteKey = allButRacks(doc);
      const site = prev && sameKey(prev.siteKey, siteKey) ? prev.site : runSecuritySite(doc);

      // Loads: everything but where racks stand.
      const loadsKey = siteKey;
      const loadsDoc = prev && racksMovedOnly && sameKey(prev.loadsKey, loadsKey) ? prev.loadsDoc : doc;
      let loads: LoadResult;
      let loadsPending: boolean;
      if (prev && loadsDoc === prev.loadsDoc && !prev.loadsPending) {
        loads = prev.loads;
        loadsPending = false;
      } else ({ loads, pending: loadsPending } = source.loadsOf(loadsDoc, catalog));

      // Halls: their own inputs, and what they read from the site.
      const hallContext: Key = [doc.settings, catalog, doc.zones, doc.tenants];
      const contextSame = prev !== null && sameKey(prev.hallContext, hallContext);
      const context: HallContext = { doc, catalog, zones: site.zones, modelled: site.metrics.modelled };
      const halls = new Map<string, HallResult>();
      const rerun: HallResult[] = [];
      for (const hall of doc.halls) {
        const inputs: HallInputs = {
          hall,
          racks: racksByHall.get(hall.id) ?? NONE,
          walls: walls.get(hall.id) ?? NONE,
          rows: rows.get(hall.id) ?? NONE,
          containments: containments.get(hall.id) ?? NONE,
        };
        const before = prev?.halls.get(hall.id);
        if (before && contextSame && sameHallInputs(before.inputs, inputs)) halls.set(hall.id, before);
        else {
          const result = checkHall(inputs, context, contextSame ? before : null);
          halls.set(hall.id, result);
          rerun.push(result);
        }
      }

      // Findings: the previous list, patched where parts re-ran (one pass, not a sort).
      let findings: Finding[];
      let counts: Record<Severity, number>;
      const sameHalls =
        prev !== null && prev.halls.size === halls.size && [...halls.keys()].every((id) => prev.halls.has(id));
      if (prev && sameHalls) {
        const removed = new Set<Finding>();
        const added: Finding[] = [];
        // A part's new list shares most of its findings with its last (the power check keeps each
        // component's): only those that came or went are taken out or put in.
        const swap = (old: readonly Finding[], now: readonly Finding[]) => cameAndWent(old, now, removed, added);
        swap(prev.loads.findings, loads.findings);
        swap(prev.site.findings, site.findings);
        for (const [id, h] of halls) swap(prev.halls.get(id)!.findings, h.findings);
        findings = patchSorted(prev.results.findings, removed, added);
        // The last counts, less what went and plus what came: not 9,000 findings counted again.
        counts = { ...prev.results.counts };
        for (const f of removed) counts[f.severity]--;
        for (const f of added) counts[f.severity]++;
      } else {
        findings = [loads.findings, site.findings, ...[...halls.values()].map((h) => h.findings)]
          .flat()
          .sort(compareFindings);
        counts = { error: 0, warning: 0, info: 0 };
        for (const f of findings) counts[f.severity]++;
      }

      // Per-rack metrics: one map per hall, only re-run halls replaced.
      let floorRacks: PartitionedMap<string, RackFloorLoad>;
      let placements: PartitionedMap<string, RackPlacement>;
      if (prev && sameHalls) {
        floorRacks =
          rerun.length === 0
            ? prev.floorRacks
            : prev.floorRacks.with(new Map(rerun.map((h) => [h.inputs.hall.id, h.floorRacks])));
        placements =
          rerun.length === 0
            ? prev.placements
            : prev.placements.with(new Map(rerun.map((h) => [h.inputs.hall.id, h.placements])));
      } else {
        floorRacks = PartitionedMap.of(new Map([...halls].map(([id, h]) => [id, h.floorRacks])));
        placements = PartitionedMap.of(new Map([...halls].map(([id, h]) => [id, h.placements])));
      }
      const floorHalls = new Map<string, HallFloorSummary>([...halls].map(([id, h]) => [id, h.floorSummary]));

      const results: CheckResults = {
        findings,
        counts,
        loadsPending,
        loadsNotYet: loadsPending && loads === NO_LOADS_YET,
        power: loads.power,
        cooling: loads.cooling,
        security: { ...site.metrics, racks: placements },
        floor: { racks: floorRacks, halls: floorHalls },
      };
      state = {
        doc,
        results,
        catalog,
        racksByHall,
        slot,
        walls,
        rows,
        containments,
        halls,
        hallContext,
        loads,
        loadsKey,
        loadsDoc,
        loadsPending,
        site,
        siteKey,
        floorRacks,
        placements,
      };
      return results;
    },
  };
}
