/** Layout actions for the keyboard, the inspector and the context menus: each runs one undoable edit or says why not. */
import { copyLayout, type AlignMode } from '../../shared/index';
import { deleteRacks } from '../store/commands';
import { heldClipboard, holdClipboard } from '../store/clipboard';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import {
  alignItems,
  arrayItems,
  distributeItems,
  duplicateItems,
  moveItems,
  pasteCommand,
  racksOfSelection,
  renumberCommand,
  rotateItems,
  type LayoutResult,
} from '../store/layoutCommands';

/** Runs a layout edit and selects what it made or moved; a refusal or a note is shown. */
export function runLayout(result: LayoutResult, select = true): boolean {
  const state = useEditor.getState();
  if (!result.ok) {
    state.notify({ kind: 'error', text: result.reason, details: [] });
    return false;
  }
  if (!state.run(result.command)) return false;
  if (select) state.select(result.ids);
  state.notify(result.notes.length > 0 ? { kind: 'info', text: result.notes.join(' '), details: [] } : null);
  return true;
}

/** The racks and floor cooling units the selection moves: rows count as their racks. */
export function selectedItems(): string[] {
  const { doc, selection } = useEditor.getState();
  const racks = racksOfSelection(doc, selection);
  const units = selection.filter((id) => doc.cooling.some((u) => u.id === id && 'position' in u));
  return [...racks, ...units];
}

/** Moves the selection one grid step (ten with Shift), as arrow keys do in CAD. */
export function nudgeSelection(dx: number, dy: number, big: boolean): void {
  const ids = selectedItems();
  if (ids.length === 0) return;
  const { doc } = useEditor.getState();
  const step = doc.settings.gridM * (big ? 10 : 1);
  runLayout(moveItems(doc, ids, dx * step, dy * step), false);
}

export function rotateSelectedItems(): void {
  const ids = selectedItems();
  if (ids.length > 0) runLayout(rotateItems(useEditor.getState().doc, ids), false);
}

export function alignSelection(mode: AlignMode): void {
  runLayout(alignItems(useEditor.getState().doc, selectedItems(), mode), false);
}

export function distributeSelection(axis: 'x' | 'y'): void {
  runLayout(distributeItems(useEditor.getState().doc, selectedItems(), axis), false);
}

export function copySelection(): boolean {
  const { doc, selection, notify } = useEditor.getState();
  const clip = copyLayout(doc, racksOfSelection(doc, selection));
  if (!clip) {
    notify({ kind: 'error', text: 'Select racks to copy.', details: [] });
    return false;
  }
  holdClipboard(clip);
  notify({ kind: 'info', text: `Copied ${clip.racks.length} rack${clip.racks.length === 1 ? '' : 's'}.`, details: [] });
  return true;
}

export function cutSelection(): void {
  if (!copySelection()) return;
  const { doc, selection, run, select } = useEditor.getState();
  if (run({ ...deleteRacks(racksOfSelection(doc, selection)), label: 'Cut' })) select([]);
}

/** Pastes into the hall the view shows. */
export function pasteClipboard(): void {
  const state = useEditor.getState();
  const clip = heldClipboard();
  const hall = activeHall(state);
  if (!clip) return state.notify({ kind: 'error', text: 'Nothing to paste: copy racks first (Ctrl+C).', details: [] });
  if (hall) runLayout(pasteCommand(state.doc, clip, hall.id));
}

export function duplicateSelection(): void {
  const { doc, selection } = useEditor.getState();
  runLayout(duplicateItems(doc, racksOfSelection(doc, selection)));
}

export function arraySelection(count: number, step: { x: number; y: number }): void {
  const { doc, selection } = useEditor.getState();
  runLayout(arrayItems(doc, racksOfSelection(doc, selection), count, step));
}

/** Renumbers the rows the selection touches (its rows, and the rows of its racks). */
export function renumberSelectedRows(): void {
  const { doc, selection } = useEditor.getState();
  const ids = new Set(selection);
  const rows = doc.rows
    .filter((r) => ids.has(r.id) || doc.racks.some((k) => k.rowId === r.id && ids.has(k.id)))
    .map((r) => r.id);
  if (rows.length === 0)
    return useEditor.getState().notify({ kind: 'error', text: 'Select racks of a row, or a row.', details: [] });
  runLayout(renumberCommand(doc, rows), false);
}

/** Selects every rack and floor cooling unit of the hall the view shows. */
export function selectAllInHall(): void {
  const state = useEditor.getState();
  const hall = activeHall(state);
  if (!hall) return;
  const { doc } = state;
  state.select([
    ...doc.racks.filter((r) => r.hallId === hall.id).map((r) => r.id),
    ...doc.cooling.filter((u) => 'position' in u && u.hallId === hall.id).map((u) => u.id),
  ]);
}

/** The racks of the rows of the selected racks, with the rows: "select row". */
export function selectRowsOfSelection(): void {
  const { doc, selection, select } = useEditor.getState();
  const ids = new Set(selection);
  const rows = new Set(doc.racks.filter((r) => ids.has(r.id) && r.rowId !== null).map((r) => r.rowId!));
  if (rows.size === 0) return;
  select([...rows, ...doc.racks.filter((r) => r.rowId !== null && rows.has(r.rowId)).map((r) => r.id)]);
}

/** Selects every rack of the same rack type and content as the selected one, in its hall ("select all of a kind"). */
export function selectSameKind(): void {
  const { doc, selection, select } = useEditor.getState();
  const rack = doc.racks.find((r) => selection.includes(r.id));
  if (!rack) return;
  const content = (r: typeof rack) =>
    r.devices
      .map((d) => d.catalogId)
      .sort()
      .join(',');
  select(
    doc.racks
      .filter((r) => r.hallId === rack.hallId && r.rackTypeId === rack.rackTypeId && content(r) === content(rack))
      .map((r) => r.id),
  );
}
