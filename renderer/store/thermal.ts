/**
 * The thermal view's state, apart from the document and its undo history: the run in progress and
 * its progress, the last result with the document it was computed for (stale once the document
 * differs in anything the simulation reads), whether the coarse run follows edits, and what the 3D
 * view shows of the result. Nothing here is saved.
 *
 * Runs: "Simulate" runs the fine grid (0.25 m) on demand. Once the thermal view has been opened in a
 * session, a coarse run (0.5 m) starts by itself AUTO_DELAY_MS after the last edit, if the result is
 * stale and no run is going; an edit cancels a coarse run in progress (its result would be stale)
 * and the delay starts again. A fine run the user asked for is left to finish, and shows stale.
 * Until the view is opened nothing runs: a user who never looks at thermal pays no CPU for it.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ProjectDocument } from '../../shared/index';
import type { ReportThermal } from '../../shared/export/thermalSection';
import type { ThermalPhase, ThermalResult } from '../../shared/thermal/types';
import { runThermalInWorker, type ThermalHandle, type ThermalRunner } from '../workers/thermalClient';
import type { EditorStore } from './documentStore';
import { useEditor } from './editor';
import { autoRunFor, COARSE_M, FINE_M, isFreshLoad, thermalInputsChanged } from './thermalLogic';

/** The debounce between the last edit and the coarse run it starts, ms. */
export const AUTO_DELAY_MS = 1_000;

export type ThermalStatus =
  | { kind: 'idle' }
  | {
      kind: 'running';
      resolutionM: number;
      auto: boolean;
      /** 0…1 in hundredths: finer steps would re-render the bar for nothing. */
      fraction: number;
      phase: ThermalPhase;
      hallId: string;
    }
  | { kind: 'failed'; resolutionM: number; error: string }
  | { kind: 'cancelled'; resolutionM: number }
  /** An automatic run starts when edits have paused for AUTO_DELAY_MS; `previous` is shown again if it does not. */
  | { kind: 'waiting'; previous: Exclude<ThermalStatus, { kind: 'waiting' }> };

export interface ThermalComputed {
  result: ThermalResult;
  /** The document the result was computed from (compared with the open one for staleness). */
  doc: ProjectDocument;
  /** When the run finished, ISO. */
  finishedAt: string;
}

/** What the 3D view draws of a result. */
export interface ThermalDisplay {
  /** Shown in the editor while the Thermal tab is open, and in presentation mode when asked for. */
  inEditor: boolean;
  inPresentation: boolean;
  heatMap: boolean;
  /** Height of the horizontal slice above the floor, m. */
  sliceHeightM: number;
  vertical: boolean;
  verticalAxis: 'x' | 'y';
  /** Plan position of the vertical slice, m (y for a slice along x, x along y); null: the hall's middle. */
  verticalPositionM: number | null;
  inlets: boolean;
  arrows: boolean;
}

export interface ThermalState {
  status: ThermalStatus;
  computed: ThermalComputed | null;
  /** The user's choice for the automatic coarse run; null follows the site's size (autoRunFor). */
  autoChoice: boolean | null;
  /** The thermal view has been opened this session, so automatic runs may start. */
  armed: boolean;
  display: ThermalDisplay;
}

/**
 * ASHRAE's recommended envelope and Herrlin's RCI look at rack intakes; 1.0 m is about the middle of
 * a 2 m intake, where a single inlet reading is usually taken.
 */
export const DEFAULT_SLICE_HEIGHT_M = 1.0;

const INITIAL: ThermalState = {
  status: { kind: 'idle' },
  computed: null,
  autoChoice: null,
  armed: false,
  display: {
    inEditor: true,
    inPresentation: false,
    heatMap: true,
    sliceHeightM: DEFAULT_SLICE_HEIGHT_M,
    vertical: false,
    verticalAxis: 'x',
    verticalPositionM: null,
    inlets: true,
    arrows: false,
  },
};

export interface ThermalController {
  useThermal: UseBoundStore<StoreApi<ThermalState>>;
  /** Starts a run of the open document (cancelling one in progress). */
  run(resolutionM: number, auto?: boolean): void;
  /** Simulate on demand: the fine grid. */
  simulate(): void;
  cancel(): void;
  /** Opens the automatic coarse runs for the session and starts one now when the result is missing or stale. */
  arm(): void;
  setAutoChoice(choice: boolean): void;
  setDisplay(display: Partial<ThermalDisplay>): void;
  /** Whether the result (if any) no longer matches the open document. */
  isStale(): boolean;
  /** Stops timers and the editor subscription (tests). */
  dispose(): void;
}

