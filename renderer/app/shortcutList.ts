/**
 * Every keyboard shortcut, for the help overlay (? or F1). The handlers live in useShortcuts.ts and
 * the tools; keep this list in step with them.
 */
export interface Shortcut {
  keys: string;
  what: string;
}

export interface ShortcutGroup {
  name: string;
  shortcuts: readonly Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    name: 'File and edit',
    shortcuts: [
      { keys: 'Ctrl+N', what: 'New project' },
      { keys: 'Ctrl+O', what: 'Open…' },
      { keys: 'Ctrl+S', what: 'Save' },
      { keys: 'Ctrl+Shift+S', what: 'Save As…' },
      { keys: 'Ctrl+Z', what: 'Undo' },
      { keys: 'Ctrl+Shift+Z / Ctrl+Y', what: 'Redo' },
      { keys: 'Ctrl+C / Ctrl+X / Ctrl+V', what: 'Copy, cut, paste racks (across halls and projects)' },
      { keys: 'Ctrl+D', what: 'Duplicate the selection beside itself' },
      { keys: 'Ctrl+A', what: 'Select everything in the hall' },
      { keys: 'Ctrl+F', what: 'Find by name' },
      { keys: 'Delete / Backspace', what: 'Delete the selection' },
      { keys: 'Esc', what: 'Cancel the tool or drag, clear the selection' },
    ],
  },
  {
    name: 'Tools',
    shortcuts: [
      { keys: 'V', what: 'Select (drag on the floor for a box, Alt-drag for a lasso)' },
      { keys: 'W', what: 'Draw walls and rooms (type a length, Enter)' },
      { keys: 'O', what: 'Lay a row of racks' },
      { keys: 'A', what: 'Lay a row pair around an aisle' },
      { keys: 'E', what: 'Rack elevation of the selected rack' },
    ],
  },
  {
    name: 'Transform',
    shortcuts: [
      { keys: 'Arrows', what: 'Nudge the selection one grid step (Shift: 10 steps)' },
      { keys: 'R', what: 'Rotate the selection 90° about its centre' },
      { keys: 'Shift (while dragging)', what: 'Move without snapping' },
    ],
  },
  {
    name: 'View',
    shortcuts: [
      { keys: 'P', what: 'Plan / 3D view' },
      { keys: 'S', what: 'Site view: every hall and rack (click a rack to go into its hall)' },
      { keys: 'L', what: 'One-line diagram' },
      { keys: 'U', what: 'Colour racks by power' },
      { keys: 'K', what: 'Colour racks by cooling' },
      { keys: '? / F1', what: 'This help' },
    ],
  },
];
