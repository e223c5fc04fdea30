/**
 * The power chain as an indexed graph, built once per check run: components in parent-first
 * order, their children, the generator standing by for each component, and every rack's devices
 * with their power supplies split over the rack's A and B circuits.
 *
 * Built again after an edit, it reuses what the edit left alone (`previous`, the graph of the
 * version before): the chain's indexes when the power components are the same array, and a rack's
 * draws when the rack is the same object on the same chain, catalog and load basis. Documents are
 * never changed in place (the store's edits make new objects), so the same object means the same
 * content; the result is the graph built afresh, to the bit (topology.test.ts).
 */
import type { CatalogView } from '../../catalog';
import { placesChanged, pushTo } from '../../collections';
import { facilityCoolingW, type CoolingEvaluation } from '../cooling';
import { efficiency, tracksPhases } from './capacity';
import { phaseWattsPerAmp } from './electrical';
import type { PowerComponent, PowerKind, ProjectDocument, Rack } from '../../model/schema';

/** Level of the chain each kind belongs to; redundancy is declared per level (settings.redundancy). */
export type PowerLevel = 'source' | 'transformer' | 'switchgear' | 'ups' | 'distribution' | 'circuit' | 'load';

export const LEVEL_OF: Record<PowerKind, PowerLevel> = {
  utility: 'source',
  generator: 'source',
  transformer: 'transformer',
  switchgear: 'switchgear',
  ups: 'ups',
  distribution: 'distribution',
  circuit: 'circuit',
  mechanical: 'load',
};

/**
 * One device's draw and how its power supplies sit on the rack's two sides: the same object for
 * every device of a model placed the same way on racks with the same sides (`deviceDraw`).
 */
export interface DeviceDraw {
  catalogId: string;
  /** Draw on the document's load basis, W. */
  w: number;
  /** Power supplies on the rack's A circuit and on its B circuit. */
  psuA: number;
  psuB: number;
  /** Supplies needed for full power: installed − spare (DGX H100: 6 − 2 = 4). */
  required: number;
}

export interface RackSupply {
  rack: Rack;
  loadW: number;
  /** Component index of the rack's A and B circuits, −1 when absent. */
  a: number;
  b: number;
  devices: DeviceDraw[];
  /** Whether a device drawing power on both sides has fewer supplies on one than it needs for full power (redundancyFindings.ts `supplyFindings`). */
  shortOfSupplies: boolean;
  /** The rack's configuration: its hall and devices (`RackGroup.key`), as `hallId|key`. */
  configuration: string;
}

export interface RackGroup {
  /** Its racks' `RackSupply.configuration`: `hallId|key`. */
  configuration: string;
  hallId: string;
  /** Devices as `count×catalogId`, sorted: the configuration's identity. */
  key: string;
  label: string;
  rackLoadW: number;
  rackIds: string[];
  /** Its racks' places in `PowerGraph.racks`, in the same order as `rackIds`. */
  racks: number[];
}

