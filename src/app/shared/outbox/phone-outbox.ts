import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../api/api-client';

/**
 * An outbox on the phone: an entry is saved here before anything is sent, and stays until the server has
 * it. Its body carries a clientId made on the phone, and the server answers a repeated clientId with the
 * first record, so sending again after a lost answer never makes a second one.
 */
export interface OutboxEntry<B extends { clientId: string }> {
  body: B;
  savedAt: string;
  attempts: number;
  nextAttemptAt: number | null;
  /** What went wrong last time (network, server busy), shown beside 待发送. */
  lastProblem: string | null;
  /** Why it was refused (a 4xx other than 429): it waits, unsent, for the person to change or delete it. */
  refusal: string | null;
}

export type SendOutcome<R> =
  | { kind: 'sent'; result: R }
  /** Kept on the phone, to be sent again automatically. */
  | { kind: 'kept'; message: string }
  /** Kept on the phone until the person changes or deletes it. */
  | { kind: 'refused'; message: string }
  /** Nothing by that id is waiting (sent meanwhile, or given up). */
  | { kind: 'gone' };

export type OutboxView<E> = E & { sending: boolean };

/** Thrown by a send call for a reason found on the phone (a photo no longer readable): kept as refused. */
export class RefusedOnPhone extends Error {}

/** Waits before each automatic retry: soon at first, then no more often than every quarter hour. */
const RETRY_DELAYS_MS = [5_000, 15_000, 60_000, 5 * 60_000, 15 * 60_000];

/** Network failures, a busy server (429) and server faults (5xx) pass; anything else the person must change. */
function worthRetrying(error: ApiRequestError): boolean {
  return error.kind !== 'server' || error.status === null || error.status === 429 || error.status >= 500;
}

export interface PhoneOutbox<B extends { clientId: string }, E extends OutboxEntry<B>, R> {
  entries(): E[];
  find(clientId: string): E | undefined;
  /** Saves an entry, replacing one with the same clientId; throws when the phone's storage is full. */
  put(entry: E): void;
  /** Sends one saved entry now; while it is under way, asking again joins the same attempt. */
  send(clientId: string): Promise<SendOutcome<R>>;
  /**
   * Sends every entry waiting to go whose time has come (all of them when `now` is omitted, as when the
   * app or the page is opened again: the network may well be back), and says so when one has gone.
   */
  sendWaiting(now?: number): Promise<void>;
  /** Gives up a saved entry, at the person's request (never one being sent). */
  discard(clientId: string): void;
  /** The entries waiting on this phone, kept current as they are sent. */
  usePending(): OutboxView<E>[];
}

interface OutboxOptions<B extends { clientId: string }, E extends OutboxEntry<B>, R> {
  storageKey: string;
  /** Whether a stored value is one of this outbox's entries: storage may hold an older app's. */
  isEntry: (value: unknown) => value is E;
  /** Sends one entry; `update` keeps what got through (an uploaded photo) so that a retry does not repeat it. */
  send: (entry: E, update: (change: (entry: E) => E) => void) => Promise<R>;
  /** Tidies away what an entry leaving the outbox kept on the phone (its photos). */
  forget?: (entry: E) => void;
  /** The toast when an entry from before goes by itself. */
  sentLater: string;
}

export function phoneOutbox<B extends { clientId: string }, E extends OutboxEntry<B>, R>(
  options: OutboxOptions<B, E, R>,
): PhoneOutbox<B, E, R> {
  const listeners = new Set<() => void>();
  const sending = new Map<string, Promise<SendOutcome<R>>>();
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const notify = () => listeners.forEach((listener) => listener());

  function entries(): E[] {
    let stored: unknown;
    try {
      stored = Taro.getStorageSync(options.storageKey);
    } catch {
      return [];
    }
    return Array.isArray(stored) ? stored.filter(options.isEntry) : [];
  }

  function writeAll(all: E[]): void {
    Taro.setStorageSync(options.storageKey, all);
    notify();
  }

  const find = (clientId: string) => entries().find((entry) => entry.body.clientId === clientId);
  const others = (clientId: string) => entries().filter((entry) => entry.body.clientId !== clientId);

  function update(clientId: string, change: (entry: E) => E): void {
    writeAll(entries().map((entry) => (entry.body.clientId === clientId ? change(entry) : entry)));
  }

  function remove(clientId: string): void {
    const entry = find(clientId);
    writeAll(others(clientId));
    if (entry) options.forget?.(entry);
  }

  function scheduleRetry(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const due = entries()
      .filter((entry) => !entry.refusal && entry.nextAttemptAt !== null && !sending.has(entry.body.clientId))
      .map((entry) => entry.nextAttemptAt as number);
    if (due.length === 0) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void sendWaiting(Date.now());
    }, Math.max(0, Math.min(...due) - Date.now()));
  }

  async function attemptSend(clientId: string): Promise<SendOutcome<R>> {
    const entry = find(clientId);
    if (!entry) return { kind: 'gone' };
    try {
      const result = await options.send(entry, (change) => update(clientId, change));
      remove(clientId);
      return { kind: 'sent', result };
    } catch (error) {
      if (error instanceof RefusedOnPhone) {
        update(clientId, (e) => ({ ...e, refusal: error.message }));
        return { kind: 'refused', message: error.message };
      }
      const failure = error instanceof ApiRequestError ? error : new ApiRequestError('network', null, '发送没有成功');
      if (!worthRetrying(failure)) {
        update(clientId, (e) => ({ ...e, refusal: failure.message }));
        return { kind: 'refused', message: failure.message };
      }
      update(clientId, (e) => ({
        ...e,
        attempts: e.attempts + 1,
        nextAttemptAt: Date.now() + RETRY_DELAYS_MS[Math.min(e.attempts, RETRY_DELAYS_MS.length - 1)],
        lastProblem: failure.message,
      }));
      return { kind: 'kept', message: failure.message };
    }
  }

  function send(clientId: string): Promise<SendOutcome<R>> {
    const underWay = sending.get(clientId);
    if (underWay) return underWay;
    const attempt = attemptSend(clientId).finally(() => {
      sending.delete(clientId);
      notify();
      scheduleRetry();
    });
    sending.set(clientId, attempt);
    notify();
    return attempt;
  }

  async function sendWaiting(now?: number): Promise<void> {
    const due = entries().filter((entry) => !entry.refusal && (now === undefined || (entry.nextAttemptAt ?? 0) <= now));
    await Promise.all(
      due.map(async (entry) => {
        if ((await send(entry.body.clientId)).kind === 'sent') Taro.showToast({ title: options.sentLater, icon: 'none' });
      }),
    );
  }

  function discard(clientId: string): void {
    if (!sending.has(clientId)) remove(clientId);
  }

  const snapshot = (): OutboxView<E>[] => entries().map((entry) => ({ ...entry, sending: sending.has(entry.body.clientId) }));

  function usePending(): OutboxView<E>[] {
    const [pending, setPending] = useState(snapshot);
    useEffect(() => {
      const listener = () => setPending(snapshot());
      listeners.add(listener);
      listener();
      return () => {
        listeners.delete(listener);
      };
    }, []);
    return pending;
  }

  return {
    entries,
    find,
    put: (entry) => writeAll([...others(entry.body.clientId), entry]),
    send,
    sendWaiting,
    discard,
    usePending,
  };
}
