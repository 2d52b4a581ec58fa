// The tools the harness relies on, one check each (found, version, or how to get it), and the one line of advice a missing one gets everywhere.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const CHECK_IDS = ['node', 'java', 'wiremock', 'k6', 'python', 'go', 'docker', 'out'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type Check = { id: CheckId; ok: boolean; detail: string };

export type CheckInput = {
  out: string;
  env?: NodeJS.ProcessEnv;
  /** Only what costs no process start (PATH and file lookups): the check every command makes before it starts. */
  quick?: boolean;
};

/** What each tool is for, and how to get it; the advice is the same in `harness doctor` and in every command. */
export const ABOUT: Record<CheckId, { for: string; fix: string }> = {
  node: { for: 'the harness runs on it', fix: 'install Node 24 or set HARNESS_NODE to a Node 24 binary' },
  java: {
    for: 'runs WireMock, the front door of every simulator',
    fix: 'install Java 11 or newer so that `java` is on the PATH (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless)',
  },
  wiremock: {
    for: 'the WireMock standalone jar from the npm package wiremock',
    fix: 'reinstall the harness with its dependencies (npm ci): the wiremock package brings the jar',
  },
  k6: {
    for: 'drives the load scenarios (harness run, load, plan)',
    fix: 'set K6_BIN to a k6 binary (v1.0 or newer), put k6 on the PATH, install Go 1.24 or newer (the harness then builds k6 once), or run a Docker engine',
  },
  python: {
    for: 'Python clients and the vendor SDK checks',
    fix: 'install Python 3.9 or newer as python3 (Debian/Ubuntu: apt-get install -y python3 python3-venv)',
  },
  go: {
    for: 'builds k6; the IoTDA Go SDK checks',
    fix: 'install Go 1.24 or newer so that `go` is on the PATH',
  },
  docker: {
    for: 'only --launcher container and k6 in a container',
    fix: 'start a Docker engine (or leave it: nothing else needs one)',
  },
  out: { for: 'reports and work files', fix: 'give --out <a folder you can write to>' },
};

/** `harness <command>: missing <tool> (<what it is for>): <how to get it>`, the line a command prints instead of starting. */
export const adviceLine = (command: string, check: Check): string =>
  `harness ${command}: missing ${check.id} (${ABOUT[check.id].for}): ${ABOUT[check.id].fix}`;

const onPath = (name: string, env: NodeJS.ProcessEnv): string | undefined => {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
};

const versionOf = (
  command: string,
  args: string[],
  pattern: RegExp,
  env: NodeJS.ProcessEnv,
): string | undefined => {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 15_000, env });
  if (r.status !== 0) return undefined;
  return pattern.exec(`${r.stdout}\n${r.stderr}`)?.[1];
};

const atLeast = (version: string, major: number, minor = 0): boolean => {
  const [a = 0, b = 0] = version.split(/[._]/).map(Number);
  return a > major || (a === major && b >= minor);
};

/** `pattern` captures the version; Java's old scheme is read as its major (1.8.0_392 is 8). */
type Tool = { command: string; args: string[]; pattern: RegExp; min: [number, number] };

