/**
 * "Save changes to <file> before <opening another>?" with Save, Don't Save and Cancel, asked before
 * a document with unsaved changes is replaced (unsavedGuard.ts). Closing the desktop window asks the
 * same question in a native dialog (electron/main/closeGuard.ts); a browser asks through beforeunload.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { currentUnsavedQuestion, registerUnsavedPrompt, subscribeUnsaved, type UnsavedQuestion } from './unsavedGuard';
import { useEscapeToClose } from './useEscapeToClose';

export function UnsavedPrompt() {
  const question = useSyncExternalStore(subscribeUnsaved, currentUnsavedQuestion);
  useEffect(registerUnsavedPrompt, []);
  if (!question) return null;
  return <Question question={question} />;
}

function Question({ question }: { question: UnsavedQuestion }) {
  useEscapeToClose(() => question.answer('cancel'));
  return (
    <div className="modal-backdrop">
      <div
        className="modal narrow"
        role="alertdialog"
        aria-modal="true"
        aria-label="Unsaved changes"
        data-testid="unsaved-prompt"
        // The editor's shortcuts must not act on the design behind the question.
        onKeyDown={(e) => e.stopPropagation()}
      >
        <p>
          Save the changes to {question.fileName} before {question.action}?
        </p>
        <p>Your changes will be lost if you don't save them.</p>
        <div className="buttons">
          <button autoFocus onClick={() => question.answer('save')}>
            Save
          </button>
          <button onClick={() => question.answer('discard')}>Don&apos;t Save</button>
          <button onClick={() => question.answer('cancel')}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
