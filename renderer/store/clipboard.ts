/**
 * The layout clipboard: racks copied or cut, kept in the app (not the document) so they paste into
 * another hall or, after File → Open, another project. Nothing here is undoable; pasting is.
 */
import type { LayoutClipboard } from '../../shared/index';

let held: LayoutClipboard | null = null;

export function holdClipboard(clip: LayoutClipboard): void {
  held = clip;
}

export function heldClipboard(): LayoutClipboard | null {
  return held;
}
