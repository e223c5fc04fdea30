/**
 * The Outline tab: find by name, then the site as a tree (outlinerTree.ts) — site → building →
 * hall → row → rack, with each hall's cooling, doors, zones and cameras. A click selects (a row
 * selects its racks; Shift or Ctrl adds or removes) and shows the node's hall; a double-click or
 * F2 renames a hall, row or building; the right button (or the context-menu key) offers the
 * rest. Arrows move through the tree, Right and Left open and close.
 *
 * Built for 10,000 racks: the tree is built once per document (reusing the halls an edit did not
 * touch), only open nodes' children are drawn, a page at a time, and a selection change re-renders
 * only the rows whose highlight changes; a selection made elsewhere opens the way to it and
 * scrolls it into sight.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { create } from 'zustand';
import { plural, type ProjectDocument } from '../../shared/index';
import { viewBridge } from '../scene/viewBridge';
import { checksFor, useChecks } from '../store/checks';
import { deleteRacks } from '../store/commands';
import { openContextMenu, SEPARATOR, type ContextMenuEntry } from '../store/contextMenu';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import {
  addBuilding,
  deleteBuilding,
  moveHallToBuilding,
  renameBuilding,
  renameHall,
  renameRow,
} from '../store/outlinerCommands';
import { deleteSelection } from './actions';
import { EntitySearch } from './EntitySearch';
import { kW } from './format';
import {
  buildOutline,
  CHILDREN_PAGE,
  defaultOpen,
  findNode,
  focusOf,
  selectionOf,
  visibleRows,
  type Outline,
  type OutlineNode,
} from './outlinerTree';
import { runEdit } from './runEdit';

/** What the tree shows, kept while the tab is closed: open nodes, pages shown, the row being renamed. */
interface OutlineUi {
  /** Nodes opened or closed by the user; the others follow `defaultOpen`. */
  open: ReadonlyMap<string, boolean>;
  /** Children shown per node, beyond the first page. */
  shown: ReadonlyMap<string, number>;
  renaming: string | null;
  /** The row that takes Tab focus (roving tabindex). */
  focusKey: string | null;
  /** A row to scroll into sight once drawn; `n` tells two requests for the same row apart. */
  scrollTo: { key: string; n: number } | null;
}

const useOutlineUi = create<OutlineUi>()(() => ({
  open: new Map(),
  shown: new Map(),
  renaming: null,
  focusKey: null,
  scrollTo: null,
}));

// One tree per document, and the latest kept so that the next build reuses its unchanged halls.
const outlines = new WeakMap<ProjectDocument, Outline>();
let latest: Outline | null = null;

function outlineOf(doc: ProjectDocument, loads: ReadonlyMap<string, number> | null): Outline {
  let outline = outlines.get(doc);
  if (!outline) {
    outline = buildOutline(doc, loads, latest);
    outlines.set(doc, outline);
    latest = outline;
  }
  return outline;
}

/** The tree of the store's document, also between an edit and the next render (a paste selects what it adds). */
function currentOutline(): Outline {
  const { doc } = useEditor.getState();
  return outlineOf(doc, checksFor(doc).power.rackLoadW);
}

/** Indent per tree level, px: enough to read the levels, little enough for a 250 px column. */
const INDENT_PX = 10;

const RENAMABLE = new Set<OutlineNode['kind']>(['building', 'hall', 'row']);

const isOpen = (node: OutlineNode) =>
  node.children.length > 0 && (useOutlineUi.getState().open.get(node.key) ?? defaultOpen(node));

function setOpen(key: string, open: boolean): void {
  useOutlineUi.setState((s) => ({ open: new Map(s.open).set(key, open) }));
}

/** The selection as a set, built once per selection (not once per row that asks). */
const selectionSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function selectedSet(selection: readonly string[]): ReadonlySet<string> {
  let set = selectionSets.get(selection);
  if (!set) {
    set = new Set(selection);
    selectionSets.set(selection, set);
  }
  return set;
}

