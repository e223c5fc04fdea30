/**
 * Replacing a document with unsaved changes asks first (Save / Don't Save / Cancel), whichever way
 * the new one arrives: New, Open, a file the host opened (Open Recent, command line), a drop. The
 * host is a recording fake; the store and the question are real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSampleFacility, serializeProject } from '../../shared/index';
import { createEditorStore } from '../store/documentStore';
import { deleteRacks } from '../store/commands';

const host = vi.hoisted(() => ({
  calls: [] as string[],
  saveResult: { ok: true, value: { name: 'sample.hallwright', handle: '/s/sample.hallwright' } } as unknown,
  text: '',
}));

vi.mock('../platform/host', () => ({
  host: {
    openProject: async () => {
      host.calls.push('open');
      return { ok: true, value: { name: 'other.hallwright', handle: null, text: host.text } };
    },
    openDroppedFile: async (file: { name: string }) => {
      host.calls.push(`drop ${file.name}`);
      return { ok: true, value: { name: file.name, handle: `/d/${file.name}`, text: host.text } };
    },
    saveProject: async () => {
      host.calls.push('save');
      return host.saveResult;
    },
  },
}));

vi.mock('../store/editor', () => ({
  useEditor: createEditorStore(buildSampleFacility(), { name: 'sample.hallwright', handle: null }),
}));

const { newDocument, openDocument, openDropped, openRequested } = await import('./fileActions');
const { currentUnsavedQuestion, registerUnsavedPrompt } = await import('./unsavedGuard');
const { useEditor } = await import('../store/editor');

registerUnsavedPrompt();
const tick = () => new Promise((r) => setTimeout(r, 0));
const file = (name: string) => ({ name, size: 10, text: async () => '' });

afterEach(() => currentUnsavedQuestion()?.answer('cancel'));

beforeEach(() => {
  host.calls = [];
  host.text = serializeProject(buildSampleFacility());
  host.saveResult = { ok: true, value: { name: 'sample.hallwright', handle: '/s/sample.hallwright' } };
  useEditor.getState().load(buildSampleFacility(), { name: 'sample.hallwright', handle: null });
  useEditor.getState().notify(null);
  // One unsaved edit.
  useEditor.getState().run(deleteRacks(['rack-A-02-01']));
});

/** Starts an action, answers the question it asks, and waits for the action to finish. */
async function answering(
  answer: 'save' | 'discard' | 'cancel',
  action: () => Promise<void> | void,
  fileName = 'sample.hallwright',
) {
  const done = action();
  await tick();
  const question = currentUnsavedQuestion();
  expect(question?.fileName).toBe(fileName);
  question!.answer(answer);
  await done;
  await tick();
  return question!;
}

describe('replacing a document with unsaved changes', () => {
  it('Cancel keeps it and opens nothing', async () => {
    const before = useEditor.getState().doc;
    const question = await answering('cancel', openDocument);
    expect(question.action).toBe('opening another project');
    expect(host.calls).toEqual([]);
    expect(useEditor.getState().doc).toBe(before);
  });

  it("Don't Save opens the other document without saving", async () => {
    await answering('discard', openDocument);
    expect(host.calls).toEqual(['open']);
    expect(useEditor.getState().file.name).toBe('other.hallwright');
  });

  it('Save saves first, then opens; a failed or cancelled save opens nothing', async () => {
    await answering('save', openDocument);
    expect(host.calls).toEqual(['save', 'open']);

    useEditor.getState().run(deleteRacks(['rack-A-02-02']));
    host.calls = [];
    host.saveResult = { ok: true, value: null };
    const before = useEditor.getState().doc;
    await answering('save', openDocument, 'other.hallwright');
    expect(host.calls).toEqual(['save']);
    expect(useEditor.getState().doc).toBe(before);
  });

  it('asks before New too, and a clean document is replaced without a question', async () => {
    await answering('discard', newDocument);
    expect(useEditor.getState().file.name).toBe('untitled.hallwright');
    await openDocument();
    expect(currentUnsavedQuestion()).toBeNull();
    expect(host.calls).toEqual(['open']);
  });

  it('asks before a file the host opened replaces it, naming that file', async () => {
    const question = await answering('discard', () =>
      openRequested({
        ok: true,
        value: { name: 'recent.hallwright', handle: '/r/recent.hallwright', text: host.text },
      }),
    );
    expect(question.action).toBe('opening recent.hallwright');
    expect(useEditor.getState().file).toEqual({ name: 'recent.hallwright', handle: '/r/recent.hallwright' });
  });

  it('shows why the host could not open a file, without asking', async () => {
    await openRequested({ ok: false, error: 'gone.hallwright could not be read: ENOENT' });
    expect(currentUnsavedQuestion()).toBeNull();
    expect(useEditor.getState().notice).toMatchObject({ kind: 'error', text: expect.stringContaining('ENOENT') });
  });
});

describe('dropping files on the window', () => {
  it('opens a dropped project after asking, through the host', async () => {
    const question = await answering('discard', () => openDropped([file('Plant B.hallwright')]));
    expect(question.action).toBe('opening Plant B.hallwright');
    expect(host.calls).toEqual(['drop Plant B.hallwright']);
    expect(useEditor.getState().file).toEqual({ name: 'Plant B.hallwright', handle: '/d/Plant B.hallwright' });
  });

  it('refuses any other file, or several at once, with a notice and nothing asked or read', async () => {
    const before = useEditor.getState().doc;
    await openDropped([file('notes.txt')]);
    expect(useEditor.getState().notice).toMatchObject({
      kind: 'error',
      text: 'notes.txt is not a Hallwright project: only .hallwright files open by dropping them on the window.',
    });
    await openDropped([file('a.hallwright'), file('b.hallwright')]);
    expect(useEditor.getState().notice?.text).toContain('Drop one project at a time');
    expect(currentUnsavedQuestion()).toBeNull();
    expect(host.calls).toEqual([]);
    expect(useEditor.getState().doc).toBe(before);
  });

  it('keeps the open document when the dropped project is not valid', async () => {
    host.text = '{"formatVersion": 1, "racks": [';
    const before = useEditor.getState().doc;
    await answering('discard', () => openDropped([file('broken.hallwright')]));
    expect(useEditor.getState().doc).toBe(before);
    expect(useEditor.getState().notice?.text).toMatch(/^Could not open broken\.hallwright: /);
  });
});