export interface PowerGraph {
  components: readonly PowerComponent[];
  index: ReadonlyMap<string, number>;
  /** Parent component index, −1 for roots (sources, and components not yet connected upstream). */
  parent: Int32Array;
  children: readonly number[][];
  /** Every component, parents before children. */
  order: Int32Array;
  /** Position of each component in `order`. */
  orderPos: Int32Array;
  /** Generator index standing by for a component, −1 when none. */
  backup: Int32Array;
  /**
   * What may draw from each component: its children, and for a generator what it backs up; in
   * the order a full evaluation adds them (last in `order` first), so a partial re-evaluation
   * sums in the same order and gets the same result to the last bit.
   */
  suppliesTo: readonly number[][];
  /** Rack indexes on each circuit. */
  circuitRacks: readonly number[][];
  /** The one rack on each circuit that has exactly one (−1 elsewhere): `circuitRacks` read without a second array. */
  soleRack: Int32Array;
  /**
   * Where racks are fed: shared, with `circuitRacks`, by the graphs of one chain whose racks are
   * on the same circuits in the same order (an edit of what racks hold), new with each other.
   * What a failure touches depends on it and the chain alone, not on what racks draw, and is
   * cached against it (delta.ts).
   */
  feedsKey: object;
  /** 1 for the components whose phases are tracked (rack circuits, PDUs / RPPs / busways). */
  phaseTracked: Uint8Array;
  /**
   * Each component's output / input (capacity.ts `efficiency`), read in a flow's hot loops from an
   * array rather than from components of eight shapes (a property read V8 cannot specialise).
   */
  efficiency: Float64Array;
  /**
   * Per component, read in the same loops for the same reason: the phases of a component whose
   * phases are tracked (1 or 3; 0 elsewhere), the real power a phase conductor carries per ampere
   * (electrical.ts `phaseWattsPerAmp`; 0 elsewhere), and the share of the facility load of a
   * mechanical board (NaN for every other kind). Read from a component, a fractional number is a
   * new heap object at every read.
   */
  phases: Uint8Array;
  phaseWattsPerAmp: Float64Array;
  mechanicalShare: Float64Array;
  /** 1 for the components that supply nothing (`suppliesTo` empty): the rack circuits, most of a campus. */
  leaf: Uint8Array;
  /** Indexes of the utility services. */
  utilities: readonly number[];
  /** Indexes of the mechanical boards, ascending. */
  mechanical: readonly number[];
  /** Σ share of the mechanical boards: the part of the facility load hung on the chain. */
  hungShare: number;
  racks: readonly RackSupply[];
  /**
   * Each rack's group: its index into `groups` (racks of one hall with the same devices). Kept
   * apart from the racks' supplies, which an edit leaves as they were: a rack given a new
   * configuration numbers every group first seen after it again.
   */
  rackGroup: Int32Array;
  /** Rack configurations per hall (same hall, same devices), for headroom in "racks of this kind". */
  groups: readonly RackGroup[];
  /**
   * What `racks` were made from and what groups and sums them, kept by rack so that the graph of an
   * edit takes them over for the racks it keeps without reading those racks (10,000 objects strewn
   * over memory on a campus): the document's racks, each rack's configuration by number (one
   * number per configuration and catalog), its load, W, and its id.
   */
  docRacks: readonly Rack[];
  /**
   * Built from a graph whose racks it kept (`buildPowerGraph`'s `previous`): that graph's `racks`,
   * and the racks read again (ascending), the only ones whose supply may be another object; null
   * when every rack was read.
   */
  reread: { from: readonly RackSupply[]; racks: readonly number[] } | null;
  rackConfig: Int32Array;
  rackLoadW: Float64Array;
  rackIds: readonly string[];
  /** Σ rack load, W: the design IT load, whatever fails. */
  itW: number;
  /** The cooling plant's electrical power, W: from the cooling design, or the ratio estimate without one. */
  coolingW: number;
  /**
   * The chain's identity: shared by the graphs an editor's checks build from one array of power
   * components (reused through `previous`), new with each other. What depends on the chain alone
   * (the failure scenarios, scenarios.ts; the components per level) is cached against it.
   */
  chainKey: object;
  /** What the racks' draws were read with, so that a later graph knows when it may reuse them. */
  catalog: CatalogView;
  loadBasis: ProjectDocument['settings']['loadBasis'];
}

/** The parts of a graph that depend on the power components alone. */
type Chain = Pick<
  PowerGraph,
  | 'components'
  | 'index'
  | 'parent'
  | 'children'
  | 'order'
  | 'orderPos'
  | 'backup'
  | 'suppliesTo'
  | 'phaseTracked'
  | 'efficiency'
  | 'phases'
  | 'phaseWattsPerAmp'
  | 'mechanicalShare'
  | 'leaf'
  | 'utilities'
  | 'mechanical'
  | 'hungShare'
  | 'chainKey'
