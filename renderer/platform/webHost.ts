/**
 * The host contract in a plain browser (web mode): the file picker to open, a download to save.
 * A browser cannot overwrite the file it opened, so every save is a download (`handle` is null).
 * The user catalog lives in localStorage, as the one thing the web mode keeps between visits.
 */
import {
  EXPORT_TYPES,
  MAX_EXPORT_BYTES,
  MAX_PROJECT_BYTES,
  MAX_USER_CATALOG_BYTES,
  PROJECT_EXTENSION,
  type ExportRequest,
  type HallwrightApi,
  type HostResult,
  type MenuCommand,
  type OpenedFile,
  type SavedFile,
} from '../../shared/index';

export const USER_CATALOG_KEY = 'hallwright.userCatalog';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = `.${PROJECT_EXTENSION},.json,application/json`;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

async function openProject(): Promise<HostResult<OpenedFile | null>> {
  const file = await pickFile();
  if (!file) return { ok: true, value: null };
  if (file.size > MAX_PROJECT_BYTES) {
    return {
      ok: false,
      error: `${file.name} is ${(file.size / 1048576).toFixed(0)} MB; Hallwright opens project files up to ${mb(MAX_PROJECT_BYTES)}.`,
    };
  }
  try {
    return { ok: true, value: { name: file.name, handle: null, text: await file.text() } };
  } catch (e) {
    return { ok: false, error: `${file.name} could not be read: ${message(e)}` };
  }
}

/** A download name: no characters file systems refuse, never empty, ending in the extension. */
export function downloadName(name: string, extension: string, fallback: string): string {
  const base = name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() || fallback;
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function exportFile({ format, suggestedName, bytes }: ExportRequest): Promise<HostResult<SavedFile | null>> {
  if (bytes.byteLength > MAX_EXPORT_BYTES)
    return { ok: false, error: `The export is larger than ${mb(MAX_EXPORT_BYTES)} and was not saved.` };
  const type = EXPORT_TYPES[format];
  const name = downloadName(suggestedName, type.extension, 'export');
  // slice() gives the Blob its own copy, detached from whatever buffer the bytes were a view of.
  download(new Blob([bytes.slice()], { type: type.mime }), name);
  return { ok: true, value: { name, handle: null } };
}

async function loadUserCatalog(): Promise<HostResult<string | null>> {
  try {
    return { ok: true, value: localStorage.getItem(USER_CATALOG_KEY) };
  } catch (e) {
    return {
      ok: false,
      error: `The browser's storage is not available, so the user catalog cannot be read: ${message(e)}`,
    };
  }
}

async function saveUserCatalog(text: string): Promise<HostResult<null>> {
  const size = new TextEncoder().encode(text).byteLength;
  if (size > MAX_USER_CATALOG_BYTES)
    return { ok: false, error: `The user catalog is larger than ${mb(MAX_USER_CATALOG_BYTES)} and was not saved.` };
  try {
    localStorage.setItem(USER_CATALOG_KEY, text);
    return { ok: true, value: null };
  } catch (e) {
    // QuotaExceededError (a few MB per site) or storage disabled: the stored catalog is unchanged.
    return {
      ok: false,
      error: `The browser refused to store the user catalog (its storage for this site is full or disabled), so it was not saved: ${message(e)}`,
    };
  }
}

export const webHost: HallwrightApi = {
  host: 'web',
  openProject,
  async saveProject({ suggestedName, text }) {
    const name = downloadName(suggestedName, PROJECT_EXTENSION, 'project');
    download(new Blob([text], { type: 'application/json' }), name);
    return { ok: true, value: { name, handle: null } };
  },
  exportFile,
  loadUserCatalog,
  saveUserCatalog,
  onMenuCommand(_listener: (command: MenuCommand) => void) {
    // A browser has no native menu: the in-app menu bar calls the same actions directly.
    return () => undefined;
  },
};
