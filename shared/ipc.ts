/**
 * The contract between the renderer and its host. Electron's preload implements it with IPC to
 * the main process; the web mode implements it with browser means. The renderer only ever talks
 * to the `hallwright` global through this interface, so one renderer serves both.
 */

/** Largest project file either host accepts, in bytes. Beyond it the user gets a clear error. */
export const MAX_PROJECT_BYTES = 64 * 1024 * 1024;

export const PROJECT_EXTENSION = 'hallwright';

/** Commands the host's menu (native in Electron) sends to the renderer. */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'undo',
  'redo',
  'toggle-plan-view',
  'toggle-one-line',
  'toggle-power-colours',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** A file the user chose to open: its display name, an opaque handle for saving back, its text. */
export interface OpenedFile {
  name: string;
  /** Where the host can save this document again without asking; null in web mode. */
  handle: string | null;
  text: string;
}

export interface SaveRequest {
  /** The handle of the file to overwrite; null asks the user where to save (Save As). */
  handle: string | null;
  suggestedName: string;
  text: string;
}

export interface SavedFile {
  name: string;
  handle: string | null;
}

/** Result of a host call that can fail for reasons the user must see. */
export type HostResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface HallwrightApi {
  readonly host: 'electron' | 'web';
  /** Asks the user for a project file. `ok` with null when they cancel. */
  openProject(): Promise<HostResult<OpenedFile | null>>;
  /** Saves atomically, keeping the previous version. `ok` with null when they cancel Save As. */
  saveProject(request: SaveRequest): Promise<HostResult<SavedFile | null>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** IPC channel names shared by the preload and the main process. */
export const IPC = {
  open: 'hallwright:open',
  save: 'hallwright:save',
  menu: 'hallwright:menu',
} as const;
