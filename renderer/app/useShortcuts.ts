/**
 * Keyboard shortcuts. In Electron the native menu owns the accelerators for file and undo/redo
 * (so they also work from the menu); in the browser the same keys are handled here.
 */
import { useEffect } from 'react';
import { host } from '../platform/host';
import { toggleSiteView } from '../scene/site/siteActions';
import { useEditor } from '../store/editor';
import {
  copySelection,
  cutSelection,
  duplicateSelection,
  nudgeSelection,
  pasteClipboard,
  selectAllInHall,
} from './layoutActions';
import { focusSearch } from './EntitySearch';
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

/** Arrow keys nudge the selection one grid step in plan (y runs down the screen). */
const ARROWS: Record<string, { x: number; y: number }> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/** Ctrl (⌘) shortcuts of the layout, which work in the browser and in Electron alike. */
const LAYOUT_WITH_MOD: Record<string, () => void> = {
  c: () => void copySelection(),
  x: cutSelection,
  v: pasteClipboard,
  d: duplicateSelection,
  a: selectAllInHall,
  f: focusSearch,
};

function openSelectedElevation(): void {
  const { selectedRackIds, openElevation, notify } = useEditor.getState();
  const racks = selectedRackIds();
  if (racks.length === 1) openElevation(racks[0]!);
  else notify({ kind: 'error', text: 'Select one rack to see its elevation.', details: [] });
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const state = useEditor.getState();
      // Walk mode takes W A S D and the arrows for walking (WalkControls); only Escape reaches the editor.
      if (state.view === 'walk' && key !== 'escape') return;
      if (mod) {
        const layout = LAYOUT_WITH_MOD[key];
        // Text selected in a panel copies as text, as everywhere else.
        const textSelected = (key === 'c' || key === 'x') && (window.getSelection()?.toString() ?? '') !== '';
        if (layout && !e.shiftKey && !textSelected) {
          e.preventDefault();
          return layout();
        }
        if (host.host !== 'web') return;
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
      if (e.altKey) return;
      const arrow = ARROWS[e.key];
      if (arrow) nudgeSelection(arrow.x, arrow.y, e.shiftKey);
      else if (key === '?' || e.key === 'F1') state.setHelpOpen(!state.helpOpen);
      else if (key === 'r') rotateSelection();
      else if (key === 'delete' || key === 'backspace') deleteSelection();
      else if (key === 'p') togglePlanView();
      else if (key === 's') toggleSiteView();
      else if (key === 'l') toggleOneLine();
      else if (key === 'u') togglePowerColours();
      else if (key === 'k') toggleCoolingColours();
      else if (key === 'v') state.setTool({ kind: 'select' });
      else if (key === 'w') state.setTool({ kind: 'draw-walls', points: [] });
      else if (key === 'o') state.setTool({ kind: 'lay-row', pair: false, start: null });
      else if (key === 'a') state.setTool({ kind: 'lay-row', pair: true, start: null });
      else if (key === 'e') openSelectedElevation();
      else if (key === 'enter' && state.tool.kind === 'draw-zone') finishZone();
      else if (key === 'escape') {
        const {
          simulation,
          simulate,
          setTool,
          select,
          securityPath,
          showPath,
          presenting,
          helpOpen,
          setHelpOpen,
          tool,
        } = state;
        // Escape closes the help, ends a presentation, a failure simulation, a shown way in or a drawing first,
        // then the tool and the selection.
        if (helpOpen) setHelpOpen(false);
        else if (presenting) togglePresentation();
        else if (simulation) simulate(null);
        else if (securityPath) showPath(null);
        else if (tool.kind === 'draw-walls' && tool.points.length > 0) setTool({ kind: 'draw-walls', points: [] });
        else if (tool.kind === 'lay-row' && tool.start) setTool({ ...tool, start: null });
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