/** Set while the tree itself selects, so that it does not scroll to what was just clicked. */
let selectingHere = false;

/** Selects a node: replaces the selection, or with `toggle` adds it (all of a row) or takes it out. */
function selectNode(node: OutlineNode, toggle: boolean): void {
  const { select, selection, setActiveHall } = useEditor.getState();
  const ids = selectionOf(node);
  if (ids.length === 0) return;
  selectingHere = true;
  if (toggle) {
    const next = new Set(selection);
    const adding = !next.has(node.id ?? ids[0]!);
    for (const id of ids) {
      if (adding) next.add(id);
      else next.delete(id);
    }
    select([...next]);
  } else select(ids);
  if (node.hallId !== null) setActiveHall(node.hallId);
}

/** Points the 3D view at a node, keeping the direction it looks from. */
function showInView(node: OutlineNode): void {
  const state = useEditor.getState();
  const focus = focusOf(state.doc, node);
  if (!focus) return;
  state.setActiveHall(focus.hallId);
  if (state.view === 'one-line' || state.view === 'walk' || state.view === 'site') state.setView('perspective');
  // After the view has switched (and its controls mounted).
  requestAnimationFrame(() => {
    const bridge = viewBridge.current;
    if (!bridge) return;
    const { position, target } = bridge.current();
    let [dx, dy, dz] = [position.x - target.x, position.y - target.y, position.z - target.z];
    let length = Math.hypot(dx, dy, dz);
    if (length < 1e-6) [dx, dy, dz, length] = [0, 1, 1, Math.SQRT2];
    // Far enough to see the whole of it, at least 8 m (a rack with the aisles on both sides), aimed
    // 1 m above the floor, about half a rack's height.
    const distance = Math.max(8, focus.radiusM * 2.5) / length;
    const aim = { x: focus.point.x, y: 1, z: focus.point.y };
    bridge.goTo({
      target: aim,
      position: { x: aim.x + dx * distance, y: aim.y + dy * distance, z: aim.z + dz * distance },
    });
  });
}

function commitRename(node: OutlineNode, text: string): void {
  useOutlineUi.setState({ renaming: null, focusKey: node.key });
  if (node.id === null || text.trim() === node.label) return;
  const { doc } = useEditor.getState();
  const rename = node.kind === 'hall' ? renameHall : node.kind === 'row' ? renameRow : renameBuilding;
  runEdit(rename(doc, node.id, text));
}

function startRename(node: OutlineNode): void {
  if (RENAMABLE.has(node.kind)) useOutlineUi.setState({ renaming: node.key, focusKey: node.key });
}

function addBuildingHere(): void {
  const result = addBuilding(useEditor.getState().doc);
  if (runEdit(result) && result.ok && result.id) useOutlineUi.setState({ renaming: result.id, focusKey: result.id });
}

/** A second menu at the same place: the buildings a hall can move to. */
function moveMenu(node: OutlineNode, x: number, y: number): void {
  const { doc } = useEditor.getState();
  const hall = doc.halls.find((h) => h.id === node.id);
  if (!hall) return;
  const move = (buildingId: string | null) => () =>
    runEdit(moveHallToBuilding(useEditor.getState().doc, hall.id, buildingId));
  const items: ContextMenuEntry[] = doc.buildings.map((b) => ({
    label: b.name,
    disabled: b.id === hall.buildingId,
    run: move(b.id),
  }));
  items.push(SEPARATOR, { label: 'No building', disabled: hall.buildingId === null, run: move(null) });
  openContextMenu({ x, y, items, label: `Move ${hall.name} to` });
}

/** Acts on what the right-click was on: the selection when it is part of it, else the node alone. */
function ensureSelected(node: OutlineNode): void {
  const selected = selectedSet(useEditor.getState().selection);
  if (node.id === null || !selected.has(node.id)) selectNode(node, false);
}

