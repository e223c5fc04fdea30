/** Runs a validated edit, or tells the user why it was refused. */
import type { EditResult } from '../store/powerCommands';
import { useEditor } from '../store/editor';

export function runEdit(result: EditResult): boolean {
  const { run, notify } = useEditor.getState();
  if (!result.ok) {
    notify({ kind: 'error', text: result.reason, details: [] });
    return false;
  }
  return run(result.command);
}
