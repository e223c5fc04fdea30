/**
 * The editor's state: the document (the truth), its undo history, the open file, the selection
 * and transient UI state. The 3D scene and the panels read it; only commands change the document.
 */
import { create } from 'zustand';
import {
  allEntityIds,
  type Hall,
  type Rect,
  type SnapGuide,
  type PlaceableCooling,
  type Point2,
  type ProjectDocument,
  type ProtectionClass,
  type ZoneKind,
} from '../../shared/index';
import { EMPTY_HISTORY, execute, redo, undo, type Command, type History } from './history';

export type Tool =
  | { kind: 'select' }
  | { kind: 'place-rack'; rackTypeId: string }
  | { kind: 'place-cooling'; template: PlaceableCooling }
  /** Clicks add a zone's corners; Enter or a click on the first corner closes it. */
  | { kind: 'draw-zone'; points: Point2[]; zoneKind: ZoneKind; protectionClass: ProtectionClass }
  /** A click puts a door on the nearest wall or zone edge. */
  | { kind: 'place-door' }
  | { kind: 'place-camera' }
  /** Clicks (or typed lengths) add wall corners; a click on the first corner closes a room, Enter ends a run. */
  | { kind: 'draw-walls'; points: Point2[] }
  /** A row (or, with `pair`, two rows around an aisle): a click at its start, another at its end. */
  | { kind: 'lay-row'; pair: boolean; start: Point2 | null };

/** Settings of the layout tools, kept while the user switches tools. */
export interface LayoutOptions {
  rackTypeId: string;
  /** Centre-to-centre along the row, m; null takes the rack width (racks side by side). */
  pitchM: number | null;
  /** Racks per row; null fits as many as the line drawn holds. */
  count: number | null;
  /** Which side a single row's fronts face (shared/layout/rows.ts). */
  facing: 'a' | 'b';
  aisle: 'cold' | 'hot';
  aisleWidthM: number;
  wallThicknessM: number;
}
/** 'site': every hall and rack of the site at once (renderer/scene/site, docs/site-view.md). */
export type ViewMode = 'perspective' | 'plan' | 'one-line' | 'walk' | 'site';
export type SidePanel =
  'findings' | 'power' | 'cooling' | 'thermal' | 'security' | 'scenarios' | 'bom' | 'catalog' | 'tours';
/** How racks are coloured in 3D: by type, by the utilisation of their circuits, or by cooling margin. */
export type RackColouring = 'type' | 'power' | 'cooling';
/** How the 3D view is drawn: plain engineering colours, or materials and lighting for showing it (docs/presentation.md). */
export type Look = 'engineering' | 'presentation';

/** A failure being simulated: whole components lost, and UPS modules lost by UPS id. */
export interface FailureSimulationRequest {
  failedIds: string[];
  modules: Record<string, number>;
  /** The failure in words, when it comes from the redundancy proof ("loss of side A and …"). */
  label?: string;
}

/** Parents for the A and B circuits of newly placed racks; null picks a sensible default. */
export interface PlacementFeeds {
  a: string | null;
  b: string | null;
}

export interface OpenFile {
  name: string;
  /** Host handle for saving in place (a path in Electron); null until saved or in web mode. */
  handle: string | null;
}

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  details: string[];
}

/** A drag in progress: the document is untouched until it ends in one undoable move. */
export interface DragPreview {
  ids: string[];
  dx: number;
  dy: number;
  /** Lines the group snapped to, the group's footprint where it would land, and why it cannot land there. */
  guides?: SnapGuide[];
  box?: Rect;
  blocked?: string | null;
}

export interface Walker {
  x: number;
  y: number;
  /** Plan direction it faces: 0° along +x, 90° along +y. */
  headingDeg: number;
}

export interface TourPlayback {
  tourId: string;
  stopIndex: number;
  /** Bumped on every play, so playing the same tour again restarts it. */
  run: number;
}

export interface EditorState {
  doc: ProjectDocument;
  history: History;
  /** The document as last opened or saved; dirty when `doc` is another object. */
  savedDoc: ProjectDocument;
  file: OpenFile;
  selection: string[];
  tool: Tool;
  view: ViewMode;
  drag: DragPreview | null;
  notice: Notice | null;
  panel: SidePanel;
  colouring: RackColouring;
  simulation: FailureSimulationRequest | null;
  placementFeeds: PlacementFeeds | null;
  /** A way in being shown (zone, door, zone, … from outside), from a security finding; null when none. */
  securityPath: string[] | null;
  /** The tour being played and the stop the camera is at or heading to; null when none plays. */
  tourPlayback: TourPlayback | null;
  /** Where the walker stands in walk mode (hall plan metres) and which way it faces; null outside walk mode. */
  walker: Walker | null;
  /** Presentation mode: editor chrome hidden, key figures over the view. */
  presenting: boolean;
  /** The 3D view's look; independent of presentation mode and kept when another project is opened. */
  look: Look;
  /** The hall the plan and 3D views show; null or an id that is gone falls back to the first hall (`activeHall`). */
  activeHallId: string | null;
  /** The rack whose elevation (front view by U) is open, or null. */
  elevationRackId: string | null;
  /** The keyboard-shortcut help overlay is showing. */
  helpOpen: boolean;
  layoutOptions: LayoutOptions;

