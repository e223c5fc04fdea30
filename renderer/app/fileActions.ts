/**
 * New, Open, Save and Save As, and the other ways a document arrives (a dropped file, one the host
 * opened: Open Recent, the command line, a file association): the host moves bytes, the engine
 * validates them, the store holds them. Before a document with unsaved changes is replaced, the
 * user is asked Save / Don't Save / Cancel (unsavedGuard.ts).
 */
import {
  newProject,
  parseProject,
  PROJECT_EXTENSION,
  type DroppedFile,
  type HostResult,
  type OpenedFile,
} from '../../shared/index';
import { host } from '../platform/host';
import { useEditor } from '../store/editor';
import { projectText } from './projectText';
import { askUnsaved, unsavedPromptShown } from './unsavedGuard';

function isDirty(): boolean {
  const { doc, savedDoc } = useEditor.getState();
  return doc !== savedDoc;
}

/**
 * True when the open document may be replaced: it has no unsaved changes, or the user saved them
 * (the save succeeded) or chose not to. `action` ends the question: "Save the changes to x before …?".
 */
export async function confirmReplace(action: string): Promise<boolean> {
  if (!isDirty()) return true;
  // Without the in-app prompt mounted (unit tests), the browser's own question, without Save.
  if (!unsavedPromptShown()) return window.confirm('The project has unsaved changes. Discard them?');
  const answer = await askUnsaved(useEditor.getState().file.name, action);
  if (answer === 'cancel') return false;
  return answer === 'discard' || (await saveDocument(false));
}

export function newDocument(): void {
  void (async () => {
    if (!(await confirmReplace('starting a new project'))) return;
    useEditor.getState().load(newProject(crypto.randomUUID()), { name: 'untitled.hallwright', handle: null });
  })();
}

/** Loads a file the host read; a file that is not a valid project leaves the open document untouched. */
function loadOpened({ name, handle, text }: OpenedFile): void {
  const { notify, load } = useEditor.getState();
  const parsed = parseProject(text);
  if (!parsed.ok)
    return notify({ kind: 'error', text: `Could not open ${name}: ${parsed.error}`, details: parsed.details });
  load(parsed.doc, { name, handle });
  notify({ kind: 'info', text: `Opened ${name}.`, details: [] });
}

export async function openDocument(): Promise<void> {
  if (!(await confirmReplace('opening another project'))) return;
  const result = await host.openProject();
  if (!result.ok) return useEditor.getState().notify({ kind: 'error', text: result.error, details: [] });
  if (result.value) loadOpened(result.value);
}

/** A file the host opened on its own (Open Recent, the command line, a file association). */
export async function openRequested(result: HostResult<OpenedFile>): Promise<void> {
  if (!result.ok) return useEditor.getState().notify({ kind: 'error', text: result.error, details: [] });
  if (await confirmReplace(`opening ${result.value.name}`)) loadOpened(result.value);
}

export const isProjectFileName = (name: string): boolean => name.toLowerCase().endsWith(`.${PROJECT_EXTENSION}`);

/**
 * Files dropped on the window: the first one opens if it is a project file; anything else is
 * refused with a notice and the open document stays as it is.
 */
export async function openDropped(files: readonly DroppedFile[]): Promise<void> {
  const { notify } = useEditor.getState();
  const file = files[0];
  if (!file) return;
  if (files.length > 1)
    return notify({
      kind: 'error',
      text: `Drop one project at a time: ${files.length} files were dropped and none was opened.`,
      details: [],
    });
  if (!isProjectFileName(file.name))
    return notify({
      kind: 'error',
      text: `${file.name} is not a Hallwright project: only .${PROJECT_EXTENSION} files open by dropping them on the window.`,
      details: [],
    });
  if (!(await confirmReplace(`opening ${file.name}`))) return;
  const result = await host.openDroppedFile(file);
  if (!result.ok) return notify({ kind: 'error', text: result.error, details: [] });
  loadOpened(result.value);
}

/** Saves; resolves true when the document was written (false when it failed or Save As was cancelled). */
export async function saveDocument(saveAs = false): Promise<boolean> {
  const { doc, file, notify, markSaved } = useEditor.getState();
  const result = await host.saveProject({
    handle: saveAs ? null : file.handle,
    suggestedName: file.name,
    text: projectText(doc),
  });
  if (!result.ok) {
    notify({ kind: 'error', text: `Could not save: ${result.error}`, details: [] });
    return false;
  }
  if (!result.value) return false;
  // Mark exactly the document that was serialised, even if an edit landed meanwhile.
  markSaved(result.value, doc);
  notify({ kind: 'info', text: `Saved ${result.value.name}.`, details: [] });
  return true;
}
