/** The host the renderer runs in: Electron's preload API when present, else the web adapter. */
import type { HallwrightApi } from '../../shared/index';
import { webHost } from './webHost';

declare global {
  interface Window {
    hallwright?: HallwrightApi;
  }
}

export const host: HallwrightApi = window.hallwright ?? webHost;
