/**
 * Copy and paste of racks, within a hall, across halls and across projects: the clipboard holds
 * the racks with their circuits, the rows they stand in and the custom devices they use, so it can
 * be pasted into any document. Pasting gives everything new ids; racks of a copied row go into a
 * new row of the target hall, renamed Hall-Row-Position; what the target lacks (the distribution a
 * circuit hangs from, a liquid loop, a tenant) is left unconnected and said so.
 */
import { idAllocator } from '../model/entities';
import type { Circuit, CustomDevice, Hall, Point2, ProjectDocument, Rack, Row } from '../model/schema';
import { plural } from '../text';
import { nextRowNumber, rackName, rowName } from './naming';

export interface LayoutClipboard {
  kind: 'hallwright-layout';
  racks: Rack[];
  circuits: Circuit[];
  rows: Row[];
  customDevices: CustomDevice[];
}

export function copyLayout(doc: ProjectDocument, ids: readonly string[]): LayoutClipboard | null {
  const set = new Set(ids);
  const racks = doc.racks.filter((r) => set.has(r.id));
  if (racks.length === 0) return null;
  const circuitIds = new Set(racks.flatMap((r) => [r.feeds.a, r.feeds.b]));
  const rowIds = new Set(racks.map((r) => r.rowId));
  const deviceIds = new Set(racks.flatMap((r) => r.devices.map((d) => d.catalogId)));
  // A deep copy: later edits to the document must not reach the clipboard.
  const clip: LayoutClipboard = {
    kind: 'hallwright-layout',
    racks,
    circuits: doc.power.filter((p): p is Circuit => p.kind === 'circuit' && circuitIds.has(p.id)),
    rows: doc.rows.filter((r) => rowIds.has(r.id)),
    customDevices: doc.customDevices.filter((c) => deviceIds.has(c.id)),
  };
  return JSON.parse(JSON.stringify(clip)) as LayoutClipboard;
}

export interface Pasted {
  racks: Rack[];
  circuits: Circuit[];
  rows: Row[];
  customDevices: CustomDevice[];
  notes: string[];
}

/** The clipboard's entities made new for `doc`, in `hall`, moved by `offset`. */
export function pasteLayout(doc: ProjectDocument, clip: LayoutClipboard, hall: Hall, offset: Point2): Pasted {
  const nextId = idAllocator(doc);
  const out: Pasted = { racks: [], circuits: [], rows: [], customDevices: [], notes: [] };
  const power = new Map(doc.power.map((p) => [p.id, p]));
  const loops = new Set(doc.cooling.map((u) => u.id));
  const tenants = new Set(doc.tenants.map((t) => t.id));
  const names = new Set(doc.racks.map((r) => r.name));
  const circuits = new Map(clip.circuits.map((c) => [c.id, c]));
  let unconnected = 0;
  let lostLoops = 0;
  let lostTenants = 0;

  const newRows = new Map<string, { row: Row; number: number }>();
  const taken: number[] = [];
  for (const row of clip.rows) {
    const number = nextRowNumber(doc, hall.id, taken);
    taken.push(number);
    newRows.set(row.id, { row: { id: nextId('row'), hallId: hall.id, name: rowName(number) }, number });
  }
  const round = (v: number) => Number(v.toFixed(6));
  for (const source of clip.racks) {
    const rackId = nextId('rack');
    const feeds = { a: null as string | null, b: null as string | null };
    for (const side of ['a', 'b'] as const) {
      const c = source.feeds[side] === null ? undefined : circuits.get(source.feeds[side]);
      if (!c) continue;
      const parent = c.parentId === null ? undefined : power.get(c.parentId);
      if (c.parentId !== null && (!parent || parent.kind === 'circuit')) unconnected++;
      const circuit: Circuit = {
        ...c,
        id: nextId(`ckt-${rackId}-${side}`, true),
        parentId: parent && parent.kind !== 'circuit' ? parent.id : null,
      };
      out.circuits.push(circuit);
      feeds[side] = circuit.id;
    }
    if (source.liquidLoopId !== null && !loops.has(source.liquidLoopId)) lostLoops++;
    if (source.tenantId !== null && !tenants.has(source.tenantId)) lostTenants++;
    out.racks.push({
      ...source,
      id: rackId,
      hallId: hall.id,
      rowId: source.rowId === null ? null : (newRows.get(source.rowId)?.row.id ?? null),
      position: { x: round(source.position.x + offset.x), y: round(source.position.y + offset.y) },
      feeds,
      liquidLoopId: source.liquidLoopId !== null && loops.has(source.liquidLoopId) ? source.liquidLoopId : null,
      tenantId: source.tenantId !== null && tenants.has(source.tenantId) ? source.tenantId : null,
    });
  }
  // Names: a pasted row's racks by position along the row; a loose rack keeps its name while it is free.
  for (const { row, number } of newRows.values()) {
    const racks = out.racks.filter((r) => r.rowId === row.id);
    const spread = (k: 'x' | 'y') =>
      Math.max(...racks.map((r) => r.position[k])) - Math.min(...racks.map((r) => r.position[k]));
    const along = racks.length > 1 && spread('y') > spread('x') ? 'y' : 'x';
    racks
      .sort((a, b) => a.position[along] - b.position[along])
      .forEach((r, i) => (r.name = rackName(hall.code, number, i + 1)));
    out.rows.push(row);
  }
  for (const r of out.racks) {
    const base = r.name;
    for (let k = 2; names.has(r.name); k++) r.name = `${base} (${k})`;
    names.add(r.name);
    for (const c of out.circuits)
      if (c.id === r.feeds.a || c.id === r.feeds.b) c.name = `${r.name} ${c.side ?? ''}`.trim();
  }
  const known = new Set(doc.customDevices.map((c) => c.id));
  out.customDevices = clip.customDevices.filter((c) => !known.has(c.id));

  if (unconnected > 0)
    out.notes.push(
      `${plural(unconnected, 'circuit')} left unconnected: ${unconnected === 1 ? 'its' : 'their'} distribution is not in this project.`,
    );
  if (lostLoops > 0)
    out.notes.push(
      `${plural(lostLoops, 'rack')} lost ${lostLoops === 1 ? 'its' : 'their'} liquid loop, which is not in this project.`,
    );
  if (lostTenants > 0)
    out.notes.push(
      `${plural(lostTenants, 'rack')} lost ${lostTenants === 1 ? 'its' : 'their'} tenant, who is not in this project.`,
    );
  return out;
}
