/**
 * Messages between the page and the loads worker (loads.worker.ts). Both sides keep mirrors —
 * the page of the worker's last result, the worker of the last document it was sent — so each
 * message carries only a patch (patch.ts) against them.
 */
import type { Patch } from './patch';

/** `reset`: the worker drops its mirrors first (the page lost track: an error, a fresh start, another project). */
export type LoadsRequest = { id: number; doc: Patch; reset: boolean };

/** `loads`: the new result as a patch against the worker's previous one. */
export type LoadsReply = { id: number; ok: true; loads: Patch } | { id: number; ok: false; error: string };