  run(command: Command): boolean;
  undo(): void;
  redo(): void;
  load(doc: ProjectDocument, file: OpenFile): void;
  /** Records that `doc` (by default the current document) is what the file now holds. */
  markSaved(file: OpenFile, doc?: ProjectDocument): void;
  select(ids: string[], mode?: 'replace' | 'toggle'): void;
  setTool(tool: Tool): void;
  setView(view: ViewMode): void;
  setDrag(drag: DragPreview | null): void;
  setPanel(panel: SidePanel): void;
  setColouring(colouring: RackColouring): void;
  /** Starts (or, with null, stops) a failure simulation. */
  simulate(request: FailureSimulationRequest | null): void;
  setPlacementFeeds(feeds: PlacementFeeds | null): void;
  showPath(path: string[] | null): void;
  /** Plays a tour from its first stop; null stops. */
  playTour(tourId: string | null): void;
  setTourStop(stopIndex: number): void;
  setWalker(walker: Walker | null): void;
  setPresenting(presenting: boolean): void;
  setLook(look: Look): void;
  setActiveHall(hallId: string): void;
  openElevation(rackId: string | null): void;
  setHelpOpen(open: boolean): void;
  setLayoutOptions(options: Partial<LayoutOptions>): void;
  /** The selected ids that name racks. */
  selectedRackIds(): string[];
  notify(notice: Notice | null): void;
}

/** Drops selected ids that no longer name an entity (after undo of a placement, say). */
function pruneSelection(doc: ProjectDocument, selection: string[]): string[] {
  if (selection.length === 0) return selection;
  const ids = allEntityIds(doc);
  const kept = selection.filter((id) => ids.has(id));
  return kept.length === selection.length ? selection : kept;
}

export function createEditorStore(initial: ProjectDocument, file: OpenFile) {
  return create<EditorState>()((set, get) => ({
    doc: initial,
    history: EMPTY_HISTORY,
    savedDoc: initial,
    file,
    selection: [],
    tool: { kind: 'select' },
    view: 'perspective',
    drag: null,
    notice: null,
    panel: 'findings',
    colouring: 'type',
    simulation: null,
    placementFeeds: null,
    securityPath: null,
    tourPlayback: null,
    walker: null,
    presenting: false,
    look: 'engineering',
    activeHallId: null,
    elevationRackId: null,
    helpOpen: false,
    layoutOptions: {
      rackTypeId: 'rack-48u-600x1200',
      pitchM: null,
      count: null,
      facing: 'a',
      aisle: 'cold',
      aisleWidthM: 1.2,
      wallThicknessM: 0.2,
    },

    run(command) {
      const { doc, history, selection } = get();
      const result = execute(doc, history, command);
      if (!result) return false;
      set({ ...result, selection: pruneSelection(result.doc, selection) });
      return true;
    },
    undo() {
      const { doc, history, selection } = get();
      const result = undo(doc, history);
      if (result) set({ ...result, selection: pruneSelection(result.doc, selection), drag: null });
    },
    redo() {
      const { doc, history, selection } = get();
      const result = redo(doc, history);
      if (result) set({ ...result, selection: pruneSelection(result.doc, selection), drag: null });
    },
    load(doc, openFile) {
      set({
        doc,
        savedDoc: doc,
        file: openFile,
        history: EMPTY_HISTORY,
        selection: [],
        drag: null,
        tool: { kind: 'select' },
        simulation: null,
        placementFeeds: null,
        securityPath: null,
        tourPlayback: null,
        activeHallId: null,
        elevationRackId: null,
      });
    },
    markSaved(savedFile, savedDoc = get().doc) {
      set({ savedDoc, file: savedFile });
    },
    select(ids, mode = 'replace') {
      if (mode === 'replace') return set({ selection: [...new Set(ids)] });
      const current = new Set(get().selection);
      for (const id of ids) {
        if (current.has(id)) current.delete(id);
        else current.add(id);
      }
      set({ selection: [...current] });
    },
    setTool: (tool) => set({ tool }),
    setView: (view) => set(view === 'walk' ? { view } : { view, walker: null }),
    setWalker: (walker) => set({ walker }),
    setPresenting: (presenting) => set({ presenting }),
    setLook: (look) => set({ look }),
    setActiveHall: (activeHallId) => set({ activeHallId, drag: null }),
    openElevation: (elevationRackId) => set({ elevationRackId }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setLayoutOptions: (options) => set({ layoutOptions: { ...get().layoutOptions, ...options } }),
    setDrag: (drag) => set({ drag }),
    setPanel: (panel) => set({ panel }),
    setColouring: (colouring) => set({ colouring }),
    simulate: (simulation) => set({ simulation }),
    setPlacementFeeds: (placementFeeds) => set({ placementFeeds }),
    showPath: (securityPath) => set({ securityPath }),
    playTour: (tourId) =>
      set({ tourPlayback: tourId === null ? null : { tourId, stopIndex: 0, run: (get().tourPlayback?.run ?? 0) + 1 } }),
    setTourStop(stopIndex) {
      const playback = get().tourPlayback;
      if (playback && playback.stopIndex !== stopIndex) set({ tourPlayback: { ...playback, stopIndex } });
    },
    selectedRackIds() {
      const { doc, selection } = get();
      const racks = new Set(doc.racks.map((r) => r.id));
      return selection.filter((id) => racks.has(id));
    },
    notify: (notice) => set({ notice }),
  }));
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** The hall the views show: the chosen one while it exists, else the first. */
export function activeHall(state: Pick<EditorState, 'doc' | 'activeHallId'>): Hall | undefined {
  const { halls } = state.doc;
  return halls.find((h) => h.id === state.activeHallId) ?? halls[0];
}
