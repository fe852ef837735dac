import { connect } from 'node:net';

/** What came back on a raw connection: the bytes, and whether (and when) the server closed it. */
export interface WireResult {
  readonly text: string;
  readonly closed: boolean;
}

/**
 * Sends raw bytes on a fresh connection, in parts (each after the given pause), and collects what comes back until
 * the server closes the connection or `waitMs` have passed since the last part.
 */
export function exchange(url: string, parts: readonly { data: string | Buffer; pauseMs?: number }[], waitMs: number): Promise<WireResult> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let closed = false;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('utf8'), closed });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    void (async () => {
      for (const { data, pauseMs } of parts) {
        if (pauseMs !== undefined) await new Promise((r) => setTimeout(r, pauseMs));
        if (closed) return;
        socket.write(data);
      }
      setTimeout(finish, waitMs);
    })();
  });
}

/** The status code of each HTTP response in a raw exchange, in order (informational ones included). */
export function statuses(text: string): number[] {
  return [...text.matchAll(/HTTP\/1\.[01] (\d{3}) /g)].map((m) => Number(m[1]));
}