function menuItems(node: OutlineNode, x: number, y: number): ContextMenuEntry[] {
  const show = {
    label: 'Show in view',
    run: () => {
      selectNode(node, false);
      showInView(node);
    },
  };
  const select = { label: 'Select', run: () => selectNode(node, false) };
  const rename = { label: 'Rename', shortcut: 'F2', run: () => startRename(node) };
  const remove = {
    label: 'Delete',
    shortcut: 'Del',
    run: () => {
      ensureSelected(node);
      deleteSelection();
    },
  };
  switch (node.kind) {
    case 'site':
      return [{ label: 'Add building', run: addBuildingHere }];
    case 'building':
      return [
        select,
        rename,
        SEPARATOR,
        {
          label: 'Delete building',
          run: () => node.id !== null && runEdit(deleteBuilding(useEditor.getState().doc, node.id)),
        },
      ];
    case 'hall':
      return [select, rename, { label: 'Move hall to building…', run: () => moveMenu(node, x, y) }, SEPARATOR, show];
    case 'row': {
      const racks = node.children.map((c) => c.key);
      return [
        { label: `Select ${plural(node.racks, 'rack')}`, run: () => selectNode(node, false) },
        rename,
        show,
        SEPARATOR,
        {
          label: `Delete its ${plural(node.racks, 'rack')}`,
          disabled: racks.length === 0,
          run: () => {
            const { run, select } = useEditor.getState();
            if (run(deleteRacks(racks))) select([]);
          },
        },
      ];
    }
    case 'rack':
      return [
        select,
        {
          label: 'Open elevation',
          shortcut: 'E',
          run: () => node.id !== null && useEditor.getState().openElevation(node.id),
        },
        show,
        SEPARATOR,
        remove,
      ];
    case 'group':
      return [
        { label: `Select all ${node.children.length}`, run: () => selectNode(node, false) },
        { label: isOpen(node) ? 'Collapse' : 'Expand', run: () => setOpen(node.key, !isOpen(node)) },
      ];
    default:
      return [select, show, SEPARATOR, remove];
  }
}

function openMenu(node: OutlineNode, x: number, y: number): void {
  useOutlineUi.setState({ focusKey: node.key });
  openContextMenu({ x, y, items: menuItems(node, x, y), label: node.label });
}

function RenameField({ node }: { node: OutlineNode }) {
  return (
    <input
      className="outline-rename"
      aria-label={`New name for ${node.label}`}
      defaultValue={node.label}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key !== 'Enter' && e.key !== 'Escape') return;
        const row = e.currentTarget.closest<HTMLElement>('[role="treeitem"]');
        if (e.key === 'Enter') commitRename(node, e.currentTarget.value);
        else useOutlineUi.setState({ renaming: null, focusKey: node.key });
        // Back to the tree, where the keys left off; the field's blur then finds nothing to commit.
        row?.focus();
      }}
      onBlur={(e) => {
        if (useOutlineUi.getState().renaming === node.key) commitRename(node, e.currentTarget.value);
      }}
    />
  );
}

/** "32 · 612.4 kW" (racks · IT load), or for a group of other things how many it holds. */
function countsText(node: OutlineNode): string | null {
  if (node.kind === 'rack') return node.loadW === null ? null : kW(node.loadW);
  if (node.kind === 'group' && node.racks === 0) return String(node.children.length);
  if (node.kind === 'cooling' || node.kind === 'door' || node.kind === 'zone' || node.kind === 'camera') return null;
  return node.loadW === null ? String(node.racks) : `${node.racks} · ${kW(node.loadW)}`;
}

// Formatting a number for the locale costs more than drawing its row: once per node is enough
// (nodes live as long as their hall is unchanged).
const countsCache = new WeakMap<OutlineNode, string | null>();
function counts(node: OutlineNode): string | null {
  if (!countsCache.has(node)) countsCache.set(node, countsText(node));
  return countsCache.get(node)!;
}

