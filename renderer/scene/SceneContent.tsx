/** Everything inside the canvas for the current hall: shell, racks, and the pointer tools. */
import type { ThreeEvent } from '@react-three/fiber';
import { useMemo } from 'react';
import { catalogFor, footprintRect, rackTypeSize, type Hall, type Rack } from '../../shared/index';
import { conflictText } from '../store/layoutCommands';
import { placeRack } from '../store/commands';
import { addCoolingUnit } from '../store/coolingCommands';
import { finishZone } from '../app/actions';
import { addCamera, addDoor } from '../store/securityCommands';
import { useChecks, useSimulation } from '../store/checks';
import { useEditor } from '../store/editor';
import { stopHighlight } from '../store/stopHighlight';
import { doorAt } from './doorPlacement';
import { clamp, snapPoint } from './geometry';
import { Containments } from './Containments';
import { CoolingUnits } from './CoolingUnits';
import { HallShell } from './HallShell';
import { CableTrays } from './look/CableTrays';
import { RackLeds } from './look/RackLeds';
import { RackAirflowArrows } from './RackAirflowArrows';
import { downstreamOf, errorEntitiesOf, rackTints, TINT } from './rackTints';
import { hallRacksOf } from './hallIndex';
import { SecurityOverlay } from './SecurityOverlay';
import { ThermalOverlay } from './thermal/ThermalOverlay';
import { RackTypeInstances } from './RackInstances';
import { useRackDrag } from './useRackDrag';
import { useMarquee } from './useMarquee';
import { ZoneDraft } from './ZoneDraft';
import { LayoutTools, layoutToolClick } from './LayoutTools';
import { DragOverlay } from './DragOverlay';
import { openRackMenu } from './rackContextMenu';

/** A click that moved the pointer further than this (px) was an orbit or pan, not a click. */
const CLICK_TOLERANCE_PX = 4;

