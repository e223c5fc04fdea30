/**
 * The host contract in a plain browser (web mode): the file picker to open, a download to save.
 * A browser cannot overwrite the file it opened, so every save is a download (`handle` is null).
 */
import {
  MAX_PROJECT_BYTES,
  PROJECT_EXTENSION,
  type HallwrightApi,
  type HostResult,
  type MenuCommand,
  type OpenedFile,
} from '../../shared/index';

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
      error: `${file.name} is ${(file.size / 1048576).toFixed(0)} MB; Hallwright opens project files up to ${MAX_PROJECT_BYTES / 1048576} MB.`,
    };
  }
  try {
    return { ok: true, value: { name: file.name, handle: null, text: await file.text() } };
  } catch (e) {
    return { ok: false, error: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function withExtension(name: string): string {
  const base = name.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'project';
  return base.endsWith(`.${PROJECT_EXTENSION}`) ? base : `${base}.${PROJECT_EXTENSION}`;
}

export const webHost: HallwrightApi = {
  host: 'web',
  openProject,
  async saveProject({ suggestedName, text }) {
    const name = withExtension(suggestedName);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { ok: true, value: { name, handle: null } };
  },
  onMenuCommand(_listener: (command: MenuCommand) => void) {
    // A browser has no native menu: the in-app menu bar calls the same actions directly.
    return () => undefined;
  },
};
