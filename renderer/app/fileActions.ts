/** New, Open, Save and Save As: the host moves bytes, the engine validates them, the store holds them. */
import { newProject, parseProject, serializeProject } from '../../shared/index';
import { host } from '../platform/host';
import { useEditor } from '../store/editor';

function isDirty(): boolean {
  const { doc, savedDoc } = useEditor.getState();
  return doc !== savedDoc;
}

function confirmDiscard(): boolean {
  return !isDirty() || window.confirm('The project has unsaved changes. Discard them?');
}

export function newDocument(): void {
  if (!confirmDiscard()) return;
  useEditor.getState().load(newProject(crypto.randomUUID()), { name: 'untitled.hallwright', handle: null });
}

export async function openDocument(): Promise<void> {
  if (!confirmDiscard()) return;
  const { notify, load } = useEditor.getState();
  const result = await host.openProject();
  if (!result.ok) return notify({ kind: 'error', text: result.error, details: [] });
  if (!result.value) return;
  const { name, handle, text } = result.value;
  const parsed = parseProject(text);
  // The open document stays untouched when the file is refused.
  if (!parsed.ok)
    return notify({ kind: 'error', text: `Could not open ${name}: ${parsed.error}`, details: parsed.details });
  load(parsed.doc, { name, handle });
  notify({ kind: 'info', text: `Opened ${name}.`, details: [] });
}

export async function saveDocument(saveAs = false): Promise<void> {
  const { doc, file, notify, markSaved } = useEditor.getState();
  const result = await host.saveProject({
    handle: saveAs ? null : file.handle,
    suggestedName: file.name,
    text: serializeProject(doc),
  });
  if (!result.ok) return notify({ kind: 'error', text: `Could not save: ${result.error}`, details: [] });
  if (!result.value) return;
  // Mark exactly the document that was serialised, even if an edit landed meanwhile.
  markSaved(result.value, doc);
  notify({ kind: 'info', text: `Saved ${result.value.name}.`, details: [] });
}
