/**
 * Every keyboard shortcut (shortcutList.ts) in columns over the editor, while the store's
 * `helpOpen` is set (? or F1, or the ? button of the left panel). Esc, the close button or a click
 * beside it closes it.
 */
import { useEffect, useRef } from 'react';
import { useEditor } from '../store/editor';
import { SHORTCUT_GROUPS } from './shortcutList';

function Help() {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    // Captured on the window, so Esc closes the help and does not also clear the selection.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      useEditor.getState().setHelpOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <div
      className="modal-backdrop"
      onClick={(e) => e.target === e.currentTarget && useEditor.getState().setHelpOpen(false)}
    >
      <div className="modal shortcut-help" role="dialog" aria-modal="true" aria-labelledby="shortcut-help-title">
        <header>
          <h3 id="shortcut-help-title">Keyboard shortcuts</h3>
          <button ref={close} onClick={() => useEditor.getState().setHelpOpen(false)} title="Close (Esc)">
            Close
          </button>
        </header>
        <div className="shortcut-groups">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.name} aria-label={group.name}>
              <h4>{group.name}</h4>
              <dl>
                {group.shortcuts.map((s) => (
                  <div key={s.keys}>
                    <dt>
                      <kbd>{s.keys}</kbd>
                    </dt>
                    <dd>{s.what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="hint">On a Mac, Cmd works wherever Ctrl is written.</p>
      </div>
    </div>
  );
}

export function ShortcutHelp() {
  return useEditor((s) => s.helpOpen) ? <Help /> : null;
}
