/** Messages between the UI and the engine worker: each request carries an id its reply echoes. */
import type { FillResult, ProjectDocument, RackConfig, ScenarioSummary } from '../../shared/index';

export type EngineRequest =
  | { id: number; kind: 'compare'; doc: ProjectDocument; ids: (string | null)[] }
  | { id: number; kind: 'fill'; doc: ProjectDocument; rowIds: string[]; config: RackConfig };

export type EngineReply =
  | { id: number; ok: true; kind: 'compare'; value: ScenarioSummary[] }
  | { id: number; ok: true; kind: 'fill'; value: FillResult }
  | { id: number; ok: false; error: string };
