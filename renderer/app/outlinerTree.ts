/**
 * The outliner's tree, built from the document: site → building → hall → row → rack, with halls
 * that stand in no building under "No building", racks on no row under "Loose racks", and each
 * hall's cooling units, doors, zones and cameras in groups. Nodes carry their rack count and IT
 * load (the power check's per-rack load, W), so the panel only draws.
 *
 * A site of 10,000 racks rebuilds only the halls whose entities changed: each hall's subtree is
 * kept from the previous build while its inputs are the same objects (immer shares what an edit
 * did not touch), and the panel draws only the children of expanded nodes (`visibleRows`).
 */
import type { Camera, CoolingUnit, Door, Hall, Point2, ProjectDocument, Rack, Row, Zone } from '../../shared/index';

export type OutlineKind =
  'site' | 'building' | 'hall' | 'row' | 'rack' | 'group' | 'cooling' | 'door' | 'zone' | 'camera';

export interface OutlineNode {
  /** Unique in the tree: the entity's id, or a `#`-key for the site and the groups. */
  key: string;
  kind: OutlineKind;
  /** The entity it stands for; null for the site and the groups. */
  id: string | null;
  label: string;
  /** The hall it lies in (the hall itself for a hall); null above the halls and outside them. */
  hallId: string | null;
  /** Racks under the node (itself for a rack). */
  racks: number;
  /** IT load of those racks, W, as the power check computes it; null when no loads were given. */
  loadW: number | null;
  children: readonly OutlineNode[];
}

export interface Outline {
  root: OutlineNode;
  /** Node key → its parent's key, to expand the way down to a node that gets selected elsewhere. */
  parent: ReadonlyMap<string, string>;
  /** Each hall's subtree with what it was built from, for the next build to reuse. */
  halls: ReadonlyMap<string, HallMemo>;
}

interface HallMemo {
  inputs: readonly unknown[];
  node: OutlineNode;
}

export const SITE_KEY = '#site';
export const NO_BUILDING_KEY = '#no-building';
export const OUTSIDE_KEY = '#outside';

/** Keys of a hall's groups, which hold no entity of their own. */
export const groupKey = (hallId: string, group: 'loose' | 'cooling' | 'doors' | 'zones' | 'cameras') =>
  `#${hallId}/${group}`;

/** Children drawn at once under one node; more come a page at a time ("Show 200 more"). */
export const CHILDREN_PAGE = 200;

// Natural order: "R-2" before "R-10", as people number racks and rows.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const byLabel = (a: OutlineNode, b: OutlineNode) => collator.compare(a.label, b.label);

const leaf = (kind: OutlineKind, id: string, label: string, hallId: string | null): OutlineNode => ({
  key: id,
  kind,
  id,
  label,
  hallId,
  racks: 0,
  loadW: null,
  children: [],
});

/** A container whose counts are the sums of its children's. */
function container(
  key: string,
  kind: OutlineKind,
  id: string | null,
  label: string,
  hallId: string | null,
  children: OutlineNode[],
  withLoads: boolean,
): OutlineNode {
  let racks = 0;
  let loadW = 0;
  for (const c of children) {
    racks += c.racks;
    loadW += c.loadW ?? 0;
  }
  return { key, kind, id, label, hallId, racks, loadW: withLoads ? loadW : null, children };
}

/** What one hall's subtree is built from. */
interface HallParts {
  hall: Hall;
  rows: Row[];
  racks: Rack[];
  cooling: CoolingUnit[];
  doors: Door[];
  zones: Zone[];
  cameras: Camera[];
}