export function SceneContent({ hall }: { hall: Hall }) {
  const doc = useEditor((s) => s.doc);
  const selectionList = useEditor((s) => s.selection);
  const drag = useEditor((s) => s.drag);
  const look = useEditor((s) => s.look);
  const walking = useEditor((s) => s.view === 'walk');
  const highlight = useEditor(stopHighlight);
  const chosenColouring = useEditor((s) => s.colouring);
  // A tour stop may show a colour map for as long as the tour is there.
  const colouring = highlight?.kind === 'power' ? 'power' : highlight?.kind === 'thermal' ? 'cooling' : chosenColouring;
  const { findings, power, cooling } = useChecks();
  const simulation = useSimulation();
  const startDrag = useRackDrag(hall);
  const startMarquee = useMarquee(hall);

  const selection = useMemo(() => new Set(selectionList), [selectionList]);
  // Everything below is the current hall's: an edit elsewhere hands back the same arrays (hallIndex.ts),
  // and an edit here costs this hall's racks, never the site's.
  const hallRacks = useEditor((s) => hallRacksOf(s.doc.racks, hall.id));
  const chain = doc.power;
  const fed = useMemo(() => downstreamOf({ power: chain }, selection), [chain, selection]);
  const errorEntities = errorEntitiesOf(findings);
  const tints = useMemo(() => {
    const byRack = rackTints(
      { power: chain, racks: hallRacks },
      { colouring, power, cooling, errorEntities, selection, simulation, fed },
    );
    if (highlight?.kind === 'rows') {
      const rows = new Set(highlight.ids);
      for (const r of hallRacks) if (r.rowId !== null && rows.has(r.rowId)) byRack.set(r.id, TINT.highlight);
    }
    return byRack;
  }, [hallRacks, chain, colouring, power, cooling, errorEntities, selection, simulation, highlight, fed]);
  const customDevices = doc.customDevices;
  const catalog = useMemo(() => catalogFor({ customDevices }), [customDevices]);
  const racksByType = useMemo(() => {
    const groups = new Map<string, Rack[]>();
    for (const rack of hallRacks) {
      const list = groups.get(rack.rackTypeId) ?? [];
      list.push(rack);
      groups.set(rack.rackTypeId, list);
    }
    return groups;
  }, [hallRacks]);

  const walls = useMemo(() => doc.walls.filter((w) => w.hallId === hall.id), [doc.walls, hall.id]);
  const doors = useMemo(() => doc.doors.filter((d) => d.hallId === hall.id), [doc.doors, hall.id]);

  /** Clicks on the floor place a rack (placing tool) or clear the selection; drags that orbit do neither. */
  const onFloorClick = (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > CLICK_TOLERANCE_PX || e.button !== 0) return;
    const { tool, run, select, setTool, doc: current, placementFeeds, notify } = useEditor.getState();
    if (tool.kind === 'select') return select([]);
    if (tool.kind === 'draw-walls' || tool.kind === 'lay-row') {
      e.stopPropagation();
      return layoutToolClick({ x: e.point.x, y: e.point.z }, e.shiftKey);
    }
    e.stopPropagation();
    const p = snapPoint({ x: e.point.x, y: e.point.z }, current.settings.gridM);
    const position = { x: clamp(p.x, 0, hall.width), y: clamp(p.y, 0, hall.depth) };
    if (tool.kind === 'place-cooling') {
      const added = addCoolingUnit(current, tool.template, { hallId: hall.id, position });
      if (!added.ok) return notify({ kind: 'error', text: added.reason, details: [] });
      run(added.command);
      if (added.id) select([added.id]);
      if (!e.shiftKey) setTool({ kind: 'select' });
      return;
    }
    if (tool.kind === 'draw-zone') {
      const first = tool.points[0];
      // A click back on the first corner closes the outline.
      if (first && tool.points.length >= 3 && Math.hypot(first.x - position.x, first.y - position.y) < 0.5)
        return finishZone();
      return setTool({ ...tool, points: [...tool.points, position] });
    }
    if (tool.kind === 'place-door') {
      const door = doorAt(current, hall, { x: e.point.x, y: e.point.z });
      if (!door)
        return notify({ kind: 'error', text: 'Click on a wall or a zone’s edge to put a door there.', details: [] });
      const added = addDoor(current, door);
      if (!added.ok) return notify({ kind: 'error', text: added.reason, details: [] });
      run(added.command);
      if (added.id) select([added.id]);
      if (!e.shiftKey) setTool({ kind: 'select' });
      return;
    }
    if (tool.kind === 'place-camera') {
      const added = addCamera(current, hall.id, position);
      if (!added.ok) return notify({ kind: 'error', text: added.reason, details: [] });
      run(added.command);
      if (added.id) select([added.id]);
      if (!e.shiftKey) setTool({ kind: 'select' });
      return;
    }
    const placed = placeRack(current, hall.id, tool.rackTypeId, position, placementFeeds ?? undefined);
    const catalogNow = catalogFor(current);
    const size = rackTypeSize(catalogNow, tool.rackTypeId);
    const blocked = conflictText(
      current,
      catalogNow,
      hall,
      [{ name: 'The rack', rect: footprintRect(position, size.widthM, size.depthM, 0) }],
      new Set(),
    );
    if (blocked) return notify({ kind: 'error', text: `Not placed: ${blocked}`, details: [] });
    run(placed.command);
    select([placed.rackId]);
    // Shift keeps the placing tool for laying out several racks.
    if (!e.shiftKey) setTool({ kind: 'select' });
  };

  /** A drag from empty floor selects with a box (plan view, or Shift in 3D) or a lasso (Alt). */
  const onFloorPointerDown = (e: ThreeEvent<PointerEvent>) => {
    const { tool, view } = useEditor.getState();
    if (tool.kind !== 'select' || e.button !== 0) return;
    const lasso = e.altKey;
    if (view !== 'plan' && !e.shiftKey && !lasso) return;
    e.stopPropagation();
    const add = e.ctrlKey || e.metaKey || (view === 'plan' && e.shiftKey);
    startMarquee(e.nativeEvent.clientX, e.nativeEvent.clientY, e.pointerId, lasso, add);
  };

  const onRackPointerDown = (rack: Rack, e: ThreeEvent<PointerEvent>) => {
    const { tool, select, selection: current, selectedRackIds, doc: now } = useEditor.getState();
    if (tool.kind !== 'select' || e.button !== 0) return;
    e.stopPropagation();
    // A double click takes the rack's whole row, which then moves, turns and renumbers as one.
    if (e.nativeEvent.detail >= 2 && rack.rowId !== null) {
      const rowId = rack.rowId;
      const ids = [rowId, ...now.racks.filter((r) => r.rowId === rowId).map((r) => r.id)];
      select(ids);
      startDrag(ids.slice(1), e.nativeEvent.clientX, e.nativeEvent.clientY, e.pointerId);
      return;
    }
    if (e.shiftKey || e.ctrlKey || e.metaKey) {
      select([rack.id], 'toggle');
      return;
    }
    const ids = current.includes(rack.id) ? selectedRackIds() : [rack.id];
    select(ids);
    startDrag(ids, e.nativeEvent.clientX, e.nativeEvent.clientY, e.pointerId);
  };

  const onRackContextMenu = (rack: Rack, e: ThreeEvent<MouseEvent>) => {
    // A right-drag pans the view; only a right-click that stayed put opens the menu.
    if (e.delta > CLICK_TOLERANCE_PX || useEditor.getState().tool.kind !== 'select') return;
    e.stopPropagation();
    e.nativeEvent.preventDefault();
    openRackMenu(rack, e.nativeEvent.clientX, e.nativeEvent.clientY);
  };

  return (
    <>
      <HallShell
        hall={hall}
        walls={walls}
        doors={doors}
        onFloorClick={onFloorClick}
        onFloorPointerDown={onFloorPointerDown}
        look={look}
        walking={walking}
      />
      {look === 'presentation' ? (
        <>
          <RackLeds hall={hall} racks={hallRacks} catalog={catalog} drag={drag} />
          <CableTrays hall={hall} racks={hallRacks} catalog={catalog} withRods={walking} />
        </>
      ) : null}
      <CoolingUnits hall={hall} startDrag={startDrag} />
      <Containments hall={hall} />
      <ZoneDraft />
      <LayoutTools hall={hall} />
      <DragOverlay hall={hall} />
      <SecurityOverlay hall={hall} />
      {colouring === 'cooling' ? <RackAirflowArrows hall={hall} /> : null}
      <ThermalOverlay hall={hall} />
      {[...racksByType].map(([typeId, racks]) => {
        const rackType = catalog.rackType(typeId);
        return rackType ? (
          <RackTypeInstances
            key={typeId}
            rackType={rackType}
            racks={racks}
            selection={selection}
            tints={tints}
            drag={drag}
            onRackPointerDown={onRackPointerDown}
            onRackContextMenu={onRackContextMenu}
            look={look}
          />
        ) : null;
      })}
    </>
  );
}
