import { describe, expect, it } from 'vitest';
import { CloseGuard, closeChoice, closePrompt, Outbox, PendingReplies } from './closeGuard';

describe('closing a window', () => {
  it('closes a clean document without asking', () => {
    const guard = new CloseGuard();
    expect(guard.onClose()).toBe('close');
    guard.setState({ dirty: false, fileName: 'site.hallwright' });
    expect(guard.onClose()).toBe('close');
  });

  it('asks once for a dirty document, holding further closes until answered', async () => {
    const guard = new CloseGuard();
    guard.setState({ dirty: true, fileName: 'site.hallwright' });
    expect(guard.onClose()).toBe('ask');
    expect(guard.onClose()).toBe('hold');
    expect(await guard.answer('cancel', async () => true)).toBe(false);
    // Cancelled: the next close asks again.
    expect(guard.onClose()).toBe('ask');
    expect(await guard.answer('discard', async () => false)).toBe(true);
    expect(guard.onClose()).toBe('close');
  });

  it('closes after Save only when the save succeeded', async () => {
    const guard = new CloseGuard();
    guard.setState({ dirty: true, fileName: 'untitled.hallwright' });
    let saves = 0;
    expect(guard.onClose()).toBe('ask');
    // Save As cancelled, or the write failed: the window stays, and asks again next time.
    expect(await guard.answer('save', async () => (saves++, false))).toBe(false);
    expect(guard.onClose()).toBe('ask');
    expect(await guard.answer('save', () => Promise.reject(new Error('renderer gone')))).toBe(false);
    expect(guard.onClose()).toBe('ask');
    expect(await guard.answer('save', async () => (saves++, true))).toBe(true);
    expect(guard.onClose()).toBe('close');
    expect(saves).toBe(2);
  });

  it('words the native prompt with the file name; Enter saves, Esc cancels', () => {
    const prompt = closePrompt('site.hallwright');
    expect(prompt.message).toBe('Do you want to save the changes you made to site.hallwright?');
    expect(prompt.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(prompt.buttons[prompt.defaultId]).toBe('Save');
    expect(prompt.buttons[prompt.cancelId]).toBe('Cancel');
    expect([0, 1, 2, 3, -1].map(closeChoice)).toEqual(['save', 'discard', 'cancel', 'cancel', 'cancel']);
  });
});

describe('requests answered later', () => {
  it('resolves each by its id, refuses unknown or repeated answers, and can end them all', async () => {
    const pending = new PendingReplies<boolean>();
    const a = pending.open();
    const b = pending.open();
    expect(a.id).not.toBe(b.id);
    expect(pending.settle(b.id, true)).toBe(true);
    expect(pending.settle(b.id, false)).toBe(false);
    expect(pending.settle(999, true)).toBe(false);
    expect(await b.reply).toBe(true);
    pending.settleAll(false);
    expect(await a.reply).toBe(false);
  });

  it('holds messages until the page listens, and again after it reloads', () => {
    const delivered: string[] = [];
    const outbox = new Outbox<string>((m) => delivered.push(m));
    outbox.send('from the command line');
    outbox.send('from open-file');
    expect(delivered).toEqual([]);
    outbox.markReady();
    expect(delivered).toEqual(['from the command line', 'from open-file']);
    outbox.send('recent');
    expect(delivered).toHaveLength(3);
    outbox.markNotReady();
    outbox.send('during reload');
    expect(delivered).toHaveLength(3);
    outbox.markReady();
    expect(delivered.at(-1)).toBe('during reload');
  });
});
