/** Editor actions shared by the menu bar, the native menu and keyboard shortcuts. */
import type { MenuCommand, Rotation } from '../../shared/index';
import { deleteRacks } from '../store/commands';
import { rotateSelectedItems } from './layoutActions';
import { deleteContainment, deleteCoolingUnits, moveCoolingUnit } from '../store/coolingCommands';
import { deleteComponents } from '../store/powerCommands';
import { addZone, deleteCameras, deleteDoors, deleteZones } from '../store/securityCommands';
import { activeHall } from '../store/documentStore';
import { useEditor } from '../store/editor';
import { toggleSiteView } from '../scene/site/siteActions';
import { newDocument, openDocument, saveDocument } from './fileActions';

/** Turns the selected racks (a quarter turn about the group's centre), or else the selected cooling unit in place. */
export function rotateSelection(): void {
  const { selectedRackIds, run, doc, selection } = useEditor.getState();
  if (selectedRackIds().length > 0) return rotateSelectedItems();
  const unit = doc.cooling.find((u) => u.id === selection[0]);
  if (unit && 'position' in unit)
    run(moveCoolingUnit(unit.id, unit.position, ((unit.rotationDeg + 90) % 360) as Rotation));
}

/**
 * Deletes the selected racks or, when no rack is selected, the selected power components, cooling
 * units, containment, zones, doors or cameras.
 */
export function deleteSelection(): void {
  const { selectedRackIds, run, select, doc, selection } = useEditor.getState();
  const racks = selectedRackIds();
  if (racks.length > 0) {
    if (run(deleteRacks(racks))) select([]);
    return;
  }
  const components = selection.filter((id) => doc.power.some((p) => p.id === id));
  if (components.length > 0) {
    const result = deleteComponents(doc, components);
    if (result.ok && run(result.command)) select([]);
    return;
  }
  const units = selection.filter((id) => doc.cooling.some((u) => u.id === id));
  const containment = doc.containments.find((c) => selection.includes(c.id));
  const of = <T extends { id: string }>(list: T[]) => selection.filter((id) => list.some((x) => x.id === id));
  const [zones, doors, cameras] = [of(doc.zones), of(doc.doors), of(doc.cameras)];
  const result =
    units.length > 0
      ? deleteCoolingUnits(doc, units)
      : containment
        ? deleteContainment(doc, containment.id)
        : zones.length > 0
          ? deleteZones(doc, zones)
          : doors.length > 0
            ? deleteDoors(doc, doors)
            : cameras.length > 0
              ? deleteCameras(doc, cameras)
              : null;
  if (result?.ok && run(result.command)) select([]);
}

/** Closes the zone being drawn (three corners at least) and selects it. */
export function finishZone(): void {
  const state = useEditor.getState();
  const { tool, doc, run, select, setTool, notify } = state;
  if (tool.kind !== 'draw-zone') return;
  if (tool.points.length < 3)
    return notify({ kind: 'error', text: 'A zone needs three corners at least.', details: [] });
  // Zones are drawn in the hall the scene shows.
  const hallId = activeHall(state)?.id ?? null;
  const added = addZone(doc, {
    kind: tool.zoneKind,
    protectionClass: tool.protectionClass,
    hallId,
    polygon: tool.points,
  });
  if (!added.ok) return notify({ kind: 'error', text: added.reason, details: [] });
  run(added.command);
  setTool({ kind: 'select' });
  if (added.id) select([added.id]);
}

export function togglePlanView(): void {
  const { view, setView } = useEditor.getState();
  setView(view === 'plan' ? 'perspective' : 'plan');
}

/**
 * Presentation mode: the editor's chrome hides and the view takes the whole screen. Full screen is
 * asked of the host and may be refused (a browser frame, a test); the chrome hides either way.
 */
export function togglePresentation(): void {
  const { presenting, setPresenting } = useEditor.getState();
  if (presenting) {
    setPresenting(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    return;
  }
  setPresenting(true);
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

export function toggleWalk(): void {
  const { view, setView } = useEditor.getState();
  setView(view === 'walk' ? 'perspective' : 'walk');
}

export function toggleOneLine(): void {
  const { view, setView } = useEditor.getState();
  setView(view === 'one-line' ? 'perspective' : 'one-line');
}

export function togglePowerColours(): void {
  const { colouring, setColouring } = useEditor.getState();
  setColouring(colouring === 'power' ? 'type' : 'power');
}

export function toggleCoolingColours(): void {
  const { colouring, setColouring } = useEditor.getState();
  setColouring(colouring === 'cooling' ? 'type' : 'cooling');
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
    case 'toggle-site-view':
      return toggleSiteView();
    case 'toggle-one-line':
      return toggleOneLine();
    case 'toggle-power-colours':
      return togglePowerColours();
  }
}
