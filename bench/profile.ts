/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function, self time by file, time by area
 * (package or project directory), and inclusive time by function. Optionally only the samples of a time window
 * (the profile's clock is the monotonic one of process.hrtime, in microseconds).
 *
 *   node dist/bench/profile.js FILE.cpuprofile [--from US --to US] [--top N]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Row {
  readonly name: string;
  readonly us: number;
}

export interface ProfileSummary {
  readonly file: string;
  /** Sampled time in the window, idle included, in microseconds. */
  readonly totalUs: number;
  readonly idleUs: number;
  readonly samples: number;
  readonly selfByFunction: Row[];
  readonly selfByFile: Row[];
  readonly byArea: Row[];
  readonly inclusiveByFunction: Row[];
  readonly byStage: Row[];
}

/**
 * Stages of the emulator's request path, found by the innermost frame of the stack that names one (a sample in
 * none of them is charged to its area: node core, GC, ...). Function names of the emulator at the time of
 * writing; a renamed function makes its samples fall into the enclosing stage.
 */
const STAGES: readonly { readonly stage: string; readonly file: RegExp; readonly functions: readonly string[] }[] = [
  { stage: 'parse the request XML (src/xml.ts parseXml)', file: /dist\/src\/xml\.js$/, functions: ['parseXml'] },
  {
    stage: 'build the answer XML (src/contract/*, src/envelope/response.ts)',
    file: /dist\/src\/(contract|envelope)\//,
    functions: ['writeAddChatMessageResult', 'writeGetChatMessagesResult', 'answerSuccess', 'answerError'],
  },
  { stage: 'write the response (express res.send, node http)', file: /node_modules\/express\/lib\/response\.js$/, functions: ['send'] },
  { stage: 'read the arguments (src/contract codecs)', file: /dist\/src\/contract\//, functions: ['readAddChatMessage', 'readGetChatMessages'] },
  { stage: 'authorize (src/operations/authorize.ts, digests)', file: /dist\/src\/operations\//, functions: ['authorize'] },
  { stage: 'operation and store (src/operations/chat.ts, src/store/)', file: /dist\/src\/operations\//, functions: ['addChatMessage', 'getChatMessages'] },
  { stage: 'fidelity warnings (src/fidelity.ts)', file: /dist\/src\/fidelity\.js$/, functions: [] },
  { stage: 'request journal (src/journal/)', file: /dist\/src\/journal\//, functions: [] },
  {
    stage: 'rest of handleSoapRequest (content type, envelope walk, dispatch, journal entry)',
    file: /dist\/src\/transport\/soap-endpoint\.js$/,
    functions: ['handleSoapRequest', 'replyTo'],
  },
  {
    stage: 'express: routing, body reading (router, body-parser, raw-body)',
    file: /node_modules\/(express|router|body-parser|raw-body)\//,
    functions: [],
  },
];

const PSEUDO = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/** A URL made short: a path relative to the project, `node_modules/<pkg>/...`, or `node:...`. */
function shortFile(url: string): string {
  if (url === '') return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const modules = path.lastIndexOf('/node_modules/');
  if (modules !== -1) return path.slice(modules + 1);
  const dist = path.lastIndexOf('/dist/');
  if (dist !== -1) return path.slice(dist + 1);
  return path;
}

/** Where a file belongs: a package, the emulator's own module, the bench, or Node's core. */
function areaOf(file: string): string {
  if (file.startsWith('node_modules/')) {
    const parts = file.split('/');
    const name = parts[1]?.startsWith('@') ? `${parts[1]}/${parts[2] ?? ''}` : (parts[1] ?? '?');
    return `pkg ${name}`;
  }
  if (file.startsWith('dist/src/')) return `emulator ${file.slice('dist/'.length).replace(/\.js$/, '.ts')}`;
  if (file.startsWith('dist/bench/')) return 'bench wrapper';
  if (file.startsWith('node:')) return 'node core (http, net, streams, ...)';
  return file;
}

export function summarizeProfile(path: string, window?: { fromUs: number; toUs: number }): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const label = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    if (PSEUDO.has(functionName)) return functionName;
    const file = shortFile(url);
    return `${functionName === '' ? '(anonymous)' : functionName} ${file === '' ? '(native)' : `${file}:${lineNumber + 1}`}`;
  };
  /** The nearest frame with a script file, going up from `id`: builtins (RegExp, JSON, ...) are charged to their JS caller. */
  const fileOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node === undefined) break;
      if (PSEUDO.has(node.callFrame.functionName)) return node.callFrame.functionName;
      const file = shortFile(node.callFrame.url);
      if (file !== '') return file;
    }
    return '(native, no JS caller)';
  };

  const selfByFunction = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const byArea = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byStage = new Map<string, number>();
  const stageOf = (node: ProfileNode): string | undefined => {
    const file = shortFile(node.callFrame.url);
    return STAGES.find((s) => s.file.test(file) && (s.functions.length === 0 || s.functions.includes(node.callFrame.functionName)))?.stage;
  };
  const add = (map: Map<string, number>, key: string, us: number): void => {
    map.set(key, (map.get(key) ?? 0) + us);
  };

  let time = profile.startTime;
  let totalUs = 0;
  let idleUs = 0;
  let counted = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i += 1) {
    time += timeDeltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const us = Math.max(0, timeDeltas[i + 1] ?? 0);
    if (window !== undefined && (time < window.fromUs || time > window.toUs)) continue;
    const id = samples[i] as number;
    const node = byId.get(id);
    if (node === undefined) continue;
    counted += 1;
    totalUs += us;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    add(selfByFunction, label(node), us);
    const file = fileOf(id);
    add(selfByFile, file, us);
    add(byArea, PSEUDO.has(file) ? file : areaOf(file), us);
    const seen = new Set<string>();
    let stage: string | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame === undefined) break;
      stage ??= stageOf(frame);
      const name = label(frame);
      if (name === '(root)' || seen.has(name)) continue;
      seen.add(name);
      add(inclusive, name, us);
    }
    add(byStage, stage ?? (PSEUDO.has(file) ? file : `outside those: ${areaOf(file)}`), us);
  }
  const sorted = (map: Map<string, number>): Row[] => [...map].map(([name, us]) => ({ name, us })).sort((a, b) => b.us - a.us);
  return {
    file: path,
    totalUs,
    idleUs,
    samples: counted,
    selfByFunction: sorted(selfByFunction),
    selfByFile: sorted(selfByFile),
    byArea: sorted(byArea),
    inclusiveByFunction: sorted(inclusive),
    byStage: sorted(byStage),
  };
}

