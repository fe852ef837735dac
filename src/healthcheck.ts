#!/usr/bin/env node
import { readFileSync } from 'node:fs';

/**
 * The container image's health check: exit 0 when the emulator in this container answers GET /__admin/health
 * with {"status":"ok"}, 1 otherwise, with the reason on standard error. Written in Node because a slim image
 * has no curl. It reads the same variables as the emulator: the port, and the admin token from the file
 * CHAT_EMULATOR_WRITE_ADMIN_TOKEN names (the token in force, even one the emulator made) or else from
 * CHAT_EMULATOR_ADMIN_TOKEN.
 */

const TIMEOUT_MS = 3_000;

function adminToken(env: NodeJS.ProcessEnv): string | undefined {
  const file = env['CHAT_EMULATOR_WRITE_ADMIN_TOKEN'];
  if (file !== undefined && file.trim() !== '') {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      // Not written yet (the emulator is starting) or not at all: the variable may still hold it.
    }
  }
  const token = env['CHAT_EMULATOR_ADMIN_TOKEN'];
  return token === undefined || token.trim() === '' ? undefined : token;
}

async function check(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const port = env['CHAT_EMULATOR_PORT']?.trim() || '8088';
  const url = `http://127.0.0.1:${port}/__admin/health`;
  const token = adminToken(env);
  let response: Response;
  try {
    response = await fetch(url, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return `${url}: no answer (${cause}); expected HTTP 200 with {"status":"ok"}.`;
  }
  const text = await response.text();
  if (response.status !== 200) return `${url}: HTTP ${response.status} ${text}; expected HTTP 200 with {"status":"ok"}.`;
  let status: unknown;
  try {
    status = (JSON.parse(text) as { status?: unknown }).status;
  } catch {
    status = undefined;
  }
  return status === 'ok' ? undefined : `${url}: ${text}; expected {"status":"ok"}.`;
}

check(process.env).then(
  (problem) => {
    if (problem === undefined) {
      process.stdout.write('healthy\n');
      process.exit(0);
    }
    process.stderr.write(`unhealthy: ${problem}\n`);
    process.exit(1);
  },
  (error: unknown) => {
    process.stderr.write(`unhealthy: ${String(error)}\n`);
    process.exit(1);
  },
);