export function createThermalController(
  editor: EditorStore,
  runner: ThermalRunner,
  delayMs = AUTO_DELAY_MS,
): ThermalController {
  const useThermal = create<ThermalState>()(() => structuredClone(INITIAL));
  let handle: ThermalHandle | null = null;
  /** The document the run in progress reads, to tell whether an edit touched it. */
  let runDoc: ProjectDocument | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (useThermal.getState().status.kind === 'waiting') useThermal.setState({ status: { kind: 'idle' } });
  };

  const isStale = () => {
    const computed = useThermal.getState().computed;
    return computed !== null && thermalInputsChanged(computed.doc, editor.getState().doc);
  };

  const wantsAutoRun = () => {
    const { armed, autoChoice, status, computed } = useThermal.getState();
    if (!armed || status.kind === 'running') return false;
    const doc = editor.getState().doc;
    return autoRunFor(doc, autoChoice) && doc.racks.length > 0 && (computed === null || isStale());
  };

  /** Drops the run in progress without a word: its outcome is ignored, the status is the caller's. */
  const abandon = () => {
    const old = handle;
    handle = null;
    old?.cancel();
  };

  function run(resolutionM: number, auto = false): void {
    clearTimer();
    abandon();
    const doc = editor.getState().doc;
    runDoc = doc;
    useThermal.setState({
      status: { kind: 'running', resolutionM, auto, fraction: 0, phase: 'grid', hallId: doc.halls[0]?.id ?? '' },
    });
    const mine = runner(doc, { resolutionM }, (p) => {
      const { status } = useThermal.getState();
      if (handle !== mine || status.kind !== 'running') return;
      const fraction = Math.floor(p.fraction * 100) / 100;
      if (status.fraction !== fraction || status.phase !== p.phase || status.hallId !== p.hallId)
        useThermal.setState({ status: { ...status, fraction, phase: p.phase, hallId: p.hallId } });
    });
    handle = mine;
    void mine.done.then((outcome) => {
      // A run superseded by another, or by an edit, says nothing: the newer one owns the status.
      if (handle !== mine) return;
      handle = null;
      if (outcome.ok)
        useThermal.setState({
          status: { kind: 'idle' },
          computed: { result: outcome.result, doc, finishedAt: new Date().toISOString() },
        });
      else if (outcome.cancelled) useThermal.setState({ status: { kind: 'cancelled', resolutionM } });
      else useThermal.setState({ status: { kind: 'failed', resolutionM, error: outcome.error } });
      // Edits made during the run have waited for it.
      if (wantsAutoRun()) schedule();
    });
  }

  function schedule(): void {
    const { status } = useThermal.getState();
    if (timer !== null) clearTimeout(timer);
    useThermal.setState({
      status: { kind: 'waiting', previous: status.kind === 'waiting' ? status.previous : status },
    });
    timer = setTimeout(() => {
      timer = null;
      if (wantsAutoRun()) run(COARSE_M, true);
      else {
        const now = useThermal.getState().status;
        if (now.kind === 'waiting') useThermal.setState({ status: now.previous });
      }
    }, delayMs);
  }

  /** The user's Cancel: the run stops and says so. */
  function cancel(): void {
    clearTimer();
    handle?.cancel();
  }

  const unsubscribe = editor.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    if (isFreshLoad(state)) {
      // Another project: its predecessor's result means nothing here.
      clearTimer();
      abandon();
      useThermal.setState({ computed: null, status: { kind: 'idle' } });
    }
    const { status } = useThermal.getState();
    if (status.kind === 'running' && status.auto && runDoc && thermalInputsChanged(runDoc, state.doc)) {
      abandon();
      useThermal.setState({ status: { kind: 'idle' } });
    }
    if (wantsAutoRun()) schedule();
  });

  return {
    useThermal,
    run,
    simulate: () => run(FINE_M),
    cancel,
    arm() {
      if (!useThermal.getState().armed) useThermal.setState({ armed: true });
      if (wantsAutoRun() && useThermal.getState().status.kind !== 'waiting') run(COARSE_M, true);
    },
    setAutoChoice(choice) {
      useThermal.setState({ autoChoice: choice });
      if (!choice) {
        clearTimer();
        const { status } = useThermal.getState();
        if (status.kind === 'running' && status.auto) cancel();
      } else if (wantsAutoRun()) schedule();
    },
    setDisplay(display) {
      useThermal.setState({ display: { ...useThermal.getState().display, ...display } });
    },
    isStale,
    dispose() {
      clearTimer();
      abandon();
      unsubscribe();
    },
  };
}

/** The app's thermal controller, bound to the editor store and the thermal worker. */
export const thermal = createThermalController(useEditor, runThermalInWorker);
export const useThermal = thermal.useThermal;

/**
 * The last result as the design report takes it (shared/export/thermalSection.ts): with its time, the
 * heat map's height, and "stale" when `doc`, the document being reported, differs from the one it
 * was computed for; null when nothing has been simulated.
 */
export function thermalForReport(doc: ProjectDocument): ReportThermal | null {
  const { computed, display } = useThermal.getState();
  if (!computed) return null;
  return {
    result: computed.result,
    computedAt: computed.finishedAt,
    stale: thermalInputsChanged(computed.doc, doc),
    sliceHeightM: display.sliceHeightM,
  };
}
