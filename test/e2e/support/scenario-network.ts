import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  LocalNetwork,
  NetworkMember,
  startLocalNetwork,
  findFreeBasePort,
  networkPortOffsets,
} from '@enlace/local-infra';
import { createMongoConnection } from '@enlace/store';
import { NodeApiClient, filesContaining, testInfra } from '@enlace/testing';

/** One network of its own per scenario: its nodes, and a logged-in client per user. */
export class ScenarioNetwork {
  private constructor(
    readonly net: LocalNetwork,
    private readonly home: string,
  ) {}

  static async start(name: string, countries: string[], env: Record<string, string>): Promise<ScenarioNetwork> {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), `enlace-${name}-`));
    const members: NetworkMember[] = countries.map((country) => ({
      country,
      organisations: [`${country} focal point`],
    }));
    const net = await startLocalNetwork({
      network: `${name}${Date.now().toString(36)}`,
      members,
      home,
      basePort: await findFreeBasePort(networkPortOffsets(5)),
      mode: 'combined',
      infra: testInfra(),
      env: { ENLACE_INBOX_POLL_MS: '50', ENLACE_RELAY_POLL_MS: '50', ...env },
    });
    return new ScenarioNetwork(net, home);
  }

  async client(country: string, suffix = 'focal'): Promise<NodeApiClient> {
    const node = this.net.nodes.find((candidate) => candidate.country === country);
    const user = this.net.users.find(
      (candidate) => candidate.country === country && candidate.username.endsWith(suffix),
    );
    if (!node || !user) throw new Error(`no ${suffix} user of ${country} in the network`);
    return new NodeApiClient(node.apiUrl).login(user.username, user.password);
  }

  /** The nodes' log files that hold `text`. */
  async logsContaining(text: string): Promise<string[]> {
    return filesContaining(path.join(this.home, 'logs'), text);
  }

  /**
   * The files of `country`'s database in FerretDB's state (SQLite: `<db>.sqlite` and its -wal and -shm) that
   * hold `text`; undefined when the database is not a local process of ours (its files are not ours to read).
   */
  async databaseFilesContaining(country: string, text: string): Promise<string[] | undefined> {
    const dataDir = testInfra().ferretdbDataDir;
    if (dataDir === undefined) return undefined;
    const files = await this.databaseFiles(country);
    if (files.length === 0) throw new Error(`no FerretDB file of ${country}'s database under ${dataDir}`);
    const found = await filesContaining(dataDir, text);
    return found.filter((file) => files.includes(file));
  }

  /** Every file of `country`'s database in FerretDB's state folder. */
  async databaseFiles(country: string): Promise<string[]> {
    const dataDir = testInfra().ferretdbDataDir ?? '';
    const prefix = `${this.node(country).dbName}.`;
    const names = await fs.readdir(dataDir);
    return names.filter((name) => name.startsWith(prefix)).map((name) => path.join(dataDir, name));
  }

  /** Writes `text` in clear into `country`'s database: the control that a scan of its files can find something. */
  async writeCanary(country: string, text: string): Promise<void> {
    const db = await createMongoConnection({ uri: testInfra().mongodbUri, dbName: this.node(country).dbName });
    try {
      await db.collection('test_canary').insertOne({ text });
    } finally {
      await db.close();
    }
  }

  private node(country: string) {
    const node = this.net.nodes.find((candidate) => candidate.country === country);
    if (!node) throw new Error(`no node of ${country} in the network`);
    return node;
  }

  async stop(): Promise<void> {
    await this.net.stop();
    await fs.rm(this.home, { recursive: true, force: true });
  }
}