function hallInputs(parts: HallParts, loads: ReadonlyMap<string, number> | null): unknown[] {
  const { hall, rows, racks, cooling, doors, zones, cameras } = parts;
  // Lengths separate the lists, so that an entity moving from one list to the next still differs.
  return [
    hall,
    loads !== null,
    rows.length,
    ...rows,
    racks.length,
    ...racks,
    ...(loads ? racks.map((r) => loads.get(r.id) ?? 0) : []),
    cooling.length,
    ...cooling,
    doors.length,
    ...doors,
    zones.length,
    ...zones,
    cameras.length,
    ...cameras,
  ];
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

function buildHall(parts: HallParts, loads: ReadonlyMap<string, number> | null): OutlineNode {
  const { hall, rows, racks, cooling, doors, zones, cameras } = parts;
  const withLoads = loads !== null;
  const rackNode = (r: Rack): OutlineNode => ({
    ...leaf('rack', r.id, r.name, hall.id),
    racks: 1,
    loadW: loads ? (loads.get(r.id) ?? 0) : null,
  });
  const byRow = new Map<string, OutlineNode[]>(rows.map((r) => [r.id, []]));
  const loose: OutlineNode[] = [];
  // A rack on no row, or naming another hall's row, is listed as loose.
  for (const r of racks) (byRow.get(r.rowId ?? '') ?? loose).push(rackNode(r));
  const children = rows
    .map((row) => container(row.id, 'row', row.id, row.name, hall.id, byRow.get(row.id)!.sort(byLabel), withLoads))
    .sort(byLabel);
  const group = (key: string, label: string, items: OutlineNode[]) => {
    if (items.length > 0) children.push(container(key, 'group', null, label, hall.id, items.sort(byLabel), withLoads));
  };
  group(groupKey(hall.id, 'loose'), 'Loose racks', loose);
  group(
    groupKey(hall.id, 'cooling'),
    'Cooling',
    cooling.map((u) => leaf('cooling', u.id, u.name, hall.id)),
  );
  group(
    groupKey(hall.id, 'doors'),
    'Doors',
    doors.map((d) => leaf('door', d.id, d.name, hall.id)),
  );
  group(
    groupKey(hall.id, 'zones'),
    'Zones',
    zones.map((z) => leaf('zone', z.id, z.name, hall.id)),
  );
  group(
    groupKey(hall.id, 'cameras'),
    'Cameras',
    cameras.map((c) => leaf('camera', c.id, c.name, hall.id)),
  );
  return container(hall.id, 'hall', hall.id, hall.name, hall.id, children, withLoads);
}

/** Splits the document's hall-bound entities by hall, in one pass over each collection. */
function partsByHall(doc: ProjectDocument): {
  parts: Map<string, HallParts>;
  outside: { cooling: CoolingUnit[]; doors: Door[]; zones: Zone[] };
} {
  const parts = new Map<string, HallParts>(
    doc.halls.map((hall) => [hall.id, { hall, rows: [], racks: [], cooling: [], doors: [], zones: [], cameras: [] }]),
  );
  const outside = { cooling: [] as CoolingUnit[], doors: [] as Door[], zones: [] as Zone[] };
  const rackHall = new Map<string, string>();
  for (const row of doc.rows) parts.get(row.hallId)?.rows.push(row);
  for (const rack of doc.racks) {
    parts.get(rack.hallId)?.racks.push(rack);
    rackHall.set(rack.id, rack.hallId);
  }
  for (const unit of doc.cooling) {
    // Rear doors hang on a rack and go with its hall; heat rejection stands outside any hall.
    const hallId = 'hallId' in unit ? unit.hallId : unit.kind === 'rear-door' ? rackHall.get(unit.rackId) : undefined;
    const p = hallId === undefined ? undefined : parts.get(hallId);
    if (p) p.cooling.push(unit);
    else outside.cooling.push(unit);
  }
  for (const door of doc.doors) {
    const p = door.hallId === null ? undefined : parts.get(door.hallId);
    if (p) p.doors.push(door);
    else outside.doors.push(door);
  }
  for (const zone of doc.zones) {
    const p = zone.hallId === null ? undefined : parts.get(zone.hallId);
    if (p) p.zones.push(zone);
    else outside.zones.push(zone);
  }
  for (const camera of doc.cameras) parts.get(camera.hallId)?.cameras.push(camera);
  return { parts, outside };
}

/**
 * The whole tree. `loads` is the power check's IT load per rack, W (PowerMetrics.rackLoadW);
 * `previous` is the last build, whose hall subtrees are reused where nothing in them changed.
 */
export function buildOutline(
  doc: ProjectDocument,
  loads: ReadonlyMap<string, number> | null = null,
  previous: Outline | null = null,
): Outline {
  const withLoads = loads !== null;
  const { parts, outside } = partsByHall(doc);
  const halls = new Map<string, HallMemo>();
  const hallNodes = new Map<string, OutlineNode>();
  for (const [id, p] of parts) {
    const inputs = hallInputs(p, loads);
    const before = previous?.halls.get(id);
    const memo = before && sameInputs(before.inputs, inputs) ? before : { inputs, node: buildHall(p, loads) };
    halls.set(id, memo);
    hallNodes.set(id, memo.node);
  }

  const knownBuildings = new Set(doc.buildings.map((b) => b.id));
  const hallsIn = (buildingId: string | null) =>
    doc.halls
      .filter((h) =>
        buildingId === null ? h.buildingId === null || !knownBuildings.has(h.buildingId) : h.buildingId === buildingId,
      )
      .map((h) => hallNodes.get(h.id)!)
      .sort(byLabel);
  const top = doc.buildings
    .map((b) => container(b.id, 'building', b.id, b.name, null, hallsIn(b.id), withLoads))
    .sort(byLabel);
  const homeless = hallsIn(null);
  if (homeless.length > 0)
    top.push(container(NO_BUILDING_KEY, 'group', null, 'No building', null, homeless, withLoads));
  // Rooms the model does not draw keep the document's order (zones from the street inwards), unsorted.
  const outsideItems = [
    ...outside.zones.map((z) => leaf('zone', z.id, z.name, null)),
    ...outside.doors.map((d) => leaf('door', d.id, d.name, null)),
    ...outside.cooling.map((u) => leaf('cooling', u.id, u.name, null)),
  ];
  if (outsideItems.length > 0)
    top.push(container(OUTSIDE_KEY, 'group', null, 'Outside the halls', null, outsideItems, withLoads));
  const root = container(SITE_KEY, 'site', null, doc.name || 'Site', null, top, withLoads);

  const parent = new Map<string, string>();
  const walk = (node: OutlineNode) => {
    for (const c of node.children) {
      parent.set(c.key, node.key);
      walk(c);
    }
  };
  walk(root);
  return { root, parent, halls };
}

/** Whether a node starts expanded: everything down to the halls, nothing below them. */
export function defaultOpen(node: OutlineNode): boolean {
  return node.kind === 'site' || node.kind === 'building' || node.kind === 'hall' || node.key === NO_BUILDING_KEY;
}

export type VisibleRow =
  | { kind: 'node'; node: OutlineNode; level: number; open: boolean }
  /** Stands for the children of `parentKey` not drawn yet. */
  | { kind: 'more'; parentKey: string; level: number; remaining: number };

/**
 * The rows the panel draws, in order: each node, and the children of open nodes, at most `shown`
 * of them per node (CHILDREN_PAGE by default). Work is proportional to what is drawn.
 */
export function visibleRows(
  root: OutlineNode,
  open: ReadonlyMap<string, boolean>,
  shown: ReadonlyMap<string, number> = new Map(),
): VisibleRow[] {
  const out: VisibleRow[] = [];
  const visit = (node: OutlineNode, level: number) => {
    const isOpen = node.children.length > 0 && (open.get(node.key) ?? defaultOpen(node));
    out.push({ kind: 'node', node, level, open: isOpen });
    if (!isOpen) return;
    const limit = shown.get(node.key) ?? CHILDREN_PAGE;
    const count = Math.min(limit, node.children.length);
    for (let i = 0; i < count; i++) visit(node.children[i]!, level + 1);
    if (count < node.children.length)
      out.push({ kind: 'more', parentKey: node.key, level: level + 1, remaining: node.children.length - count });
  };
  visit(root, 1);
  return out;
}

/** The node with `key`, found by walking down from the root along `parent`. */
export function findNode(outline: Outline, key: string): OutlineNode | undefined {
  const path = [key];
  for (let p = outline.parent.get(key); p !== undefined; p = outline.parent.get(p)) path.unshift(p);
  let node: OutlineNode | undefined = outline.root;
  if (path[0] !== node.key) return undefined;
  for (const k of path.slice(1)) node = node?.children.find((c) => c.key === k);
  return node;
}

/** What the view should look at to show an entity: its hall, a plan point and a radius, metres. */
export interface Focus {
  hallId: string;
  point: Point2;
  radiusM: number;
}

function boxFocus(hallId: string, points: readonly Point2[], pad: number): Focus | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { hallId, point: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, radiusM: Math.hypot(x1 - x0, y1 - y0) / 2 + pad };
}