>;

/** Splits `count` supplies over the sides a rack has, as the placement's `feed` asks. */
function splitSupplies(count: number, feed: 'AB' | 'A' | 'B', hasA: boolean, hasB: boolean): [number, number] {
  if (hasA && hasB) {
    if (feed === 'A') return [count, 0];
    if (feed === 'B') return [0, count];
    return [Math.ceil(count / 2), Math.floor(count / 2)];
  }
  if (hasA) return [count, 0];
  if (hasB) return [0, count];
  return [0, 0];
}

/**
 * The empty list of indexes every component with none shares (its children, what it supplies, the
 * racks on it): never written.
 */
const NOTHING: number[] = [];

function buildChain(components: readonly PowerComponent[]): Chain {
  const n = components.length;
  const index = new Map<string, number>();
  components.forEach((c, i) => index.set(c.id, i));
  const parent = new Int32Array(n).fill(-1);
  const backup = new Int32Array(n).fill(-1);
  const childCount = new Int32Array(n);
  components.forEach((c, i) => {
    const p = c.parentId !== null ? index.get(c.parentId) : undefined;
    if (p !== undefined) {
      parent[i] = p;
      childCount[p]!++;
    }
    if (c.kind === 'generator') {
      const backed = index.get(c.backsUpId);
      if (backed !== undefined) backup[backed] = i;
    }
  });
  // Lists made at their length, and one shared by the components that supply nothing (the rack
  // circuits, most of a campus): see `feedsOf`.
  const children: number[][] = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    children[i] = childCount[i] === 0 ? NOTHING : new Array<number>(childCount[i]!);
    childCount[i] = 0;
  }
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p !== -1) children[p]![childCount[p]!++] = i;
  }
  // Breadth-first from the roots gives parents before children (the schema refuses cycles).
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (parent[i] === -1) order[tail++] = i;
  while (head < tail) for (const child of children[order[head++]!]!) order[tail++] = child;
  const orderPos = new Int32Array(n);
  order.forEach((i, k) => (orderPos[i] = k));
  const suppliesTo: number[][] = children.map((list) => (list.length === 0 ? NOTHING : [...list]));
  backup.forEach((g, i) => {
    if (g === -1) return;
    if (suppliesTo[g] === NOTHING) suppliesTo[g] = [];
    suppliesTo[g]!.push(i);
  });
  for (const list of suppliesTo) if (list.length > 1) list.sort((x, y) => orderPos[y]! - orderPos[x]!);
  const leaf = new Uint8Array(n);
  suppliesTo.forEach((list, i) => (leaf[i] = list.length === 0 ? 1 : 0));

  const utilities: number[] = [];
  const mechanical: number[] = [];
  let hungShare = 0;
  const phaseTracked = new Uint8Array(n);
  const efficiencies = new Float64Array(n);
  const phases = new Uint8Array(n);
  const wattsPerAmp = new Float64Array(n);
  const mechanicalShare = new Float64Array(n).fill(NaN);
  components.forEach((c, i) => {
    if (tracksPhases(c)) {
      phaseTracked[i] = 1;
      phases[i] = c.phases;
      wattsPerAmp[i] = phaseWattsPerAmp(c.voltageV, c.phases, c.powerFactor);
    }
    efficiencies[i] = efficiency(c);
    if (c.kind === 'utility') utilities.push(i);
    if (c.kind === 'mechanical') {
      hungShare += c.share;
      mechanicalShare[i] = c.share;
      mechanical.push(i);
    }
  });
  return {
    components,
    index,
    parent,
    children,
    order,
    orderPos,
    backup,
    suppliesTo,
    phaseTracked,
    efficiency: efficiencies,
    phases,
    phaseWattsPerAmp: wattsPerAmp,
    mechanicalShare,
    leaf,
    utilities,
    mechanical,
    hungShare,
    chainKey: {},
  };
}

