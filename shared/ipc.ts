/**
 * The contract between the renderer and its host. Electron's preload implements it with IPC to
 * the main process; the web mode implements it with browser means. The renderer only ever talks
 * to the `hallwright` global through this interface, so one renderer serves both.
 */

/** Largest project file either host accepts, in bytes. Beyond it the user gets a clear error. */
export const MAX_PROJECT_BYTES = 64 * 1024 * 1024;

export const PROJECT_EXTENSION = 'hallwright';

/**
 * Largest export either host writes, in bytes. A report of a very large site stays far below, and
 * so do the 3D exports: a 4K PNG holds at most 33 MB of pixels (measured: 0.5–1.6 MB), and the GLB
 * of 10,000 racks in one hall measured 5.6 MB. A tour video is encoded at 2.5 Mbit/s whatever its
 * size (measured well below), so a 2-minute tour takes at most some 45 MB with the encoder's
 * overshoot allowed; the app refuses a tour too long to fit before recording it (docs/exports.md).
 */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/** Largest user catalog either host stores, in bytes of JSON text. */
export const MAX_USER_CATALOG_BYTES = 8 * 1024 * 1024;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'png', 'glb', 'webm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Per format: the file extension, the MIME type a browser download carries, and the save dialog's filter name. */
export const EXPORT_TYPES: Record<ExportFormat, { extension: string; mime: string; label: string }> = {
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8', label: 'CSV (comma-separated values)' },
  xlsx: {
    extension: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel workbook',
  },
  pdf: { extension: 'pdf', mime: 'application/pdf', label: 'PDF document' },
  png: { extension: 'png', mime: 'image/png', label: 'PNG image' },
  glb: { extension: 'glb', mime: 'model/gltf-binary', label: 'glTF binary (GLB) 3D model' },
  webm: { extension: 'webm', mime: 'video/webm', label: 'WebM video' },
};

/** Commands the host's menu (native in Electron) sends to the renderer. */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'undo',
  'redo',
  'toggle-plan-view',
  'toggle-site-view',
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

/** An export the renderer built (bill of materials, design report, 3D view), for the host to save where the user says. */
export interface ExportRequest {
  format: ExportFormat;
  /** A file name without folders; the host adds the format's extension when it is missing. */
  suggestedName: string;
  bytes: Uint8Array;
}

export interface SavedFile {
  name: string;
  handle: string | null;
}

/**
 * Largest recovery snapshot either host keeps, in bytes of its JSON: the project text plus a few
 * hundred bytes of name and time (the name is at most 255 characters, 1,020 bytes of UTF-8).
 */
export const MAX_RECOVERY_BYTES = MAX_PROJECT_BYTES + 4096;

/** A snapshot's id (the session's UUID): it names a file, so no dots, slashes or anything else. */
export const RECOVERY_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/** What a recovery snapshot says about the work it holds. */
export interface RecoveryMeta {
  /** The document's file name when the snapshot was taken ("untitled.hallwright" for a new one). */
  fileName: string;
  /** When the snapshot was taken, ISO 8601. */
  savedAt: string;
}

/** A snapshot in the recovery folder; `error` says why it cannot be recovered (then only discarded). */
export interface RecoveryEntry extends RecoveryMeta {
  id: string;
  error: string | null;
}

export interface RecoverySnapshot extends RecoveryMeta {
  id: string;
  text: string;
}

/** What the renderer tells its host about the open document, so closing the window can ask about unsaved changes. */
export interface DocumentState {
  /** The document differs from what was last saved or opened. */
  dirty: boolean;
  /** Its file name, for the prompt ("untitled.hallwright" for a new one). */
  fileName: string;
}

/**
 * A file dropped on the window. A browser File satisfies it; the shape is spelled out here because
 * the engine has no DOM types. Electron's preload asks for the path of the File behind it.
 */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

