/** Editor actions shared by the menu bar, the native menu and keyboard shortcuts. */
import type { MenuCommand } from '../../shared/index';
import { deleteRacks, rotateRacks } from '../store/commands';
import { useEditor } from '../store/editor';
import { newDocument, openDocument, saveDocument } from './fileActions';

export function rotateSelection(): void {
  const { selectedRackIds, run } = useEditor.getState();
  const racks = selectedRackIds();
  if (racks.length > 0) run(rotateRacks(racks, 90));
}

export function deleteSelection(): void {
  const { selectedRackIds, run, select } = useEditor.getState();
  const racks = selectedRackIds();
  if (racks.length > 0 && run(deleteRacks(racks))) select([]);
}

export function togglePlanView(): void {
  const { view, setView } = useEditor.getState();
  setView(view === 'plan' ? 'perspective' : 'plan');
}

export function runMenuCommand(command: MenuCommand): void {
  const state = useEditor.getState();
  switch (command) {
    case 'new':
      return newDocument();
    case 'open':
      return void openDocument();
    case 'save':
      return void saveDocument(false);
    case 'save-as':
      return void saveDocument(true);
    case 'undo':
      return state.undo();
    case 'redo':
      return state.redo();
    case 'toggle-plan-view':
      return togglePlanView();
  }
}