const FEEDS = ['AB', 'A', 'B'] as const;

/**
 * Per catalog, each model's draws by load basis, placement feed and which sides the rack has (an
 * array of 2 × 3 × 4), or null for a model the catalog lacks. Draws are never written, so every
 * device placed alike shares one: a campus's 40,000 devices are of eight models.
 */
const drawsOf = new WeakMap<CatalogView, Map<string, (DeviceDraw | undefined)[] | null>>();

/** The draw of a device of model `catalogId` placed with `feed` on a rack with the sides given; null for a model not in the catalog. */
function deviceDraw(
  catalog: CatalogView,
  catalogId: string,
  feed: 'AB' | 'A' | 'B',
  hasA: boolean,
  hasB: boolean,
  basis: PowerGraph['loadBasis'],
): DeviceDraw | null {
  let models = drawsOf.get(catalog);
  if (!models) drawsOf.set(catalog, (models = new Map()));
  let draws = models.get(catalogId);
  if (draws === undefined) {
    draws = catalog.device(catalogId) ? new Array<DeviceDraw | undefined>(24).fill(undefined) : null;
    models.set(catalogId, draws);
  }
  if (draws === null) return null;
  const at = (basis === 'nameplate' ? 12 : 0) + FEEDS.indexOf(feed) * 4 + (hasA ? 2 : 0) + (hasB ? 1 : 0);
  let draw = draws[at];
  if (!draw) {
    const spec = catalog.device(catalogId)!;
    const [psuA, psuB] = splitSupplies(spec.psu.count, feed, hasA, hasB);
    draws[at] = draw = {
      catalogId,
      w: basis === 'nameplate' ? spec.nameplateW : spec.typicalW,
      psuA,
      psuB,
      required: spec.psu.count - spec.psu.redundant,
    };
  }
  return draw;
}

/** A rack's draws, on circuits `index` names (its group is set by the caller). */
function rackSupply(
  rack: Rack,
  index: ReadonlyMap<string, number>,
  catalog: CatalogView,
  basis: PowerGraph['loadBasis'],
): RackSupply {
  const a = rack.feeds.a !== null ? (index.get(rack.feeds.a) ?? -1) : -1;
  const b = rack.feeds.b !== null ? (index.get(rack.feeds.b) ?? -1) : -1;
  let loadW = 0;
  // Made at its length (a list grown from empty keeps room for 17), cut short past a model the
  // catalog lacks.
  const devices = new Array<DeviceDraw>(rack.devices.length);
  let count = 0;
  for (const placement of rack.devices) {
    const draw = deviceDraw(catalog, placement.catalogId, placement.feed, a !== -1, b !== -1, basis);
    if (!draw) continue;
    devices[count++] = draw;
    loadW += draw.w;
  }
  devices.length = count;
  const shortOfSupplies = devices.some(shortOfSupply);
  return {
    rack,
    loadW,
    a,
    b,
    devices,
    shortOfSupplies,
    configuration: `${rack.hallId}|${devicesKey(devices)}`,
  };
}

/**
 * Whether a device drawing power on both sides has fewer supplies on one of them than it needs for
 * full power: on loss of the other side it runs throttled (redundancyFindings.ts `supplyFindings`).
 */
export function shortOfSupply(d: DeviceDraw): boolean {
  return d.psuA > 0 && d.psuB > 0 && d.w > 0 && Math.min(d.psuA, d.psuB) < d.required;
}

/** Device models and how many of each, sorted by catalog id. */
function modelsOf(devices: readonly DeviceDraw[]): [string, number][] {
  const perModel = new Map<string, number>();
  for (const d of devices) perModel.set(d.catalogId, (perModel.get(d.catalogId) ?? 0) + 1);
  return [...perModel].sort(([x], [y]) => x.localeCompare(y));
}

