/**
 * The camera as the UI outside the canvas sees it: the tour panel records the current view as a
 * stop and sends the camera to one. TourDriver, inside the canvas, fills this in while mounted.
 */
import type { Vec3 } from '../../shared/index';

export interface View {
  position: Vec3;
  target: Vec3;
}

export interface ViewBridge {
  current(): View;
  goTo(view: View): void;
}

export const viewBridge: { current: ViewBridge | null } = { current: null };
