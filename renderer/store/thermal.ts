/**
 * The thermal view's state, apart from the document and its undo history: the runs in progress and
 * their progress, the last result of each hall with what it was computed from (a hall's result is
 * stale once its inputs change), whether the coarse run follows edits, and what the 3D view shows
 * of the result. Nothing here is saved.
 *
 * Runs go one hall per job (halls are thermally independent: shared/thermal/hallDocument.ts), the
 * hall the views show first, so its result is there as soon as its own job is done; then, unless
 * the user switched it off, the other halls in the background, on up to MAX_WORKERS workers.
 * "Simulate" runs the fine grid (0.25 m) on demand. Once the thermal view has been opened in a
 * session, a coarse run (0.5 m) of the halls whose result is missing or stale starts by itself
 * AUTO_DELAY_MS after the last edit; an edit cancels a coarse job of a hall it touches (its result
 * would be stale) and the delay starts again, while the other halls' jobs go on. A fine run the
 * user asked for is left to finish, and shows stale. Until the view is opened nothing runs: a user
 * who never looks at thermal pays no CPU for it.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ProjectDocument } from '../../shared/index';
import type { ReportThermal } from '../../shared/export/thermalSection';
import { hallInputsChanged, thermalHallDocuments } from '../../shared/thermal/hallDocument';
import type { ThermalPhase, ThermalProgress, ThermalResult, ThermalRun } from '../../shared/thermal/types';
import { runThermalInWorker, type ThermalHandle, type ThermalRunner } from '../workers/thermalClient';
import { activeHall, type EditorStore } from './documentStore';
import { useEditor } from './editor';
import {
  autoRunFor,
  COARSE_M,
  FINE_M,
  firstHallToRun,
  isFreshLoad,
  mergeHallResults,
  staleHalls,
  thermalInputsChanged,
  type HallThermalEntry,
} from './thermalLogic';

/**
 * Hall jobs run at once. The machine the app is measured on has 2 cores: two workers keep both
 * busy while the UI thread stays free (the solver never yields inside a worker, and each worker
 * holds only its hall's grid: a coarse 80 × 60 × 6 m hall is 230,400 cells, about 6 MB).
 */
export const MAX_WORKERS = 2;

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
      /** The hall of the earliest job in progress, and "hall n of m" over the run's halls. */
      hallId: string;
      hallIndex: number;
      hallCount: number;
    }
  | { kind: 'failed'; resolutionM: number; error: string }
  | { kind: 'cancelled'; resolutionM: number }
  /** An automatic run starts when edits have paused for AUTO_DELAY_MS; `previous` is shown again if it does not. */
  | { kind: 'waiting'; previous: Exclude<ThermalStatus, { kind: 'waiting' }> };

export interface ThermalComputed {
  /** The halls' results merged, in the document's hall order (mergeHallResults). */
  result: ThermalResult;
  /**
   * A document to compare the open one with (thermalInputsChanged) for "stale": the open document
   * itself whenever no hall's result is stale, else the one a stale hall's run started from.
   */
  doc: ProjectDocument;
  /** When the latest hall's run finished, ISO. */
  finishedAt: string;
  /** Each hall's own result, by hall id: a hall's staleness is its own (staleHalls). */
  halls: Readonly<Record<string, HallThermalEntry>>;
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
  /** After the current hall, run the other halls in the background (the user's choice; on by default). */
  background: boolean;
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
  background: true,
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
  /**
   * Starts a run of the open document: the halls to run (all halls with racks, or only those whose
   * result is missing or stale), the current hall first, the others only with `background`.
   * A run the user asks for replaces every job in progress.
   */
  run(resolutionM: number, auto?: boolean): void;
  /** Simulate on demand: the fine grid. */
  simulate(): void;
  cancel(): void;
  /** Opens the automatic coarse runs for the session and starts one now when a result is missing or stale. */
  arm(): void;
  setAutoChoice(choice: boolean): void;
  setBackground(on: boolean): void;
  setDisplay(display: Partial<ThermalDisplay>): void;
  /** Whether some hall's result no longer matches the open document. */
  isStale(): boolean;
  /** Stops timers, jobs and the editor subscription (tests). */
  dispose(): void;
}

interface Job {
  hallId: string;
  /** The hall's sub-document the job reads, and the whole document when it started. */
  sub: ProjectDocument;
  doc: ProjectDocument;
  handle: ThermalHandle;
  fraction: number;
  phase: ThermalPhase;
}

/** The halls a run covers and how far it is. */
interface Plan {
  resolutionM: number;
  auto: boolean;
  /** Halls not started yet, in order. */
  queue: string[];
  /** Halls of the run (started or not) and halls finished. */
  total: number;
  done: number;
  /**
   * The hall in view while its job is going: it runs alone, with every core the machine gives the
   * page, and the other halls fan out to MAX_WORKERS once it is done.
   */
  head: string | null;
  /** The first hall that failed, and why. */
  error: string | null;
}

