import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonValue } from '../contract/schema.js';

/**
 * The optional durable journal of a data directory: every acknowledged change, appended and fsync'd before the
 * change is acknowledged, and replayed on start. A line is `{"changes": [...]}`: the changes made together (a
 * message added, a fixtures load, a reset: see changes.ts), so that a load is replayed whole or, torn, not at all.
 */
export type ChangeBatch = readonly JsonValue[];

/** A line of the log, parsed as JSON; what it holds is read by the replay. */
export interface LoggedLine {
  readonly json: unknown;
  /** The file and line, for an error about it. */
  readonly where: string;
}

export const CHANGE_LOG_FILE = 'changes.jsonl';

/** The data directory cannot be used: the message says which file, which line and why. */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

/** Where the emulator waits for its changes to be durable; without a data directory, never. */
export interface Durability {
  /** Resolves once every change appended so far is on disk. */
  flushed(): Promise<void>;
  /**
   * Where the state is shared with other instances: runs `fn` (which reads and changes the state) once this
   * instance is the only one changing it and has every change the others made before; resolves with its result
   * once its changes are durable. Absent where the state is this instance's alone: then `fn` is simply run.
   */
  serialized?<T>(fn: () => T): Promise<T>;
}

/** Runs `fn` as the durability says: at once where the state is this instance's alone, else serialized with the others. */
export function inTurn<T>(durability: Durability, fn: () => T): T | Promise<T> {
  return durability.serialized === undefined ? fn() : durability.serialized(fn);
}

export const IN_MEMORY_ONLY: Durability = { flushed: () => Promise.resolve() };

/** Where changes are kept: appended in order, durable once flushed() resolves, replayed at the next start. */
export interface ChangeLog extends Durability {
  append(batch: ChangeBatch): void;
  close(): Promise<void>;
}

export interface OpenedLog {
  readonly log: ChangeLog;
  /** The lines already kept, oldest first. */
  readonly lines: readonly LoggedLine[];
  /** Said when the file ended in a torn record (a crash in the middle of a write), which was cut off. */
  readonly repaired: string | undefined;
}

/**
 * Appends are written in groups: while one group is being written and made durable, the next collects, so that
 * many requests in flight share one write and a single request pays one. A subclass says how a group is written.
 */
export abstract class GroupCommitLog implements ChangeLog {
  private pending: string[] = [];
  private appended = 0;
  private durable = 0;
  private writing: Promise<void> | undefined;
  private readonly waiters: { target: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  private failure: Error | undefined;

  /** Writes the lines (each a JSON text) durably, in order, or throws. */
  protected abstract writeGroup(lines: readonly string[]): Promise<void>;

  /** The error that every later write is refused with, once a group could not be written. */
  protected abstract failed(error: unknown): Error;

  append(batch: ChangeBatch): void {
    this.pending.push(JSON.stringify({ changes: batch }));
    this.appended += 1;
    this.writing ??= this.writeGroups();
  }

  flushed(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.durable >= this.appended) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ target: this.appended, resolve, reject }));
  }

  async close(): Promise<void> {
    await this.writing;
  }

  private async writeGroups(): Promise<void> {
    // Let the requests of this turn of the event loop join the group.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.pending.length > 0) {
        const group = this.pending;
        this.pending = [];
        await this.writeGroup(group);
        this.durable += group.length;
        this.release();
      }
    } catch (error) {
      this.failure = this.failed(error);
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
    } finally {
      this.writing = undefined;
    }
  }

  private release(): void {
    for (let i = this.waiters.length - 1; i >= 0; i -= 1) {
      const waiter = this.waiters[i] as (typeof this.waiters)[number];
      if (waiter.target <= this.durable) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }
}

/** The log of a data directory: a JSON line per group of changes, appended and fsync'd. */
export class FileChangeLog extends GroupCommitLog {
  private constructor(
    private readonly file: FileHandle,
    private readonly path: string,
  ) {
    super();
  }

  /** Opens (creating it if needed) the data directory's log, reads what it holds, and cuts off a torn last record. */
  static async open(dir: string): Promise<OpenedLog> {
    await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new DataDirError(`Cannot create the data directory ${dir}: ${error.code ?? error.message}.`);
    });
    const path = join(dir, CHANGE_LOG_FILE);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw new DataDirError(`Cannot read ${path}: ${error.code ?? error.message}.`);
    });
    const end = text.lastIndexOf('\n') + 1;
    const lines = text
      .slice(0, end)
      .split('\n')
      .slice(0, -1)
      .map((line, i) => parseLine(line, `${path}, line ${i + 1}`));
    let repaired: string | undefined;
    if (end < text.length) {
      await truncate(path, Buffer.byteLength(text.slice(0, end)));
      repaired = `${path} ended in a torn record of ${Buffer.byteLength(text.slice(end))} bytes (a write cut off by a crash): it was never acknowledged, and is removed.`;
    }
    const file = await open(path, 'a').catch((error: NodeJS.ErrnoException) => {
      throw new DataDirError(`Cannot write ${path}: ${error.code ?? error.message}.`);
    });
    return { log: new FileChangeLog(file, path), lines, repaired };
  }

  protected async writeGroup(lines: readonly string[]): Promise<void> {
    await this.file.write(`${lines.join('\n')}\n`);
    await this.file.datasync();
  }

  protected failed(error: unknown): Error {
    return new DataDirError(`Cannot write ${this.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }

  override async close(): Promise<void> {
    await super.close();
    await this.file.close();
  }
}

function parseLine(line: string, where: string): LoggedLine {
  try {
    return { json: JSON.parse(line), where };
  } catch (error) {
    throw new DataDirError(`${where} is not a JSON record (${(error as Error).message}): the file is damaged; move it away to start afresh.`);
  }
}
