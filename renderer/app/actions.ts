/** Editor actions shared by the menu bar, the native menu and keyboard shortcuts. */
import type { MenuCommand } from '../../shared/index';
import { deleteRacks, rotateRacks } from '../store/commands';
import { deleteComponents } from '../store/powerCommands';
import { useEditor } from '../store/editor';
import { newDocument, openDocument, saveDocument } from './fileActions';

export function rotateSelection(): void {
  const { selectedRackIds, run } = useEditor.getState();
  const racks = selectedRackIds();
  if (racks.length > 0) run(rotateRacks(racks, 90));
}

/** Deletes the selected racks or, when no rack is selected, the selected power components. */
export function deleteSelection(): void {
  const { selectedRackIds, run, select, doc, selection } = useEditor.getState();
  const racks = selectedRackIds();
  if (racks.length > 0) {
    if (run(deleteRacks(racks))) select([]);
    return;
  }
  const components = selection.filter((id) => doc.power.some((p) => p.id === id));
  if (components.length === 0) return;
  const result = deleteComponents(doc, components);
  if (result.ok && run(result.command)) select([]);
}

export function togglePlanView(): void {
  const { view, setView } = useEditor.getState();
  setView(view === 'plan' ? 'perspective' : 'plan');
}

export function toggleOneLine(): void {
  const { view, setView } = useEditor.getState();
  setView(view === 'one-line' ? 'perspective' : 'one-line');
}

export function togglePowerColours(): void {
  const { colouring, setColouring } = useEditor.getState();
  setColouring(colouring === 'power' ? 'type' : 'power');
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
    case 'toggle-one-line':
      return toggleOneLine();
    case 'toggle-power-colours':
      return togglePowerColours();
  }
}
