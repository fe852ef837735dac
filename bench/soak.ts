// npm run soak [-- --minutes N --writers N --data-dir DIR]: the emulator (the command line, as a process) under load
// plus the hostile mix for N minutes; prints requests served, errors by kind, memory at start and end, and lost
// messages (which must be 0). Not part of npm test.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { SERVICES88_NS } from '../src/contract/namespaces.js';
import { SERVICES } from '../src/contract/operations.js';
import { postOnAgent } from '../test/support/agent-post.js';
import { mutatedEnvelope, namedAttacks, validEnvelope } from '../test/support/hostile.js';
import { envelope, getChatMessagesBody } from '../test/support/soap.js';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, writers: { type: 'string', default: '20' }, 'data-dir': { type: 'string' } },
});
const MINUTES = Number(values.minutes);
const WRITERS = Number(values.writers);
const TENANTS = ['default', 'Cust1', 'Cust2'];
const SESSIONS = [1, 2, 3, 4];
const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const ACTION = `${SERVICES88_NS}/${SERVICES.Chat.wsdl.portType}/`;

interface Answer {
  status: number;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: WRITERS + 8 });

function send(url: string, operation: string, body: string | Buffer): Promise<Answer> {
  return postOnAgent(agent, url, `"${ACTION}${operation}"`, body);
}

const readBody = (session: number, after = 0) => envelope('1.1', getChatMessagesBody(String(session), String(after)));

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(match?.[1] ?? 0) / 1024);
}

