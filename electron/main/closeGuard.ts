/**
 * Closing a window with unsaved changes, as plain code the tests drive: the renderer reports its
 * document's state; a close of a dirty window is held and the user asked Save / Don't Save /
 * Cancel; Save closes only once the renderer says the save succeeded.
 */
import type { DocumentState } from '../../shared/index';

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** The prompt's buttons, in the order the dialog shows them; Enter picks Save, Esc Cancel. */
export const CLOSE_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;

export function closePrompt(fileName: string) {
  return {
    type: 'warning' as const,
    buttons: [...CLOSE_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    title: 'Unsaved changes',
    message: `Do you want to save the changes you made to ${fileName}?`,
    detail: "Your changes will be lost if you don't save them.",
  };
}

/** The dialog's answer (the index of the button) as a choice; anything unexpected cancels. */
export function closeChoice(response: number): CloseChoice {
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}

/** What to do with a window's `close` event. */
export type CloseStep = 'close' | 'ask' | 'hold';

export class CloseGuard {
  private state: DocumentState = { dirty: false, fileName: 'untitled.hallwright' };
  private allowed = false;
  private asking = false;

  get fileName(): string {
    return this.state.fileName;
  }

  setState(state: DocumentState): void {
    this.state = state;
  }

  /**
   * `close`: let it happen (clean document, or already answered); `ask`: hold it and show the
   * prompt; `hold`: hold it, a prompt or a save is already under way.
   */
  onClose(): CloseStep {
    if (this.allowed || !this.state.dirty) return 'close';
    if (this.asking) return 'hold';
    this.asking = true;
    return 'ask';
  }

  /** Acts on the answer; resolves true when the window should now close. */
  async answer(choice: CloseChoice, save: () => Promise<boolean>): Promise<boolean> {
    try {
      if (choice === 'discard') this.allowed = true;
      else if (choice === 'save') this.allowed = await save().catch(() => false);
      return this.allowed;
    } finally {
      this.asking = false;
    }
  }
}

/** Requests to a renderer that it answers later by id (Save before closing). */
export class PendingReplies<T> {
  private next = 1;
  private readonly waiting = new Map<number, (value: T) => void>();

  /** A new request: its id for the message, and the promise its answer resolves. */
  open(): { id: number; reply: Promise<T> } {
    const id = this.next++;
    return { id, reply: new Promise<T>((resolve) => this.waiting.set(id, resolve)) };
  }

  /** Resolves the request `id`; false when there is no such request open (a stale or forged reply). */
  settle(id: number, value: T): boolean {
    const resolve = this.waiting.get(id);
    if (!resolve) return false;
    this.waiting.delete(id);
    resolve(value);
    return true;
  }

  /** Resolves every open request with `value` (the renderer is gone and cannot answer). */
  settleAll(value: T): void {
    for (const id of [...this.waiting.keys()]) this.settle(id, value);
  }
}

/**
 * Messages for a renderer that may not be listening yet: held until it says it is ready, then
 * delivered in order; a reload makes it not ready again.
 */
export class Outbox<T> {
  private ready = false;
  private held: T[] = [];

  constructor(private readonly deliver: (message: T) => void) {}

  send(message: T): void {
    if (this.ready) this.deliver(message);
    else this.held.push(message);
  }

  markReady(): void {
    this.ready = true;
    const held = this.held;
    this.held = [];
    for (const m of held) this.deliver(m);
  }

  markNotReady(): void {
    this.ready = false;
  }
}