/** A configuration's devices as `count×catalogId`, sorted (`RackGroup.key`). */
const modelsKey = (models: readonly [string, number][]) => models.map(([m, k]) => `${k}×${m}`).join(',');

/**
 * `modelsKey(modelsOf(devices))`, written straight out when every device is the same model (most
 * racks: a campus keys 10,000 at every check from scratch).
 */
function devicesKey(devices: readonly DeviceDraw[]): string {
  if (devices.length === 0) return '';
  const first = devices[0]!.catalogId;
  for (let k = 1; k < devices.length; k++) if (devices[k]!.catalogId !== first) return modelsKey(modelsOf(devices));
  return `${devices.length}×${first}`;
}

/**
 * A configuration's key and label ("3 × NVIDIA DGX H100"), per catalog and configuration: a
 * campus has hundreds of configurations, named again at every check otherwise.
 */
const namesOf = new WeakMap<CatalogView, Map<string, { key: string; label: string }>>();
function configurationName(catalog: CatalogView, supply: RackSupply): { key: string; label: string } {
  let names = namesOf.get(catalog);
  if (!names) namesOf.set(catalog, (names = new Map()));
  let name = names.get(supply.configuration);
  if (!name) {
    const models = modelsOf(supply.devices);
    const label = models.map(([m, k]) => `${k} × ${catalog.device(m)?.name ?? m}`).join(' + ') || 'empty rack';
    names.set(supply.configuration, (name = { key: modelsKey(models), label }));
  }
  return name;
}

/** Each configuration's number (`PowerGraph.rackConfig`), per catalog: the graphs of one catalog share them. */
const numbersOf = new WeakMap<CatalogView, Map<string, number>>();
function configurationNumbers(catalog: CatalogView): Map<string, number> {
  let numbers = numbersOf.get(catalog);
  if (!numbers) numbersOf.set(catalog, (numbers = new Map()));
  return numbers;
}

/**
 * A graph's arrays per rack, of a graph nothing reads any more (a power memo's spare, index.ts),
 * which the next graph's are written into rather than into new ones: fresh typed arrays the size
 * of a campus's cost tens of microseconds each in Chromium (scratch.ts).
 */
export type RackArrays = Pick<PowerGraph, 'rackConfig' | 'rackLoadW' | 'rackGroup'>;

/** A copy of `from`, in `into` when that is another array of its length. */
function copied<T extends Int32Array | Float64Array>(from: T, into: T | undefined): T {
  if (into === undefined || into === from || into.length !== from.length) return from.slice() as T;
  into.set(from);
  return into;
}

/**
 * `cooling`: the cooling evaluation when the caller has one (else it is evaluated here for the
 * plant's power). `previous`: the graph of the version before an edit, to reuse what it left alone.
 * `spare`: arrays to write the per-rack arrays into.
 */
