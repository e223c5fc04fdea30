/**
 * The native menu. Custom items send a MenuCommand to the renderer, which owns the actions; File ›
 * Open Recent is the main process's own (it holds the paths), rebuilt whenever the list changes.
 */
import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { basename, dirname } from 'node:path';
import { IPC, type MenuCommand } from '../../shared/index';

function send(command: MenuCommand): void {
  BrowserWindow.getFocusedWindow()?.webContents.send(IPC.menu, command);
}

const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
  label,
  accelerator,
  click: () => send(command),
});

export interface RecentMenu {
  /** Most recent first (recentFiles.ts). */
  paths: readonly string[];
  open(path: string): void;
  clear(): void;
}

/**
 * "site.hallwright — /projects/acme": the name first, since that is what is looked for, then its
 * folder to tell two of the same name apart. `&` is doubled: Windows and Linux menus read a single
 * one as the mnemonic marker.
 */
export function recentLabel(path: string): string {
  return `${basename(path)} — ${dirname(path)}`.replaceAll('&', '&&');
}

export function recentSubmenu(recent: RecentMenu): MenuItemConstructorOptions[] {
  const entries: MenuItemConstructorOptions[] =
    recent.paths.length === 0
      ? [{ label: 'No Recent Files', enabled: false }]
      : recent.paths.map((path) => ({ label: recentLabel(path), click: () => recent.open(path) }));
  return [
    ...entries,
    { type: 'separator' },
    { label: 'Clear Recent', enabled: recent.paths.length > 0, click: () => recent.clear() },
  ];
}

export function menuTemplate(recent: RecentMenu, isMac = process.platform === 'darwin'): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('New', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentSubmenu(recent) },
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        // Windows and Linux users also expect Ctrl+Y.
        ...(isMac ? [] : [{ ...item('Redo', 'redo', 'Ctrl+Y'), visible: false, acceleratorWorksWhenHidden: true }]),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Toggle Plan View', 'toggle-plan-view', 'CmdOrCtrl+Shift+P'),
        // The app's own key is S; Ctrl/⌘+Shift+S is Save As…, so the item has no accelerator of its own.
        item('Toggle Site View', 'toggle-site-view'),
        item('One-Line Diagram', 'toggle-one-line', 'CmdOrCtrl+Shift+L'),
        item('Colour Racks by Power', 'toggle-power-colours', 'CmdOrCtrl+Shift+U'),
        { type: 'separator' },
        { role: 'toggleDevTools' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
}

/** Installs (again) the application menu; called at start and whenever the recent list changes. */
export function installMenu(recent: RecentMenu): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(recent)));
}