/** Result of a host call that can fail for reasons the user must see. */
export type HostResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface HallwrightApi {
  readonly host: 'electron' | 'web';
  /** Asks the user for a project file. `ok` with null when they cancel. */
  openProject(): Promise<HostResult<OpenedFile | null>>;
  /** Saves atomically, keeping the previous version. `ok` with null when they cancel Save As. */
  saveProject(request: SaveRequest): Promise<HostResult<SavedFile | null>>;
  /**
   * Saves an export where the user chooses (Electron: a save dialog; web: a download). `ok` with
   * null when they cancel. Exports are never written back, so the result's handle is null.
   */
  exportFile(request: ExportRequest): Promise<HostResult<SavedFile | null>>;
  /** The user's own catalog as JSON text (the renderer validates it); `ok` with null when there is none yet. */
  loadUserCatalog(): Promise<HostResult<string | null>>;
  /** Stores the user catalog's JSON text, replacing the previous one. */
  saveUserCatalog(text: string): Promise<HostResult<null>>;
  /**
   * Autosave: stores (atomically, replacing) the snapshot `id` of a document with unsaved changes.
   * Snapshots live outside any project file (Electron: the app's data folder; web: the browser).
   */
  writeRecovery(id: string, text: string, meta: RecoveryMeta): Promise<HostResult<null>>;
  /**
   * Every snapshot whose session is no longer running (a crash, or a window closed by a kill),
   * newest first; unreadable ones are listed with their error. Snapshots of sessions still running
   * (another window or browser tab) are never listed, so they are not taken for crashes.
   */
  listRecoveries(): Promise<HostResult<RecoveryEntry[]>>;
  /** One snapshot, checked (size, a valid project) before it is returned. */
  readRecovery(id: string): Promise<HostResult<RecoverySnapshot>>;
  /** Deletes a snapshot; `ok` also when there was none. */
  discardRecovery(id: string): Promise<HostResult<null>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Reads a project file dropped on the window (the caller has checked its extension and asked
   * about unsaved changes). Electron reads it from disk by its path, so Save writes it back; the
   * web mode reads the File's text (Save downloads).
   */
  openDroppedFile(file: DroppedFile): Promise<HostResult<OpenedFile>>;
  /**
   * The document's unsaved state, sent on every change. Electron asks Save / Don't Save / Cancel
   * when a window with unsaved changes is closed; the web mode makes the browser ask before the
   * page is left (`beforeunload`).
   */
  reportDocumentState(state: DocumentState): void;
  /**
   * Files the host opened on its own (Electron: File › Open Recent, the command line, a file
   * association, macOS "open-file"), already read and checked; the renderer asks about unsaved
   * changes, then loads. Requests made before the renderer subscribed are delivered on subscribing.
   * The web mode has none.
   */
  onOpenRequest(listener: (result: HostResult<OpenedFile>) => void): () => void;
  /**
   * Electron's close prompt, when the user chose Save: the listener saves and resolves whether it
   * did (false when the save failed or Save As was cancelled: the window then stays open).
   */
  onSaveBeforeClose(listener: () => Promise<boolean>): () => void;
}

/** IPC channel names shared by the preload and the main process. */
export const IPC = {
  open: 'hallwright:open',
  save: 'hallwright:save',
  exportFile: 'hallwright:export',
  loadUserCatalog: 'hallwright:user-catalog:load',
  saveUserCatalog: 'hallwright:user-catalog:save',
  writeRecovery: 'hallwright:recovery:write',
  listRecoveries: 'hallwright:recovery:list',
  readRecovery: 'hallwright:recovery:read',
  discardRecovery: 'hallwright:recovery:discard',
  menu: 'hallwright:menu',
  openDropped: 'hallwright:open-dropped',
  documentState: 'hallwright:document-state',
  openRequest: 'hallwright:open-request',
  openRequestReady: 'hallwright:open-request:ready',
  saveBeforeClose: 'hallwright:save-before-close',
  saveBeforeCloseDone: 'hallwright:save-before-close:done',
} as const;
