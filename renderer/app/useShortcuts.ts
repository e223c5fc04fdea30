/**
 * Keyboard shortcuts. In Electron the native menu owns the accelerators for file and undo/redo
 * (so they also work from the menu); in the browser the same keys are handled here.
 */
import { useEffect } from 'react';
import { host } from '../platform/host';
import { useEditor } from '../store/editor';
import {
  deleteSelection,
  finishZone,
  rotateSelection,
  runMenuCommand,
  toggleOneLine,
  togglePlanView,
  togglePowerColours,
  toggleCoolingColours,
  togglePresentation,
} from './actions';

/** Inputs that take no typed text: a shortcut pressed after ticking one still reaches the editor. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type);
  return target instanceof HTMLElement && (target.isContentEditable || ['SELECT', 'TEXTAREA'].includes(target.tagName));
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && host.host === 'web') {
        const command =
          key === 'z' && e.shiftKey
            ? 'redo'
            : key === 'z'
              ? 'undo'
              : key === 'y'
                ? 'redo'
                : key === 's' && e.shiftKey
                  ? 'save-as'
                  : key === 's'
                    ? 'save'
                    : key === 'o'
                      ? 'open'
                      : null;
        if (command) {
          e.preventDefault();
          runMenuCommand(command);
        }
        return;
      }
      if (mod || e.altKey) return;
      if (key === 'r') rotateSelection();
      else if (key === 'delete' || key === 'backspace') deleteSelection();
      else if (key === 'p') togglePlanView();
      else if (key === 'l') toggleOneLine();
      else if (key === 'u') togglePowerColours();
      else if (key === 'k') toggleCoolingColours();
      else if (key === 'enter' && useEditor.getState().tool.kind === 'draw-zone') finishZone();
      else if (key === 'escape') {
        const { simulation, simulate, setTool, select, securityPath, showPath, presenting } = useEditor.getState();
        // Escape ends a presentation, a failure simulation or a shown way in first, then the tool and the selection.
        if (presenting) togglePresentation();
        else if (simulation) simulate(null);
        else if (securityPath) showPath(null);
        else {
          setTool({ kind: 'select' });
          select([]);
        }
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = host.onMenuCommand(runMenuCommand);
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, []);
}
