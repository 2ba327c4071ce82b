// Checks for the tools the local infrastructure needs, only those actually needed:
// java (>= 17) to run Kafka, mvn to resolve its jars (first run), PostgreSQL's server binaries (>= 15), or apt-get
// to install Debian's, and setpriv when the command runs as root (the server does not run as root).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { canInstallPostgres, configuredPostgresBin, DEBIAN_POSTGRES_ROOT, findPostgresBin } from './postgres-binaries';
import { runsAsRoot } from './postgres-server-user';

export type Tool = 'java' | 'mvn' | 'postgres';

export class PrerequisiteError extends Error {
  constructor(readonly problems: string[]) {
    super(`missing prerequisites:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PrerequisiteError';
  }
}

/** `java` from $JAVA_HOME/bin when JAVA_HOME is set, else from PATH. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  const javaHome = env['JAVA_HOME'];
  return javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
}

function versionOutput(command: string, args: string[], env: NodeJS.ProcessEnv): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8', env, timeout: 60_000 });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout ?? ''}${result.stderr ?? ''}`;
}

/** Major Java version from `java -version` output ("17.0.15" -> 17, "1.8.0_392" -> 8). */
export function parseJavaMajor(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** Major version from `postgres --version` output ("postgres (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)" -> 15). */
export function parsePostgresMajor(output: string): number | undefined {
  const match = /\(PostgreSQL\) (\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  // before 10 the major version had two parts: 9.6
  return first < 10 && match[2] !== undefined ? Number(`${first}.${match[2]}`) : first;
}

function checkPostgres(env: NodeJS.ProcessEnv): string | undefined {
  const hint =
    `install Debian's server package (apt-get install postgresql; its binaries land in ${DEBIAN_POSTGRES_ROOT}/<major>/bin), ` +
    'or set ENLACE_POSTGRES_BIN to the bin folder of a PostgreSQL 15 or newer';
  const configured = configuredPostgresBin(env);
  const bin = findPostgresBin(env);
  if (configured !== undefined && bin === undefined) {
    return `ENLACE_POSTGRES_BIN=${configured} holds no postgres and initdb: ${hint}`;
  }
  if (bin === undefined) {
    // installed by `up` itself when apt-get can (Debian's package)
    return canInstallPostgres() ? undefined : `PostgreSQL server binaries not found (postgres, initdb): ${hint}`;
  }
  if (runsAsRoot() && versionOutput('setpriv', ['--version'], env) === undefined) {
    return 'setpriv not found (needed to run PostgreSQL as the user postgres when run as root): apt-get install util-linux';
  }
  const out = versionOutput(path.join(bin, 'postgres'), ['--version'], env);
  const major = out === undefined ? undefined : parsePostgresMajor(out);
  if (major === undefined || major < 15) {
    return `${path.join(bin, 'postgres')} is ${out?.trim() || 'not runnable'}; the store needs PostgreSQL 15+: ${hint}`;
  }
  return undefined;
}

function checkTool(tool: Tool, env: NodeJS.ProcessEnv): string | undefined {
  switch (tool) {
    case 'java': {
      const java = javaCommand(env);
      const out = versionOutput(java, ['-version'], env);
      const hint = 'install a JDK 17 or newer: apt-get install openjdk-17-jdk-headless (or set JAVA_HOME to one)';
      if (out === undefined) return `java not found (${java}): ${hint}`;
      const major = parseJavaMajor(out);
      if (major === undefined || major < 17)
        return `java ${major ?? '(unknown version)'} is too old, Kafka needs 17+: ${hint}`;
      return undefined;
    }
    case 'mvn': {
      const out = versionOutput('mvn', ['-v'], env);
      if (out === undefined) return 'mvn not found (needed once, to fetch the Kafka jars): apt-get install maven';
      return undefined;
    }
    case 'postgres':
      return checkPostgres(env);
  }
}

/** Throws a PrerequisiteError naming every missing tool and how to get it. */
export function requireTools(tools: Iterable<Tool>, env: NodeJS.ProcessEnv = process.env): void {
  const problems: string[] = [];
  for (const tool of new Set(tools)) {
    const problem = checkTool(tool, env);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new PrerequisiteError(problems);
}
