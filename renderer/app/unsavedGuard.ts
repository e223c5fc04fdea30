/**
 * The in-app "unsaved changes" question asked before New, Open, Open Recent, a dropped file or a
 * recovered one replaces a document with unsaved changes: one question at a time, answered by
 * UnsavedPrompt.tsx. A plain store, so the file actions and tests use it without React.
 */

export type UnsavedAnswer = 'save' | 'discard' | 'cancel';

export interface UnsavedQuestion {
  /** The document that would be replaced. */
  fileName: string;
  /** What replaces it, for the question ("opening site-b.hallwright"). */
  action: string;
  answer(choice: UnsavedAnswer): void;
}

let question: UnsavedQuestion | null = null;
let shownBy = 0;
const listeners = new Set<() => void>();

const emit = () => listeners.forEach((l) => l());

export function subscribeUnsaved(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const currentUnsavedQuestion = (): UnsavedQuestion | null => question;

/** The prompt registers while it is mounted; without it (unit tests, before the first render) the browser's confirm is used. */
export function registerUnsavedPrompt(): () => void {
  shownBy++;
  return () => {
    shownBy--;
  };
}

export const unsavedPromptShown = (): boolean => shownBy > 0;

/** Asks; a question asked while another is open is cancelled (a second drop while the first waits). */
export function askUnsaved(fileName: string, action: string): Promise<UnsavedAnswer> {
  if (question) return Promise.resolve('cancel');
  return new Promise((resolve) => {
    question = {
      fileName,
      action,
      answer(choice) {
        question = null;
        emit();
        resolve(choice);
      },
    };
    emit();
  });
}
