/**
 * Work gathered during one turn of Node's event loop and done together once the turn's poll for I/O is over
 * (setImmediate), in the order it came. Work added while a batch is done waits for the next turn.
 *
 * Why the SOAP path batches: under load, one poll finds many connections with a request. Handled and answered one
 * at a time, each request's handling ran between two socket writes, and each write's kernel work (the loopback
 * send, waking the client) between two handlings. Gathered, the requests of a turn are handled back to back, then
 * their answers are written back to back. Measured with 50 connections, CPU per AddChatMessage (medians of 6 and 7
 * alternating runs): 96 µs answering at once, 69 µs with the answers written together, 61 µs with the requests
 * handled together too. Both halves went down, kernel time per request from about 17 to 7 µs and user time from
 * 89 to 52, which points at caches and wake-ups shared rather than at any work saved. The price is latency of at
 * most one turn of the loop each: a request waits for the end of the turn that read it, its answer at most for
 * the end of the next.
 */
export class TurnBatch<T> {
  private pending: T[] = [];

  /** `handle` must not throw: it would take the rest of the batch with it. */
  constructor(private readonly handle: (item: T) => void) {}

  add(item: T): void {
    if (this.pending.length === 0) setImmediate(this.handlePending);
    this.pending.push(item);
  }

  private readonly handlePending = (): void => {
    const items = this.pending;
    this.pending = [];
    for (const item of items) this.handle(item);
  };
}