/** What the figures of a row say, in full, for its tooltip (written when the pointer comes, not per render). */
function countsTitle(node: OutlineNode, basis: string): string {
  if (node.kind === 'group' && node.racks === 0) return `${node.children.length} in this group`;
  if (node.loadW === null) return plural(node.racks, 'rack');
  const load = `IT load ${kW(node.loadW)} at ${basis} power (load basis: Power tab, Design settings), from the power check`;
  return node.kind === 'rack' ? load : `${plural(node.racks, 'rack')}; ${load}`;
}

const TreeRow = memo(function TreeRow(props: {
  node: OutlineNode;
  level: number;
  open: boolean;
  focusable: boolean;
  renaming: boolean;
  /** The load basis the figures are computed on: nameplate or typical. */
  basis: string;
}) {
  const { node, level, open, focusable, renaming, basis } = props;
  const selected = useEditor((s) => node.id !== null && selectedSet(s.selection).has(node.id));
  const active = useEditor((s) => node.kind === 'hall' && activeHall(s)?.id === node.id);
  const expandable = node.children.length > 0;
  const figures = counts(node);
  return (
    <div
      role="treeitem"
      aria-level={level}
      aria-expanded={expandable ? open : undefined}
      aria-selected={selected}
      data-key={node.key}
      data-testid={`outline-${node.key}`}
      tabIndex={focusable ? 0 : -1}
      className={`outline-row ${node.kind}${selected ? ' selected' : ''}${active ? ' active-hall' : ''}`}
      style={{ paddingLeft: (level - 1) * INDENT_PX }}
      onClick={(e) => {
        useOutlineUi.setState({ focusKey: node.key });
        if (node.kind === 'group' || node.kind === 'site') setOpen(node.key, !open);
        else selectNode(node, e.shiftKey || e.ctrlKey || e.metaKey);
      }}
      onDoubleClick={() => startRename(node)}
      onContextMenu={(e) => {
        e.preventDefault();
        openMenu(node, e.clientX, e.clientY);
      }}
    >
      <span
        className="twisty"
        aria-hidden="true"
        data-testid={expandable ? `outline-toggle-${node.key}` : undefined}
        onClick={(e) => {
          e.stopPropagation();
          if (expandable) setOpen(node.key, !open);
        }}
      >
        {expandable ? (open ? '▾' : '▸') : ''}
      </span>
      {renaming ? (
        <RenameField node={node} />
      ) : (
        <span className="outline-label" title={active ? `${node.label} (shown in the views)` : node.label}>
          {node.label}
        </span>
      )}
      {figures ? (
        <small className="outline-counts" onPointerEnter={(e) => (e.currentTarget.title = countsTitle(node, basis))}>
          {figures}
        </small>
      ) : null}
    </div>
  );
});

