import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ComponentName,
  LocalNetwork,
  LocalNode,
  NodeProcessKind,
  ensureInfra,
  killNodeProcess,
  nodeProcessLogTail,
  startLocalNetwork,
  startNodeProcesses,
  stopInfraComponent,
  stopNodeProcesses,
  waitForNodeApi,
  findFreeBasePort,
  networkPortOffsets,
} from '@enlace/local-infra';
import { NodeApiClient, filesContaining, testInfra } from '@enlace/testing';

/** Environment for the launcher without the endpoints that `npm run test:int` set (they would mark both external). */
function localInfraEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['KAFKA_BROKERS'];
  delete env['MONGODB_URI'];
  delete env['DATABASE_URL'];
  return env;
}

/**
 * A network whose nodes run as separate processes (an API and a courier each), on the local broker and database
 * of this machine, with the means to break them: kill one process, take a node offline, restart the broker, stop
 * the database. Every fault is undone by the same object, which also logs what it did.
 */
export class ChaosNetwork {
  readonly events: string[] = [];
  private readonly started = Date.now();
  /** Brokers killed for good: restoring the infrastructure leaves them down until `stop`. */
  private readonly lostBrokers = new Set<ComponentName>();

  private constructor(
    readonly net: LocalNetwork,
    readonly home: string,
  ) {}

  /** Whether the broker and database are local processes of ours (the suite can only break those). */
  static canRun(): boolean {
    const infra = testInfra() as ReturnType<typeof testInfra> & { external?: { kafka: boolean; postgres: boolean } };
    return infra.kafkaSasl !== undefined && infra.external?.kafka === false && infra.external?.postgres === false;
  }

  static async start(countries: readonly string[]): Promise<ChaosNetwork> {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'enlace-chaos-'));
    const net = await startLocalNetwork({
      network: `chaos${Date.now().toString(36)}`,
      members: countries.map((country) => ({ country, organisations: [`${country} focal point`] })),
      home,
      basePort: await findFreeBasePort(networkPortOffsets(5)),
      mode: 'separate',
      infra: testInfra(),
    });
    return new ChaosNetwork(net, home);
  }

  node(country: string): LocalNode {
    const node = this.net.nodes.find((candidate) => candidate.country === country);
    if (!node) throw new Error(`no node ${country}`);
    return node;
  }

  async client(country: string): Promise<NodeApiClient> {
    const user = this.net.users.find((u) => u.country === country && u.username.endsWith('.focal'));
    if (!user) throw new Error(`no focal point of ${country}`);
    return new NodeApiClient(this.node(country).apiUrl).login(user.username, user.password);
  }

  note(event: string): void {
    const line = `${((Date.now() - this.started) / 1000).toFixed(0).padStart(5)} s  ${event}`;
    this.events.push(line);
    if (process.env['ENLACE_CHAOS_VERBOSE']) console.log(`chaos: ${line}`);
  }

  /** SIGKILL one process of a node and start it again at once (waiting for the API when it is the API). */
  async crash(country: string, kind: NodeProcessKind, options: { waitHealthy?: boolean } = {}): Promise<void> {
    const node = this.node(country);
    const killed = await killNodeProcess(node.spec, kind);
    if (!killed) {
      throw new Error(`the ${kind} of ${country} was not running\n${nodeProcessLogTail(node.spec, kind, 40)}`);
    }
    this.note(`SIGKILL ${country} ${kind}; restarted`);
    await startNodeProcesses(node.spec);
    if (kind === 'node-api' && options.waitHealthy !== false) await waitForNodeApi(node.apiUrl, 180_000);
  }

  /** SIGKILL every process of a node: it is offline until `bringBack`. */
  async takeOffline(country: string): Promise<void> {
    await stopNodeProcesses(this.node(country).spec, 'kill');
    this.note(`${country} offline (all its processes killed)`);
  }

  async bringBack(country: string): Promise<void> {
    const node = this.node(country);
    await startNodeProcesses(node.spec);
    this.note(`${country} started again`);
    await waitForNodeApi(node.apiUrl, 180_000);
  }

  /** Stops the (first) broker: on a single broker the whole network's broker is away; on three, one of them. */
  async stopBroker(kill = false): Promise<void> {
    await stopInfraComponent('kafka', { env: localInfraEnv(), log: () => undefined, kill });
    this.note(`Kafka broker ${kill ? 'killed (SIGKILL)' : 'stopped'}`);
  }

  /** SIGKILL one broker of a local cluster and never start it again while the network runs. */
  async killBrokerForGood(name: ComponentName): Promise<void> {
    const killed = await stopInfraComponent(name, { env: localInfraEnv(), log: () => undefined, kill: true });
    if (!killed) throw new Error(`the broker ${name} was not running`);
    this.lostBrokers.add(name);
    this.note(`Kafka broker ${name} killed (SIGKILL) for good`);
  }

  /** Stops the PostgreSQL server itself (every node's database goes away at once), gracefully or with SIGKILL. */
  async stopDatabase(kill = false): Promise<void> {
    await stopInfraComponent('postgres', { env: localInfraEnv(), log: () => undefined, kill });
    this.note(`PostgreSQL ${kill ? 'killed (SIGKILL)' : 'stopped'}`);
  }

  /** Starts whatever of the brokers and the database is not running, but a broker killed for good (unless `all`). */
  async restoreInfra(all = false): Promise<void> {
    await ensureInfra({ env: localInfraEnv(), log: () => undefined, leaveStopped: all ? [] : [...this.lostBrokers] });
    if (all) this.lostBrokers.clear();
    this.note(`broker${this.lostBrokers.size > 0 ? 's (but the lost one)' : ''} and database running`);
  }

  /** Every node API answers. */
  async allHealthy(): Promise<void> {
    await Promise.all(this.net.nodes.map((node) => waitForNodeApi(node.apiUrl, 180_000)));
  }

  async logsContaining(text: string): Promise<string[]> {
    return filesContaining(path.join(this.home, 'logs'), text);
  }

  async stop(keepHome = false): Promise<void> {
    await this.net.stop({ dropDatabases: !keepHome });
    if (!keepHome) await fs.rm(this.home, { recursive: true, force: true });
  }
}
