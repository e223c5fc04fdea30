/** The native menu's shape, with Electron replaced by a fake: accelerators, Open Recent and Clear Recent. */
import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../../shared/index';

const sent = vi.hoisted(() => [] as unknown[][]);
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => ({ webContents: { send: (...args: unknown[]) => sent.push(args) } }) },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
}));

const { menuTemplate, recentLabel } = await import('./menu');

interface Item {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  enabled?: boolean;
  visible?: boolean;
  submenu?: Item[];
  click?: () => void;
}

const fileMenu = (template: Item[]) => template.find((m) => m.label === 'File')!.submenu!;

describe('the native menu', () => {
  it('has the file, edit and view commands with their accelerators', () => {
    const template = menuTemplate({ paths: [], open: () => undefined, clear: () => undefined }, false) as Item[];
    const accelerators = template
      .flatMap((m) => m.submenu ?? [])
      .filter((i) => i.accelerator)
      .map((i) => `${i.label} ${i.accelerator}`);
    expect(accelerators).toEqual([
      'New CmdOrCtrl+N',
      'Open… CmdOrCtrl+O',
      'Save CmdOrCtrl+S',
      'Save As… CmdOrCtrl+Shift+S',
      'Undo CmdOrCtrl+Z',
      'Redo CmdOrCtrl+Shift+Z',
      'Redo Ctrl+Y',
      'Toggle Plan View CmdOrCtrl+Shift+P',
      'One-Line Diagram CmdOrCtrl+Shift+L',
      'Colour Racks by Power CmdOrCtrl+Shift+U',
    ]);
    fileMenu(template)[0]!.click!();
    expect(sent.at(-1)).toEqual([IPC.menu, 'new']);
    // macOS: the app menu first, Close in File; elsewhere Quit in File.
    expect(fileMenu(template).at(-1)!.role).toBe('quit');
    const mac = menuTemplate({ paths: [], open: () => undefined, clear: () => undefined }, true) as Item[];
    expect(mac[0]!.role).toBe('appMenu');
    expect(fileMenu(mac).at(-1)!.role).toBe('close');
  });

  it('has the site view in View, sending its command to the renderer', () => {
    const template = menuTemplate({ paths: [], open: () => undefined, clear: () => undefined }, false) as Item[];
    const view = template.find((m) => m.label === 'View')!.submenu!;
    expect(view.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Toggle Plan View',
      'Toggle Site View',
      'One-Line Diagram',
      'Colour Racks by Power',
    ]);
    const site = view.find((i) => i.label === 'Toggle Site View')!;
    expect(site.accelerator).toBeUndefined();
    site.click!();
    expect(sent.at(-1)).toEqual([IPC.menu, 'toggle-site-view']);
  });

  it('lists recent files most recent first, opens them and clears the list', () => {
    const opened: string[] = [];
    let cleared = 0;
    const paths = ['/sites/b/plant.hallwright', '/sites/a/plant.hallwright'];
    const template = menuTemplate({ paths, open: (p) => opened.push(p), clear: () => cleared++ }, false) as Item[];
    const recent = fileMenu(template).find((i) => i.label === 'Open Recent')!.submenu!;
    expect(recent.map((i) => i.label ?? i.type)).toEqual([
      'plant.hallwright — /sites/b',
      'plant.hallwright — /sites/a',
      'separator',
      'Clear Recent',
    ]);
    recent[1]!.click!();
    expect(opened).toEqual(['/sites/a/plant.hallwright']);
    recent.at(-1)!.click!();
    expect(cleared).toBe(1);
  });

  it('shows an empty list as such, with Clear Recent disabled', () => {
    const template = menuTemplate({ paths: [], open: () => undefined, clear: () => undefined }, false) as Item[];
    const recent = fileMenu(template).find((i) => i.label === 'Open Recent')!.submenu!;
    expect(recent[0]).toEqual({ label: 'No Recent Files', enabled: false });
    expect(recent.at(-1)!.enabled).toBe(false);
  });

  it('doubles & so Windows and Linux do not read it as a mnemonic', () => {
    expect(recentLabel('/work/R&D/a&b.hallwright')).toBe('a&&b.hallwright — /work/R&&D');
  });
});
