/**
 * The open document is never replaced by a bad file (issue 10): File › Open with a refused file
 * leaves the editor's document, history, file name and dirty state exactly as they were, and says
 * why in a notice. The host is replaced by one that hands over chosen text; the store is real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSampleFacility, serializeProject } from '../../shared/index';
import { deleteRacks } from './commands';
import { createEditorStore } from './documentStore';

const opened = vi.hoisted(() => ({ text: '' }));

vi.mock('../platform/host', () => ({
  host: {
    openProject: () =>
      Promise.resolve({ ok: true, value: { name: 'other.hallwright', handle: null, text: opened.text } }),
  },
}));

vi.mock('./editor', () => ({
  useEditor: createEditorStore(buildSampleFacility(), { name: 'sample.hallwright', handle: null }),
}));

const { openDocument } = await import('../app/fileActions');
const { useEditor } = await import('./editor');

const BAD_FILES: [string, string][] = [
  ['truncated', serializeProject(buildSampleFacility()).slice(0, 5_000)],
  ['a newer format', serializeProject(buildSampleFacility()).replace(/"formatVersion": \d+/, '"formatVersion": 99')],
  [
    'a negative power rating',
    serializeProject(buildSampleFacility()).replace('"capacityKva": 5000', '"capacityKva": -1'),
  ],
  ['100 000 nested brackets', '['.repeat(100_000) + ']'.repeat(100_000)],
  ['not JSON at all', 'PK\u0003\u0004 a zip file'],
];

describe('opening a bad file', () => {
  beforeEach(() => {
    // Start from the clean sample, then one unsaved edit: nothing clean to fall back on.
    useEditor.getState().load(buildSampleFacility(), { name: 'sample.hallwright', handle: null });
    useEditor.getState().run(deleteRacks(['rack-A-02-01']));
    // The user agrees to discard the unsaved edit, so only the file's refusal can keep it.
    vi.stubGlobal('window', { confirm: () => true });
  });
  afterEach(() => vi.unstubAllGlobals());

  it.each(BAD_FILES)('leaves the open document untouched: %s', async (_label, text) => {
    opened.text = text;
    const before = useEditor.getState();
    const { doc, savedDoc, history, file } = before;
    await openDocument();
    const after = useEditor.getState();
    expect(after.doc).toBe(doc);
    expect(after.savedDoc).toBe(savedDoc);
    expect(after.history).toBe(history);
    expect(after.file).toBe(file);
    expect(after.notice).toMatchObject({
      kind: 'error',
      text: expect.stringMatching(/^Could not open other\.hallwright: /),
    });
  });

  it('a good file does replace it (the test can tell the difference)', async () => {
    opened.text = serializeProject(buildSampleFacility());
    const before = useEditor.getState().doc;
    await openDocument();
    expect(useEditor.getState().doc).not.toBe(before);
    expect(useEditor.getState().file.name).toBe('other.hallwright');
  });
});