/** Moves focus to a drawn row. */
function focusRow(tree: HTMLElement | null, key: string): void {
  useOutlineUi.setState({ focusKey: key });
  tree?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

/** Opens the way down to a node selected elsewhere (the 3D view, find by name) and scrolls to it. */
function reveal(previous: readonly string[], selection: readonly string[]): void {
  if (selectingHere) {
    selectingHere = false;
    return;
  }
  const outline = currentOutline();
  const before = selectedSet(previous);
  const key = selection.find((id) => !before.has(id) && outline.parent.has(id));
  if (key === undefined) return;
  const open = new Map(useOutlineUi.getState().open);
  const shown = new Map(useOutlineUi.getState().shown);
  for (let child = key, p = outline.parent.get(key); p !== undefined; child = p, p = outline.parent.get(p)) {
    open.set(p, true);
    // A child beyond the pages shown widens them to include it.
    const index = findNode(outline, p)?.children.findIndex((c) => c.key === child) ?? -1;
    if (index >= (shown.get(p) ?? CHILDREN_PAGE)) shown.set(p, Math.ceil((index + 1) / CHILDREN_PAGE) * CHILDREN_PAGE);
  }
  useOutlineUi.setState((s) => ({ open, shown, focusKey: key, scrollTo: { key, n: (s.scrollTo?.n ?? 0) + 1 } }));
}

export function Outliner() {
  const doc = useEditor((s) => s.doc);
  const { power } = useChecks();
  const outline = outlineOf(doc, power.rackLoadW);
  const { open, shown, renaming, focusKey, scrollTo } = useOutlineUi();
  const rows = useMemo(() => visibleRows(outline.root, open, shown), [outline, open, shown]);
  const tree = useRef<HTMLDivElement>(null);
  const basis = doc.settings.loadBasis === 'nameplate' ? 'nameplate' : 'typical';
  const focusable = rows.some((r) => r.kind === 'node' && r.node.key === focusKey) ? focusKey : outline.root.key;

  useEffect(
    () => useEditor.subscribe((s, prev) => s.selection !== prev.selection && reveal(prev.selection, s.selection)),
    [],
  );

  useEffect(() => {
    if (!scrollTo) return;
    tree.current?.querySelector(`[data-key="${CSS.escape(scrollTo.key)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [scrollTo]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement) return;
    const at = rows.findIndex((r) => r.kind === 'node' && r.node.key === focusable);
    const here = rows[at];
    if (!here || here.kind !== 'node') return;
    const { node } = here;
    const go = (i: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (row?.kind === 'node') focusRow(tree.current, row.node.key);
    };
    const parent = outline.parent.get(node.key);
    switch (e.key) {
      case 'ArrowDown':
        go(rows[at + 1]?.kind === 'more' ? at + 2 : at + 1);
        break;
      case 'ArrowUp':
        go(at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'ArrowRight':
        if (node.children.length > 0 && !here.open) setOpen(node.key, true);
        else if (here.open) go(at + 1);
        break;
      case 'ArrowLeft':
        if (here.open) setOpen(node.key, false);
        else if (parent !== undefined) focusRow(tree.current, parent);
        break;
      case 'Enter':
      case ' ':
        if (node.kind === 'group' || node.kind === 'site') setOpen(node.key, !here.open);
        else selectNode(node, e.shiftKey || e.ctrlKey || e.metaKey);
        break;
      case 'F2':
        startRename(node);
        break;
      case 'ContextMenu':
      case 'F10': {
        if (e.key === 'F10' && !e.shiftKey) return;
        const box = (e.target as HTMLElement).getBoundingClientRect();
        openMenu(node, box.left + 24, box.bottom);
        break;
      }
      default:
        // Delete, R, P, … reach the editor's shortcuts.
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="outliner" data-testid="outliner">
      <EntitySearch />
      <div className="outliner-tools">
        <button onClick={addBuildingHere}>Add building</button>
        <small
          className="hint"
          title={`Racks · IT load at ${basis} power (load basis: Power tab, Design settings), from the power check`}
        >
          racks · IT load
        </small>
      </div>
      <div className="outline-tree" role="tree" aria-label="Site outline" ref={tree} onKeyDown={onKeyDown}>
        {rows.map((row) =>
          row.kind === 'node' ? (
            <TreeRow
              key={row.node.key}
              node={row.node}
              level={row.level}
              open={row.open}
              focusable={row.node.key === focusable}
              renaming={row.node.key === renaming}
              basis={basis}
            />
          ) : (
            <div
              key={`${row.parentKey}/more`}
              role="none"
              className="outline-more"
              style={{ paddingLeft: (row.level - 1) * INDENT_PX + 16 }}
            >
              <button
                className="link"
                onClick={() =>
                  useOutlineUi.setState((s) => ({
                    shown: new Map(s.shown).set(
                      row.parentKey,
                      (s.shown.get(row.parentKey) ?? CHILDREN_PAGE) + CHILDREN_PAGE,
                    ),
                  }))
                }
              >
                Show {Math.min(CHILDREN_PAGE, row.remaining)} more of {row.remaining}
              </button>
            </div>
          ),
        )}
      </div>
    </div>
  );
}