/** Where an entity of a hall stands, for "Show in view"; null for what has no place in a hall's plan. */
export function focusOf(doc: ProjectDocument, node: OutlineNode): Focus | null {
  const { id, hallId } = node;
  if (id === null || hallId === null) return null;
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return null;
  switch (node.kind) {
    case 'hall':
      return boxFocus(
        hallId,
        [
          { x: 0, y: 0 },
          { x: hall.width, y: hall.depth },
        ],
        0,
      );
    case 'row':
      // A rack's footprint is at most ~1.2 m deep: a metre of margin shows the whole row.
      return boxFocus(
        hallId,
        doc.racks.filter((r) => r.rowId === id).map((r) => r.position),
        1,
      );
    case 'rack': {
      const rack = doc.racks.find((r) => r.id === id);
      return rack ? { hallId, point: rack.position, radiusM: 1.5 } : null;
    }
    case 'cooling': {
      const unit = doc.cooling.find((u) => u.id === id);
      if (unit && 'position' in unit) return { hallId, point: unit.position, radiusM: 2 };
      const rack = unit?.kind === 'rear-door' ? doc.racks.find((r) => r.id === unit.rackId) : undefined;
      return rack ? { hallId, point: rack.position, radiusM: 1.5 } : null;
    }
    case 'door': {
      const door = doc.doors.find((d) => d.id === id);
      return door ? { hallId, point: door.position, radiusM: 2 } : null;
    }
    case 'camera': {
      const camera = doc.cameras.find((c) => c.id === id);
      return camera ? { hallId, point: camera.position, radiusM: 2 } : null;
    }
    case 'zone': {
      const zone = doc.zones.find((z) => z.id === id);
      if (!zone) return null;
      return boxFocus(
        hallId,
        zone.polygon ?? [
          { x: 0, y: 0 },
          { x: hall.width, y: hall.depth },
        ],
        0,
      );
    }
    default:
      return null;
  }
}

/** The ids a click on a node selects: a row selects its racks with it; a group, what it holds. */
export function selectionOf(node: OutlineNode): string[] {
  if (node.kind === 'row') return [...node.children.map((c) => c.key), node.key];
  if (node.kind === 'group') return node.children.flatMap((c) => (c.id === null ? [] : [c.id]));
  return node.id === null ? [] : [node.id];
}