export function formatSummary(summary: ProfileSummary, top = 15): string {
  const busy = summary.totalUs - summary.idleUs;
  const pct = (us: number): string => `${((100 * us) / busy).toFixed(1)}%`;
  const table = (title: string, rows: Row[]): string =>
    [
      `#### ${title}`,
      '',
      '| # | where | ms | % of busy time |',
      '|---:|---|---:|---:|',
      ...rows.slice(0, top).map((row, i) => `| ${i + 1} | \`${row.name.replace(/\|/g, '\\|')}\` | ${(row.us / 1000).toFixed(0)} | ${pct(row.us)} |`),
      '',
    ].join('\n');
  return [
    `Profile ${summary.file}: ${summary.samples} samples, ${(summary.totalUs / 1e6).toFixed(2)} s sampled, ` +
      `${(busy / 1e6).toFixed(2)} s busy (${((100 * busy) / Math.max(1, summary.totalUs)).toFixed(0)}%); percentages are of busy (non-idle) time.`,
    '',
    table('Self time by function (builtins such as RegExp or JSON show as (native))', summary.selfByFunction),
    table('Self time by file (a builtin is charged to the file of its nearest JS caller)', summary.selfByFile),
    table('Self time by area (same charging)', summary.byArea),
    table('Time by stage of the request path (innermost stage on the stack; everything it calls included)', summary.byStage),
    table('Inclusive (total) time by function', summary.inclusiveByFunction),
  ].join('\n');
}

function main(argv: readonly string[]): void {
  const file = argv[0];
  if (file === undefined) {
    process.stderr.write('usage: node dist/bench/profile.js FILE.cpuprofile [--from US --to US] [--top N]\n');
    process.exit(2);
  }
  const option = (name: string): number | undefined => {
    const at = argv.indexOf(name);
    const value = at === -1 ? undefined : argv[at + 1];
    return value === undefined ? undefined : Number(value);
  };
  const fromUs = option('--from');
  const toUs = option('--to');
  const summary = summarizeProfile(file, fromUs !== undefined && toUs !== undefined ? { fromUs, toUs } : undefined);
  process.stdout.write(`${formatSummary(summary, option('--top') ?? 15)}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
