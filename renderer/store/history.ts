/**
 * Document edits as undoable commands. A command is a named recipe that mutates an immer draft;
 * running it records the forward and inverse patches, so undo and redo replay exact changes and
 * later tell the engine which entities an edit touched (incremental checks).
 */
import { applyPatches, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import type { ProjectDocument } from '../../shared/index';

enablePatches();

export interface Command {
  label: string;
  recipe: (draft: Draft<ProjectDocument>) => void;
}

export interface HistoryEntry {
  label: string;
  patches: Patch[];
  inverse: Patch[];
}

export interface History {
  undo: HistoryEntry[];
  redo: HistoryEntry[];
}

export const EMPTY_HISTORY: History = { undo: [], redo: [] };

/**
 * How many edits undo reaches back; older ones are dropped. Issue 10 asks that 1,000 edits undo
 * back to the document as opened (renderer/store/history.property.test.ts). An entry holds only
 * the patches of one edit (a move: a few numbers), so a thousand cost little memory.
 */
export const UNDO_LIMIT = 1_000;

/** Applies a command; returns null when it changed nothing (no history entry for a no-op). */
export function execute(
  doc: ProjectDocument,
  history: History,
  command: Command,
): { doc: ProjectDocument; history: History } | null {
  const [next, patches, inverse] = produceWithPatches(doc, command.recipe);
  if (patches.length === 0) return null;
  const undo = [...history.undo, { label: command.label, patches, inverse }].slice(-UNDO_LIMIT);
  return { doc: next, history: { undo, redo: [] } };
}

export function undo(doc: ProjectDocument, history: History): { doc: ProjectDocument; history: History } | null {
  const entry = history.undo.at(-1);
  if (!entry) return null;
  return {
    doc: applyPatches(doc, entry.inverse),
    history: { undo: history.undo.slice(0, -1), redo: [...history.redo, entry] },
  };
}

export function redo(doc: ProjectDocument, history: History): { doc: ProjectDocument; history: History } | null {
  const entry = history.redo.at(-1);
  if (!entry) return null;
  return {
    doc: applyPatches(doc, entry.patches),
    history: { undo: [...history.undo, entry], redo: history.redo.slice(0, -1) },
  };
}