export function buildPowerGraph(
  doc: ProjectDocument,
  catalog: CatalogView,
  cooling?: CoolingEvaluation,
  previous?: PowerGraph | null,
  spare?: RackArrays | null,
): PowerGraph {
  const sameChain = previous?.components === doc.power;
  const chain = sameChain ? previous! : buildChain(doc.power);
  const basis = doc.settings.loadBasis;
  const reuseRacks = sameChain && previous!.catalog === catalog && previous!.loadBasis === basis;
  const numbers = configurationNumbers(catalog);
  const numberOf = (configuration: string) => {
    let c = numbers.get(configuration);
    if (c === undefined) numbers.set(configuration, (c = numbers.size));
    return c;
  };

  const count = doc.racks.length;
  // The same chain, catalog and load basis: a rack object at the same place keeps its supply, its
  // configuration, load and id, copied from the last graph's arrays rather than read from it.
  const kept = reuseRacks && previous!.docRacks.length === count ? previous! : null;
  const racks = kept
    ? kept.racks.slice()
    : doc.racks.map((rack, ri) => {
        const before = reuseRacks ? previous!.racks[ri] : undefined;
        return before?.rack === rack ? before : rackSupply(rack, chain.index, catalog, basis);
      });
  const rackIds = kept ? kept.rackIds.slice() : doc.racks.map((r) => r.id);
  const rackConfig = kept ? copied(kept.rackConfig, spare?.rackConfig) : new Int32Array(count);
  const rackLoadW = kept ? copied(kept.rackLoadW, spare?.rackLoadW) : new Float64Array(count);
  /** With `kept`, the racks read again. */
  const reread: number[] = [];
  // With `kept`, only the racks that are other objects (a pass shared with the other checks).
  const changed = kept ? placesChanged(kept.docRacks, doc.racks)! : null;
  const visited = changed ? changed.length : count;
  for (let m = 0; m < visited; m++) {
    const ri = changed ? changed[m]! : m;
    const rack = doc.racks[ri]!;
    if (kept) {
      racks[ri] = rackSupply(rack, chain.index, catalog, basis);
      rackIds[ri] = rack.id;
      reread.push(ri);
    }
    const supply = racks[ri]!;
    rackConfig[ri] = numberOf(supply.configuration);
    rackLoadW[ri] = supply.loadW;
  }
  // With `kept`, the configurations whose racks may be others (a rack read again with another
  // configuration or id, in its old and new one): every other keeps its group, the same racks
  // in the same order, first seen at the same rack. Null: every group made afresh.
  let moved: Uint8Array | null = null;
  if (kept) {
    moved = new Uint8Array(numbers.size);
    for (const ri of reread)
      if (rackConfig[ri] !== kept.rackConfig[ri] || rackIds[ri] !== kept.rackIds[ri]) {
        moved[kept.rackConfig[ri]!] = 1;
        moved[rackConfig[ri]!] = 1;
      }
  }

  // Σ rack load in rack order, and the groups in the order their configurations are first seen.
  let itW = 0;
  for (let ri = 0; ri < count; ri++) itW += rackLoadW[ri]!;
  const groupOf = new Int32Array(numbers.size).fill(-1);
  const groups: RackGroup[] = [];
  // Every rack's group is written below.
  const rackGroup = spare?.rackGroup.length === count ? spare.rackGroup : new Int32Array(count);
  for (let ri = 0; ri < count; ri++) {
    const c = rackConfig[ri]!;
    const fresh = moved === null || moved[c] === 1;
    let group = groupOf[c]!;
    if (group === -1) {
      groupOf[c] = group = groups.length;
      if (!fresh) groups.push(kept!.groups[kept!.rackGroup[ri]!]!);
      else {
        const supply = racks[ri]!;
        const { key, label } = configurationName(catalog, supply);
        groups.push({
          configuration: supply.configuration,
          hallId: supply.rack.hallId,
          key,
          label,
          rackLoadW: supply.loadW,
          rackIds: [],
          racks: [],
        });
      }
    }
    if (fresh) {
      groups[group]!.rackIds.push(rackIds[ri]!);
      groups[group]!.racks.push(ri);
    }
    rackGroup[ri] = group;
  }
  // A rack that kept its supply kept its circuits.
  let sameFeeds = sameChain && previous!.racks.length === count;
  // Built from the last graph, only the racks read again are other objects.
  const feedsToCheck = kept !== null ? reread.length : count;
  for (let m = 0; m < feedsToCheck && sameFeeds; m++) {
    const ri = kept !== null ? reread[m]! : m;
    const r = racks[ri]!;
    const was = previous!.racks[ri]!;
    if (r !== was && (r.a !== was.a || r.b !== was.b)) sameFeeds = false;
  }
  return {
    ...chain,
    ...(sameFeeds
      ? { circuitRacks: previous!.circuitRacks, soleRack: previous!.soleRack, feedsKey: previous!.feedsKey }
      : feedsOf(chain, racks)),
    coolingW: facilityCoolingW(doc, catalog, itW, cooling),
    racks,
    rackGroup,
    groups,
    docRacks: doc.racks,
    reread: kept ? { from: kept.racks, racks: reread } : null,
    rackConfig,
    rackLoadW,
    rackIds,
    itW,
    catalog,
    loadBasis: basis,
  };
}

