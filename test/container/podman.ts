import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * podman as the container suite drives it: the settings this kind of machine needs, the base image (or a stand-in
 * for it when no registry of images can be reached), and the emulator's image built from the Dockerfile unchanged.
 */

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The Dockerfile's default base, by its full name. */
export const BASE_IMAGE = 'docker.io/library/node:20-bookworm-slim';
export const IMAGE = 'localhost/services88-chat-emulator:test';
const STAND_IN_SCRIPT = join(ROOT, 'test', 'container', 'stand-in-base.sh');

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The machines this suite runs on mount cgroups v1, where podman needs runc and the cgroupfs manager, and where the
 * rlimits podman would set by default cannot be raised. podman reads these from the file CONTAINERS_CONF names,
 * so the machine's own configuration is left alone.
 */
function containersConf(): string {
  const directory = mkdtempSync(join(tmpdir(), 'chat-emulator-podman-'));
  const path = join(directory, 'containers.conf');
  writeFileSync(path, ['[containers]', 'default_ulimits = []', '', '[engine]', 'runtime = "runc"', 'cgroup_manager = "cgroupfs"', 'events_logger = "file"', ''].join('\n'));
  // Every podman call of the run reads it; it goes with the run.
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  return path;
}

let environment: NodeJS.ProcessEnv | undefined;

/** Runs a command to its end, bounded by `timeoutMs`, and returns its exit code and output whatever the code. */
export function run(command: string, args: readonly string[], timeoutMs: number): Promise<Result> {
  environment ??= { ...process.env, CONTAINERS_CONF: containersConf() };
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { env: environment, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error === null) return resolve({ code: 0, stdout, stderr });
      if (error.code === 'ENOENT') return reject(new Error(`${command} is not installed: the container suite needs it. On Debian: apt-get install podman runc debootstrap.`));
      if (error.killed === true) return reject(new Error(`${command} ${args.join(' ')} did not end within ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`));
      resolve({ code: typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

/** podman with these arguments; fails with its output unless it exits 0. */
export async function podman(args: readonly string[], timeoutMs = 60_000): Promise<string> {
  const result = await run('podman', args, timeoutMs);
  if (result.code !== 0) throw new Error(`podman ${args.join(' ')} exited with ${result.code}, expected 0.\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  return result.stdout;
}

/** Fails with what to install unless podman can be run. */
export async function requirePodman(): Promise<void> {
  const version = await run('podman', ['--version'], 30_000);
  if (version.code !== 0) throw new Error(`podman --version exited with ${version.code}: ${version.stderr}`);
}

/**
 * The base image, under its own name: kept from an earlier run, or else built as a stand-in (test/container/
 * stand-in-base.sh) because no registry of images can be reached here.
 */
export async function ensureBaseImage(log: (line: string) => void): Promise<void> {
  if ((await run('podman', ['image', 'exists', BASE_IMAGE], 60_000)).code === 0) return;
  log(`${BASE_IMAGE} is not here: building a stand-in for it (kept for later runs).`);
  const result = await run('bash', [STAND_IN_SCRIPT, BASE_IMAGE], 15 * 60_000);
  for (const line of result.stdout.split('\n')) if (line !== '') log(line);
  if (result.code !== 0) {
    const hint = result.stderr.includes('debootstrap: command not found') ? ' Install debootstrap (apt-get install debootstrap).' : '';
    throw new Error(`Building the stand-in for ${BASE_IMAGE} failed (exit ${result.code}).${hint}\n${result.stderr}`);
  }
}

/**
 * Builds the image from the Dockerfile as it is: the base only from local storage, in Docker's format (OCI's
 * drops HEALTHCHECK), with this machine's CA certificates for npm behind the proxy that inspects TLS.
 */
export async function buildImage(): Promise<void> {
  const args = ['build', '--pull=never', '--format', 'docker', '--network', 'host', '--tag', IMAGE];
  const certificates = process.env['NODE_EXTRA_CA_CERTS'];
  if (certificates !== undefined && certificates !== '') {
    if (!existsSync(certificates)) throw new Error(`NODE_EXTRA_CA_CERTS names '${certificates}', which does not exist: name a PEM file, or unset it.`);
    args.push('--volume', `${certificates}:${certificates}:ro`, '--build-arg', `NODE_EXTRA_CA_CERTS=${certificates}`);
  }
  await podman([...args, ROOT], 15 * 60_000);
}

/** An image's size in bytes, as podman counts it. */
export async function imageSize(image: string): Promise<number> {
  return Number((await podman(['image', 'inspect', '--format', '{{.Size}}', image])).trim());
}
