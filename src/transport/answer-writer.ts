import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { answerError, type HttpAnswer } from '../envelope/response.js';
import { asEmulatorError } from '../errors.js';

/** An answer to write, and any headers of the emulator's own (X-Emulator-Warning). */
export interface QueuedAnswer {
  readonly response: ServerResponse;
  readonly answer: HttpAnswer;
  readonly extra: OutgoingHttpHeaders;
}

/** Writes an answer, at once or later. */
export type AnswerWriter = (response: ServerResponse, answer: HttpAnswer, extra: OutgoingHttpHeaders) => void;

/** Writes an answer with Node's own response API: the SOAP path does not go through express (see transport/http.ts). */
export function writeAnswer(response: ServerResponse, answer: HttpAnswer, extra: OutgoingHttpHeaders = {}): void {
  response.writeHead(answer.status, { ...extra, 'Content-Type': answer.contentType, 'Content-Length': String(answer.byteLength) });
  // A string where it can be: Node joins the head and a string body into one chunk; a Buffer goes out as a chunk of
  // its own. A large answer put together from cached bytes is a Buffer, which costs less than encoding it again.
  if (typeof answer.body === 'string') response.end(answer.body, 'utf8');
  else response.end(answer.body);
}

/**
 * Writes an answer that waited for the end of its turn (see TurnBatch). Answers are written in batches, and one
 * that fails must not stop the others: it is replaced by an InternalServiceFault, as a failure anywhere else in a
 * request is.
 */
export function writeQueuedAnswer({ response, answer, extra }: QueuedAnswer, log: (line: string) => void): void {
  // An answer written in the meantime (a failure after this one was queued) stands.
  if (response.headersSent) return;
  try {
    writeAnswer(response, answer, extra);
  } catch (error) {
    if (response.headersSent) response.destroy();
    else writeAnswer(response, answerError(asEmulatorError(error, log), '1.1', 'fault'));
  }
}