export function createThermalController(
  editor: EditorStore,
  runner: ThermalRunner,
  delayMs = AUTO_DELAY_MS,
): ThermalController {
  const useThermal = create<ThermalState>()(() => structuredClone(INITIAL));
  let jobs: Job[] = [];
  let plan: Plan | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const current = () => editor.getState().doc;
  const currentHallId = () => activeHall(editor.getState())?.id;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (useThermal.getState().status.kind === 'waiting') useThermal.setState({ status: { kind: 'idle' } });
  };

  const staleNow = () => {
    const computed = useThermal.getState().computed;
    return computed ? staleHalls(computed.halls, current()) : new Set<string>();
  };

  const isStale = () => staleNow().size > 0;

  /** Halls with racks in run order: the current hall first, the others (doc order) with `others`. */
  const hallsInOrder = (others: boolean, only?: (hallId: string) => boolean): string[] => {
    const doc = current();
    const first = firstHallToRun(doc, currentHallId());
    if (!first) return [];
    const ids = [...thermalHallDocuments(doc).keys()].filter((id) => !only || only(id));
    const head = ids.includes(first.id) ? [first.id] : [];
    return others ? [...head, ...ids.filter((id) => id !== first.id)] : head;
  };

  /** Halls an automatic run would take on now: missing or stale results, none already queued or running. */
  const autoHalls = (): string[] => {
    const { armed, autoChoice, background, computed } = useThermal.getState();
    if (!armed || (plan !== null && !plan.auto)) return [];
    const doc = current();
    if (doc.racks.length === 0 || !autoRunFor(doc, autoChoice, currentHallId())) return [];
    const stale = staleNow();
    const busy = new Set([...jobs.map((j) => j.hallId), ...(plan?.queue ?? [])]);
    return hallsInOrder(background, (id) => !busy.has(id) && (!computed?.halls[id] || stale.has(id)));
  };

  const wantsAutoRun = () => autoHalls().length > 0;

  /** The status line's state from the plan and its jobs; set only when it changes what is shown. */
  function showProgress(): void {
    if (!plan) return;
    const first = jobs[0];
    const partial = jobs.reduce((sum, j) => sum + j.fraction, 0);
    const fraction = Math.floor((100 * (plan.done + partial)) / Math.max(1, plan.total)) / 100;
    const next: ThermalStatus = {
      kind: 'running',
      resolutionM: plan.resolutionM,
      auto: plan.auto,
      fraction,
      phase: first?.phase ?? 'grid',
      hallId: first?.hallId ?? plan.queue[0] ?? '',
      hallIndex: Math.min(plan.total, plan.done + 1),
      hallCount: plan.total,
    };
    const now = useThermal.getState().status;
    const same =
      now.kind === 'running' &&
      (Object.keys(next) as (keyof typeof next)[]).every((k) => now[k as keyof typeof now] === next[k]);
    if (!same) useThermal.setState({ status: next });
  }

  /** Keeps `computed.doc` and the merged result in step with the halls' entries and the open document. */
  function refresh(entries: Readonly<Record<string, HallThermalEntry>>, finishedAt?: string): void {
    const before = useThermal.getState().computed;
    const doc = current();
    const present = thermalHallDocuments(doc);
    // A hall that was deleted or lost its racks has no result to show.
    const kept = Object.fromEntries(Object.entries(entries).filter(([id]) => present.has(id)));
    if (Object.keys(kept).length === 0) {
      if (before) useThermal.setState({ computed: null });
      return;
    }
    // computed.doc only has to tell stale from current through thermalInputsChanged; it is kept
    // while it still does, so that edits which change nothing leave `computed` (and its views) alone.
    const [staleId] = staleHalls(kept, doc);
    const beforeDiffers = before !== null && thermalInputsChanged(before.doc, doc);
    const compareWith =
      staleId !== undefined
        ? beforeDiffers
          ? before.doc
          : kept[staleId]!.doc
        : before !== null && !beforeDiffers
          ? before.doc
          : doc;
    const sameHalls =
      before !== null &&
      Object.keys(before.halls).length === Object.keys(kept).length &&
      Object.entries(kept).every(([id, e]) => before.halls[id] === e);
    if (sameHalls && before.doc === compareWith) return;
    useThermal.setState({
      computed: {
        result: sameHalls ? before.result : mergeHallResults(kept, doc),
        doc: compareWith,
        finishedAt: finishedAt ?? before?.finishedAt ?? new Date().toISOString(),
        halls: kept,
      },
    });
  }

  function finish(job: Job, outcome: ThermalRun): void {
    if (!jobs.includes(job) || !plan) return;
    jobs = jobs.filter((j) => j !== job);
    if (outcome.ok) {
      plan.done++;
      const finishedAt = new Date().toISOString();
      const entries = { ...(useThermal.getState().computed?.halls ?? {}) };
      entries[job.hallId] = { result: outcome.result, sub: job.sub, doc: job.doc, finishedAt };
      refresh(entries, finishedAt);
    } else if (!outcome.cancelled) {
      plan.done++;
      plan.error ??= outcome.error;
    }
    dispatch();
  }

  /** Starts queued halls while workers are free; ends the run when nothing is left. */
  function dispatch(): void {
    if (!plan) return;
    if (plan.head !== null && !jobs.some((j) => j.hallId === plan!.head) && !plan.queue.includes(plan.head))
      plan.head = null;
    while (jobs.length < (plan.head === null ? MAX_WORKERS : 1) && plan.queue.length > 0) {
      const hallId = plan.queue.shift()!;
      const doc = current();
      const sub = thermalHallDocuments(doc).get(hallId);
      if (!sub) {
        // Deleted, or its racks removed, since it was queued.
        plan.total--;
        continue;
      }
      const job: Job = { hallId, sub, doc, handle: null!, fraction: 0, phase: 'grid' };
      job.handle = runner(sub, { resolutionM: plan.resolutionM }, (p: ThermalProgress) => {
        if (!jobs.includes(job)) return;
        job.fraction = p.fraction;
        job.phase = p.phase;
        showProgress();
      });
      jobs.push(job);
      void job.handle.done.then((outcome) => finish(job, outcome));
    }
    if (jobs.length > 0) {
      showProgress();
      return;
    }
    const ended = plan;
    plan = null;
    useThermal.setState({
      status:
        ended.error === null
          ? { kind: 'idle' }
          : { kind: 'failed', resolutionM: ended.resolutionM, error: ended.error },
    });
    // Edits made during the run have waited for it.
    if (wantsAutoRun()) schedule();
  }

  /** Stops every job without a word: their outcomes are ignored, the status is the caller's. */
  function abandonAll(): void {
    const old = jobs;
    jobs = [];
    plan = null;
    for (const j of old) j.handle.cancel();
  }

  function run(resolutionM: number, auto = false): void {
    clearTimer();
    const halls = auto ? autoHalls() : hallsInOrder(useThermal.getState().background);
    if (auto && plan?.auto) {
      // A coarse run is going: the halls that became stale or missing join it, the current hall first.
      plan.queue = [...halls, ...plan.queue.filter((id) => !halls.includes(id))];
      plan.total += halls.length;
      dispatch();
      return;
    }
    abandonAll();
    if (halls.length === 0) return;
    const head = halls[0] === firstHallToRun(current(), currentHallId())?.id ? halls[0]! : null;
    plan = { resolutionM, auto, queue: halls, total: halls.length, done: 0, error: null, head };
    dispatch();
  }

  function schedule(): void {
    const { status } = useThermal.getState();
    if (timer !== null) clearTimeout(timer);
    // While a run goes on, its status line stays; the halls this edit made stale join it after the delay.
    if (status.kind !== 'running')
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

  /** The user's Cancel: every job stops, nothing more is queued, and the status says so. */
  function cancel(): void {
    clearTimer();
    if (!plan) return;
    const { resolutionM } = plan;
    abandonAll();
    useThermal.setState({ status: { kind: 'cancelled', resolutionM } });
  }

  const unsubscribe = editor.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    if (isFreshLoad(state)) {
      // Another project: its predecessor's result means nothing here.
      clearTimer();
      abandonAll();
      useThermal.setState({ computed: null, status: { kind: 'idle' } });
    }
    if (plan?.auto) {
      // A coarse job whose hall this edit touched would arrive stale: stop it; the other halls go on.
      const now = thermalHallDocuments(state.doc);
      const touched = jobs.filter((j) => {
        const sub = now.get(j.hallId);
        return !sub || hallInputsChanged(j.sub, sub);
      });
      if (touched.length > 0) {
        jobs = jobs.filter((j) => !touched.includes(j));
        plan.total -= touched.length;
        for (const j of touched) j.handle.cancel();
        dispatch();
      }
    }
    const computed = useThermal.getState().computed;
    if (computed) refresh(computed.halls);
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
        if (plan?.auto) cancel();
      } else if (wantsAutoRun()) schedule();
    },
    setBackground(on) {
      useThermal.setState({ background: on });
      if (!on && plan) {
        // The halls not started yet are dropped; the jobs in progress finish.
        plan.total -= plan.queue.length;
        plan.queue = [];
        showProgress();
      } else if (on && wantsAutoRun()) schedule();
    },
    setDisplay(display) {
      useThermal.setState({ display: { ...useThermal.getState().display, ...display } });
    },
    isStale,
    dispose() {
      clearTimer();
      abandonAll();
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
    stale: staleHalls(computed.halls, doc).size > 0,
    sliceHeightM: display.sliceHeightM,
  };
}
