/**
 * The right-click menu on a rack in the 3D or plan view: it acts on the selection when the rack is
 * part of it, else on the rack alone, as CAD programs do. Each item runs the same action as its key.
 */
import type { Rack } from '../../shared/index';
import { deleteSelection, rotateSelection } from '../app/actions';
import {
  copySelection,
  cutSelection,
  duplicateSelection,
  renumberSelectedRows,
  selectRowsOfSelection,
  selectSameKind,
} from '../app/layoutActions';
import { openContextMenu, SEPARATOR } from '../store/contextMenu';
import { useEditor } from '../store/editor';

export function openRackMenu(rack: Rack, x: number, y: number): void {
  const state = useEditor.getState();
  if (!state.selection.includes(rack.id)) state.select([rack.id]);
  const many = useEditor.getState().selectedRackIds().length > 1;
  const inRow = rack.rowId !== null;
  openContextMenu({
    x,
    y,
    label: rack.name,
    items: [
      { label: 'Open elevation', shortcut: 'E', run: () => useEditor.getState().openElevation(rack.id) },
      { label: 'Select row', disabled: !inRow, run: selectRowsOfSelection },
      { label: 'Select all of this kind', run: selectSameKind },
      SEPARATOR,
      { label: many ? 'Rotate the selection 90°' : 'Rotate 90°', shortcut: 'R', run: rotateSelection },
      { label: 'Duplicate', shortcut: 'Ctrl+D', run: duplicateSelection },
      { label: 'Copy', shortcut: 'Ctrl+C', run: copySelection },
      { label: 'Cut', shortcut: 'Ctrl+X', run: cutSelection },
      { label: 'Renumber row', disabled: !inRow, run: renumberSelectedRows },
      SEPARATOR,
      { label: many ? 'Delete the selection' : 'Delete', shortcut: 'Del', run: deleteSelection },
    ],
  });
}
