import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ensureInfra, stopInfra } from '../infra-control';
import { resolvePaths } from '../paths';
import { DEMO_COUNTRIES, DEMO_NETWORK } from './demo-network.constants';
import { startLocalMonitor, stopLocalMonitor } from './local-monitor';
import { LocalNetwork, startLocalNetwork } from './local-network';
import { startConsoleProcess, stopConsoleProcess } from './console-process';
import { stopNodeProcesses } from './node-processes';

/** What `npm run up` writes for people, tests and benchmarks (docs/architecture.md §6). */
export interface NetworkDescription {
  network: string;
  /** metricsUrls: where Prometheus scrapes each node (its probes, /health/live and /health/ready, are beside). */
  nodes: { country: string; apiUrl: string; docsUrl: string; metricsUrls: readonly string[] }[];
  monitorUrl?: string;
  monitorMetricsUrl?: string;
  /** The web console, for focal points, case workers and the secretariat. */
  consoleUrl?: string;
  /** Users of the nodes (with their country) and of the secretariat's monitor (without one). */
  users: { country?: string; username: string; password: string; roles: readonly string[]; agency?: string }[];
}

function demoBasePort(env: NodeJS.ProcessEnv): number {
  const raw = env['ENLACE_DEMO_BASE_PORT'];
  const port = raw ? Number(raw) : 18000;
  if (!Number.isInteger(port) || port < 1024 || port > 65000)
    throw new Error('ENLACE_DEMO_BASE_PORT must be a port number');
  return port;
}

export function networkDescriptionFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(resolvePaths(env).home, 'network.json');
}

/** Starts the infrastructure, the five demo countries and the monitor, and describes them in .enlace/network.json. */
export async function demoUp(env: NodeJS.ProcessEnv = process.env): Promise<NetworkDescription> {
  const infra = await ensureInfra({ env });
  const network: LocalNetwork = await startLocalNetwork({
    network: DEMO_NETWORK,
    members: DEMO_COUNTRIES,
    home: resolvePaths(env).home,
    basePort: demoBasePort(env),
    infra,
  });
  // The secretariat's monitor listens beside the nodes, on basePort + 50.
  const monitor = await startLocalMonitor({
    network: network.network,
    home: resolvePaths(env).home,
    httpPort: demoBasePort(env) + 50,
    trustAnchorsFile: network.trustAnchorsFile,
    infra,
    ...(network.kafkaPrincipals && { kafkaSasl: network.kafkaPrincipals.monitor }),
  });
  const home = resolvePaths(env).home;
  const web = await startConsoleProcess({
    network: DEMO_NETWORK,
    port: demoBasePort(env) + 80,
    nodes: network.nodes,
    monitorUrl: monitor.monitorUrl,
    runDir: path.join(home, 'run'),
    logDir: path.join(home, 'logs'),
  });
  const description: NetworkDescription = {
    network: network.network,
    nodes: network.nodes.map(({ country, apiUrl, docsUrl, metricsUrls }) => ({
      country,
      apiUrl,
      docsUrl,
      metricsUrls,
    })),
    monitorUrl: monitor.monitorUrl,
    monitorMetricsUrl: `${monitor.monitorUrl}/metrics`,
    consoleUrl: web.url,
    users: [
      ...network.users.map(({ country, username, password, roles, agency }) => ({
        country,
        username,
        password,
        roles,
        ...(agency ? { agency } : {}),
      })),
      ...monitor.users.map(({ username, password, roles }) => ({ username, password, roles })),
    ],
  };
  await fs.writeFile(networkDescriptionFile(env), JSON.stringify(description, null, 2), { mode: 0o600 });
  return description;
}

/** Stops the demo nodes and the monitor, then the infrastructure. */
export async function demoDown(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const home = resolvePaths(env).home;
  await stopConsoleProcess({ network: DEMO_NETWORK, runDir: path.join(home, 'run'), logDir: path.join(home, 'logs') });
  await stopLocalMonitor(DEMO_NETWORK, home);
  await Promise.all(
    DEMO_COUNTRIES.map(({ country }) =>
      stopNodeProcesses({
        network: DEMO_NETWORK,
        country,
        runDir: path.join(home, 'run'),
        logDir: path.join(home, 'logs'),
      }),
    ),
  );
  await stopInfra({ env });
}
