/**
 * The one context menu of the app: whoever right-clicks (the outliner, the 3D scene) opens it here
 * with its items; `ContextMenu` draws it where the click was. UI state only, never in the document.
 */
import { create } from 'zustand';

export interface ContextMenuItem {
  label: string;
  /** The key that does the same, shown at the right ("Del", "F2"). */
  shortcut?: string;
  disabled?: boolean;
  run: () => void;
}

/** A line between groups of items. */
export const SEPARATOR = 'separator';
export type ContextMenuEntry = ContextMenuItem | typeof SEPARATOR;

export interface ContextMenuRequest {
  /** Client-space pixels where the menu opens (the pointer); it is kept inside the window. */
  x: number;
  y: number;
  items: readonly ContextMenuEntry[];
  /** Names the menu for screen readers ("Hall A (ex-mining)"). */
  label?: string;
}

export const useContextMenu = create<{ menu: ContextMenuRequest | null }>()(() => ({ menu: null }));

export function openContextMenu(menu: ContextMenuRequest): void {
  useContextMenu.setState({ menu });
}

export function closeContextMenu(): void {
  if (useContextMenu.getState().menu !== null) useContextMenu.setState({ menu: null });
}