const TOOLS: Partial<Record<CheckId, Tool>> = {
  java: { command: 'java', args: ['-version'], pattern: /version "(?:1\.(?=\d+\.))?([\d._]+)/, min: [11, 0] },
  python: { command: 'python3', args: ['--version'], pattern: /Python (\d+\.\d+(?:\.\d+)?)/, min: [3, 9] },
  go: { command: 'go', args: ['version'], pattern: /go(\d+\.\d+(?:\.\d+)?)/, min: [1, 24] },
};

const toolCheck = (id: CheckId, tool: Tool, input: CheckInput): Check => {
  const env = input.env ?? process.env;
  const where = onPath(tool.command, env);
  if (!where) return { id, ok: false, detail: `${tool.command} is not on the PATH` };
  if (input.quick) return { id, ok: true, detail: where };
  const version = versionOf(tool.command, tool.args, tool.pattern, env);
  if (!version) return { id, ok: false, detail: `${where} does not say its version` };
  const [major, minor] = tool.min;
  if (!atLeast(version, major, minor))
    return { id, ok: false, detail: `${where} is ${version}, older than ${major}.${minor}` };
  return { id, ok: true, detail: `${version} (${where})` };
};

const wiremockCheck = async (): Promise<Check> => {
  const { bundledJarPath } = await import('../simulators/wiremock/embedded.ts');
  let jar: string;
  try {
    jar = bundledJarPath();
  } catch {
    return { id: 'wiremock', ok: false, detail: 'the npm package wiremock is not installed' };
  }
  if (!existsSync(jar)) return { id: 'wiremock', ok: false, detail: `no jar at ${jar}` };
  // The front door's extension: shipped in the package, or compiled once with javac in a checkout.
  const { frontDoorExtensionJar } = await import('../simulators/wiremock/extension.ts');
  const extension = frontDoorExtensionJar(jar);
  return extension.ok
    ? { id: 'wiremock', ok: true, detail: `${jar}, extension ${extension.jar}` }
    : { id: 'wiremock', ok: false, detail: `the front door's extension: ${extension.reason}` };
};

const k6Check = async (input: CheckInput): Promise<Check> => {
  const env = input.env ?? process.env;
  const { findK6, k6CacheDir } = await import('../load/runner/k6-binary.ts');
  if (input.quick) {
    const cached = path.join(k6CacheDir(env), 'k6');
    const found = env.K6_BIN ?? onPath('k6', env) ?? (existsSync(cached) ? cached : undefined);
    if (found) return { id: 'k6', ok: true, detail: found };
    if (onPath('go', env)) return { id: 'k6', ok: true, detail: 'not built yet: Go will build it once' };
    if (onPath('docker', env)) return { id: 'k6', ok: true, detail: 'docker is on the PATH' };
    return { id: 'k6', ok: false, detail: 'not found, and neither go nor docker is on the PATH' };
  }
  const found = await findK6({ env, build: false });
  if (found.ok)
    return {
      id: 'k6',
      ok: true,
      detail: `${found.k6.kind === 'container' ? 'in a container' : found.k6.command} (${found.k6.kind})`,
    };
  const go = toolCheck('go', TOOLS.go!, input);
  return go.ok
    ? {
        id: 'k6',
        ok: true,
        detail: `not built yet: buildable with Go ${go.detail}, the first run takes a few minutes`,
      }
    : { id: 'k6', ok: false, detail: 'not found, Go cannot build it and no Docker engine answers' };
};

const dockerCheck = (input: CheckInput): Check => {
  const env = input.env ?? process.env;
  if (!onPath('docker', env)) return { id: 'docker', ok: false, detail: 'docker is not on the PATH' };
  if (input.quick) return { id: 'docker', ok: true, detail: 'docker is on the PATH' };
  const version = versionOf('docker', ['info', '--format', 'engine {{.ServerVersion}}'], /engine (\S+)/, env);
  return version
    ? { id: 'docker', ok: true, detail: `engine ${version}` }
    : { id: 'docker', ok: false, detail: 'the docker client is there, but no engine answers' };
};

const outCheck = (input: CheckInput): Check => {
  const probe = path.join(input.out, `.harness-doctor-${process.pid}`);
  try {
    mkdirSync(input.out, { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe);
    return { id: 'out', ok: true, detail: `${input.out} is writable` };
  } catch (err) {
    return {
      id: 'out',
      ok: false,
      detail: `${input.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    };
  }
};

const nodeCheck = (): Check => {
  const ok = atLeast(process.versions.node, 24);
  return { id: 'node', ok, detail: `${process.versions.node} (${process.execPath})` };
};

export const runCheck = async (id: CheckId, input: CheckInput): Promise<Check> => {
  switch (id) {
    case 'node':
      return nodeCheck();
    case 'wiremock':
      return wiremockCheck();
    case 'k6':
      return k6Check(input);
    case 'docker':
      return dockerCheck(input);
    case 'out':
      return outCheck(input);
    default:
      return toolCheck(id, TOOLS[id]!, input);
  }
};