/** Rack indexes per circuit, under a new `feedsKey`. */
function feedsOf(
  chain: Chain,
  racks: readonly RackSupply[],
): Pick<PowerGraph, 'circuitRacks' | 'soleRack' | 'feedsKey'> {
  // Counted first and made at their length: a list grown by `push` from empty keeps room for 17,
  // and a campus has 20,000 circuits of one rack (about 1.5 MB of room the check never uses).
  const n = chain.components.length;
  const count = new Int32Array(n);
  for (const r of racks) {
    if (r.a !== -1) count[r.a]!++;
    if (r.b !== -1 && r.b !== r.a) count[r.b]!++;
  }
  const circuitRacks: number[][] = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    circuitRacks[i] = count[i] === 0 ? NOTHING : new Array<number>(count[i]!);
    count[i] = 0;
  }
  racks.forEach((r, ri) => {
    if (r.a !== -1) circuitRacks[r.a]![count[r.a]!++] = ri;
    if (r.b !== -1 && r.b !== r.a) circuitRacks[r.b]![count[r.b]!++] = ri;
  });
  const soleRack = new Int32Array(n);
  for (let i = 0; i < n; i++) soleRack[i] = circuitRacks[i]!.length === 1 ? circuitRacks[i]![0]! : -1;
  return { circuitRacks, soleRack, feedsKey: {} };
}

/**
 * A cache per graph identity (`identity`: a key object graphs share) and key: `make` runs once
 * for each, and what it returns is shared by the graphs of that identity.
 */
function perIdentity<K, V>(identity: (graph: PowerGraph) => object): (graph: PowerGraph, key: K, make: () => V) => V {
  const caches = new WeakMap<object, Map<K, V>>();
  return (graph, key, make) => {
    const of = identity(graph);
    let cache = caches.get(of);
    if (!cache) caches.set(of, (cache = new Map()));
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key)!;
  };
}

/** A cache of what depends on a power chain alone, per chain (`chainKey`) and key: read-only. */
export const perChain = <K, V>() => perIdentity<K, V>((graph) => graph.chainKey);

/** A cache of what depends on the chain and where racks are fed alone, per `feedsKey` and key. */
export const perFeeds = <K, V>() => perIdentity<K, V>((graph) => graph.feedsKey);

const atLevels = perChain<'levels', ReadonlyMap<PowerLevel, readonly number[]>>();
const NO_COMPONENTS: readonly number[] = [];

/**
 * Indexes of the components at one level of the chain, in component order (worked out once per
 * chain, every level in one pass: read-only).
 */
export function componentsAtLevel(graph: PowerGraph, level: PowerLevel): readonly number[] {
  const levels = atLevels(graph, 'levels', () => {
    const found = new Map<PowerLevel, number[]>();
    const { components } = graph;
    for (let i = 0; i < components.length; i++) {
      pushTo(found, LEVEL_OF[components[i]!.kind], i);
    }
    return found;
  });
  return levels.get(level) ?? NO_COMPONENTS;
}

/**
 * 1 for each component `test` holds for, in component order. A loop, not `Uint8Array.from` with a
 * mapping function, which V8 runs as a generic iteration: about 25 times slower on a campus's
 * 22,000 components.
 */
export function componentMarks(graph: PowerGraph, test: (c: PowerComponent) => boolean): Uint8Array {
  const { components } = graph;
  const marks = new Uint8Array(components.length);
  for (let i = 0; i < components.length; i++) if (test(components[i]!)) marks[i] = 1;
  return marks;
}