async function main(): Promise<void> {
  const args = ['--port', '0', '--journal-size', '1000', ...(values['data-dir'] === undefined ? [] : ['--data-dir', values['data-dir']])];
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  while (!/app token:/.test(stdout)) {
    if (child.exitCode !== null) throw new Error(`the emulator exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const base = /endpoint: {2}(http:\/\/[^/]+)/.exec(stdout)?.[1] as string;
  const url = (tenant: string) => `${base}${tenant === 'default' ? '' : `/${tenant}`}/Remote/Services88/${SERVICES.Chat.file}`;
  const pid = child.pid as number;

  const counts = new Map<string, number>();
  const count = (kind: string) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const acknowledged = new Map<string, Map<string, number>>(); // tenant/session → text → id
  const slowest = { ms: 0, what: '' };
  const deadline = Date.now() + MINUTES * 60_000;
  const memory: { at: string; rss: number }[] = [{ at: 'start', rss: rssMiB(pid) }];
  const timed = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await call();
    const ms = performance.now() - started;
    if (ms > slowest.ms) Object.assign(slowest, { ms, what });
    return result;
  };

  const writer = async (w: number) => {
    for (let i = 0; Date.now() < deadline; i += 1) {
      const tenant = TENANTS[i % TENANTS.length] as string;
      const session = SESSIONS[(i + w) % SESSIONS.length] as number;
      const text = `w${w}-${i}`;
      try {
        const answer = await timed('AddChatMessage', () => send(url(tenant), 'AddChatMessage', validEnvelope(session, text)));
        const id = /<ChatMessageId>(\d+)<\/ChatMessageId>/.exec(answer.text)?.[1];
        if (answer.status === 200 && id !== undefined) {
          count('ok: AddChatMessage');
          const key = `${tenant}/${session}`;
          if (!acknowledged.has(key)) acknowledged.set(key, new Map());
          acknowledged.get(key)?.set(text, Number(id));
        } else count(`unexpected: AddChatMessage answered ${answer.status}`);
      } catch (error) {
        count(`connection error: ${(error as Error).message}`);
      }
    }
  };
  const reader = async () => {
    while (Date.now() < deadline) {
      const tenant = TENANTS[Math.floor(Math.random() * TENANTS.length)] as string;
      const session = SESSIONS[Math.floor(Math.random() * SESSIONS.length)] as number;
      // The newest messages of the session: a read of every message would grow with the soak and dominate it.
      const ids = [...(acknowledged.get(`${tenant}/${session}`)?.values() ?? [])];
      const after = Math.max(0, (ids[ids.length - 1] ?? 0) - 100);
      const answer = await timed('GetChatMessages', () => send(url(tenant), 'GetChatMessages', readBody(session, after))).catch(() => undefined);
      count(answer?.status === 200 ? 'ok: GetChatMessages' : 'unexpected: GetChatMessages');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const attacks = namedAttacks('http://127.0.0.1:9/xxe');
  const hostile = async () => {
    for (let i = 0; Date.now() < deadline; i += 1) {
      const named = i % 4 === 0 ? attacks[(i / 4) % attacks.length] : undefined;
      const body = named?.body ?? (fc.sample(mutatedEnvelope(), 1)[0] as Buffer);
      try {
        const answer = await timed(named?.name ?? 'a random mutation', () => send(url('Hostile'), 'AddChatMessage', body));
        const wellFormed = XMLValidator.validate(answer.text) === true && answer.text.startsWith('<s:Envelope');
        const expected = named === undefined ? [200, 400, 500].includes(answer.status) : answer.status === named.status;
        count(!wellFormed || !expected ? `unexpected: hostile answered ${answer.status}` : `hostile answered ${answer.status}`);
      } catch (error) {
        count(`connection error (hostile): ${(error as Error).message}`);
      }
    }
  };
  const sampler = setInterval(() => memory.push({ at: `${Math.round((Date.now() - (deadline - MINUTES * 60_000)) / 1000)} s`, rss: rssMiB(pid) }), 30_000);

  process.stderr.write(`soak: ${MINUTES} min against ${base} (pid ${pid}), ${WRITERS} writers, 2 readers, 2 hostile clients\n`);
  const started = Date.now();
  await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), reader(), reader(), hostile(), hostile()]);
  clearInterval(sampler);
  const seconds = (Date.now() - started) / 1000;
  memory.push({ at: 'end', rss: rssMiB(pid) });

  // Every acknowledged message must be stored, with the id it was acknowledged with.
  let lost = 0;
  let checked = 0;
  for (const [key, messages] of acknowledged) {
    const [tenant, session] = key.split('/') as [string, string];
    const answer = await send(url(tenant), 'GetChatMessages', readBody(Number(session)));
    const stored = new Map([...answer.text.matchAll(/<ChatMessageId>(\d+)<\/ChatMessageId><ChatSessionId>\d+<\/ChatSessionId><Type>\w+<\/Type><Message>([^<]*)<\/Message>/g)].map((m) => [m[2] as string, Number(m[1])]));
    for (const [text, id] of messages) {
      checked += 1;
      if (stored.get(text) !== id) lost += 1;
    }
  }
  child.kill('SIGTERM');
  const exit = await new Promise<number | null>((resolve) => child.once('close', resolve));
  agent.destroy();

  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const lines = [
    `## Soak: ${MINUTES} min, ${new Date().toISOString()}`,
    '',
    `Node ${process.version}; ${WRITERS} writers, 2 readers and 2 hostile clients on keep-alive connections to one emulator process${values['data-dir'] === undefined ? '' : `, --data-dir ${values['data-dir']}`}.`,
    '',
    `- requests served: ${total.toLocaleString('en')} in ${seconds.toFixed(0)} s (${Math.round(total / seconds).toLocaleString('en')}/s)`,
    ...[...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `  - ${kind}: ${n.toLocaleString('en')}`),
    `- slowest answer: ${slowest.ms.toFixed(0)} ms (${slowest.what})`,
    `- memory (RSS of the emulator process): ${memory.map((m) => `${m.at} ${m.rss} MiB`).join(', ')}`,
    `- acknowledged messages checked: ${checked.toLocaleString('en')}; lost: ${lost}`,
    `- emulator exit after SIGTERM: ${exit}; its standard error: ${stderr.trim() === '' ? '(empty)' : stderr.trim()}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const unexpected = [...counts.keys()].filter((k) => k.startsWith('unexpected') || k.startsWith('connection error'));
  process.exitCode = lost === 0 && unexpected.length === 0 && exit === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
