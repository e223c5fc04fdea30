/**
 * Messages between the UI and a thermal worker. One run at a time per worker (usually one hall's
 * sub-document, shared/thermal/hallDocument.ts): a request starts it, progress messages follow, and
 * one `done` carries the outcome, its fields' arrays transferred, not copied.
 * Cancelling terminates the worker (the solver runs without yielding, so a message could not reach it).
 */
import type { ProjectDocument } from '../../shared/index';
import type { ThermalOptions, ThermalProgress, ThermalRun } from '../../shared/thermal/types';

export interface ThermalRequest {
  id: number;
  doc: ProjectDocument;
  options: ThermalOptions;
}

export type ThermalReply =
  { id: number; kind: 'progress'; progress: ThermalProgress } | { id: number; kind: 'done'; run: ThermalRun };
