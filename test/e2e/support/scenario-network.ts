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
import { NodeApiClient, filesContaining, testInfra } from '@enlace/testing';
import { Client } from 'pg';
import type { NodeApiClient as TypedNodeApiClient } from '@enlace/client';
import { signedInNodeApi } from './typed-node-api';

/** One network of its own per scenario: its nodes, and a logged-in client per user. */
export class ScenarioNetwork {
  private constructor(
    readonly net: LocalNetwork,
    private readonly home: string,
  ) {}

  /** `agencies`: the agencies of a country's node, the first its gateway (the demo's, for its agency users). */
  static async start(
    name: string,
    countries: string[],
    env: Record<string, string>,
    agencies: Readonly<Record<string, readonly string[]>> = {},
  ): Promise<ScenarioNetwork> {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), `enlace-${name}-`));
    const members: NetworkMember[] = countries.map((country) => ({
      country,
      organisations: [`${country} focal point`],
      ...(agencies[country] ? { agencies: agencies[country] } : {}),
    }));
    const net = await startLocalNetwork({
      network: `${name}${Date.now().toString(36)}`,
      members,
      home,
      basePort: await findFreeBasePort(networkPortOffsets(5)),
      mode: 'combined',
      infra: testInfra(),
      env,
    });
    const network = new ScenarioNetwork(net, home);
    for (const node of net.nodes) await network.storeUncompressed(node.country);
    return network;
  }

  async client(country: string, suffix = 'focal'): Promise<NodeApiClient> {
    const { node, user } = this.member(country, suffix);
    return new NodeApiClient(node.apiUrl).login(user.username, user.password);
  }

  private member(country: string, suffix: string) {
    const node = this.net.nodes.find((candidate) => candidate.country === country);
    const user = this.net.users.find(
      (candidate) => candidate.country === country && candidate.username.endsWith(suffix),
    );
    if (!node || !user) throw new Error(`no ${suffix} user of ${country} in the network`);
    return { node, user };
  }

  /** The typed client (libs/client) of a user of `country`, signed in. */
  async api(country: string, suffix = 'focal'): Promise<TypedNodeApiClient> {
    const { node, user } = this.member(country, suffix);
    return signedInNodeApi(node.apiUrl, user.username, user.password);
  }

  /** The nodes' log files that hold `text`. */
  async logsContaining(text: string): Promise<string[]> {
    return filesContaining(path.join(this.home, 'logs'), text);
  }

  /**
   * The files of `country`'s database in PostgreSQL's data directory that hold `text`: the database's own folder
   * (`base/<oid>`) and the write-ahead log (`pg_wal`, shared by every database of the server: a hit there is a hit),
   * after a checkpoint, so that what was written has reached its files. Undefined when the server is not a local
   * process of ours (its files are not ours to read).
   */
  async databaseFilesContaining(country: string, text: string): Promise<string[] | undefined> {
    const dataDir = testInfra().postgresDataDir;
    if (dataDir === undefined) return undefined;
    const found: string[] = [];
    for (const folder of await this.databaseFolders(country)) found.push(...(await filesContaining(folder, text)));
    return found;
  }

  /** Every file of `country`'s database in PostgreSQL's data directory, and the write-ahead log's, after a checkpoint. */
  async databaseFiles(country: string): Promise<string[]> {
    const files: string[] = [];
    for (const folder of await this.databaseFolders(country)) {
      const names = await fs.readdir(folder, { withFileTypes: true });
      files.push(...names.filter((entry) => entry.isFile()).map((entry) => path.join(folder, entry.name)));
    }
    if (files.length === 0) throw new Error(`no file of ${country}'s database under ${testInfra().postgresDataDir}`);
    return files;
  }

  /** Writes `text` in clear into `country`'s database: the control that a scan of its files can find something. */
  async writeCanary(country: string, text: string): Promise<void> {
    await this.withDatabase(country, async (client) => {
      await client.query('create table if not exists test_canary (text text not null)');
      await client.query('insert into test_canary (text) values ($1)', [text]);
    });
  }

  /**
   * PostgreSQL compresses a long value (TOAST) before it reaches the table's file and the WAL: a person's name in
   * clear inside a large column could hide in the compressed bytes from a scan of the files. Once the node has
   * made its tables, every column that could be compressed is stored as it is (`storage external`), so that the
   * scans read what was written.
   */
  private async storeUncompressed(country: string): Promise<void> {
    await this.withDatabase(country, async (client) => {
      const columns = await client.query<{ statement: string }>(
        `select format('alter table %I.%I alter column %I set storage external', n.nspname, c.relname, a.attname)
                  as statement
           from pg_attribute a
           join pg_class c on c.oid = a.attrelid
           join pg_namespace n on n.oid = c.relnamespace
          where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
            and a.attnum > 0 and not a.attisdropped and a.attstorage in ('x', 'm')`,
      );
      if (columns.rows.length === 0) throw new Error(`${country}'s database has no table that could hold a value`);
      for (const { statement } of columns.rows) await client.query(statement);
    });
  }

  /** `base/<oid of the database>` and `pg_wal`, once a checkpoint has written what is in memory to them. */
  private async databaseFolders(country: string): Promise<[string, string]> {
    const dataDir = testInfra().postgresDataDir;
    if (dataDir === undefined) throw new Error('the database server is not a local process of ours');
    const dbName = this.node(country).dbName;
    const oid = await this.withDatabase(country, async (client) => {
      await client.query('checkpoint');
      const result = await client.query<{ oid: string }>('select oid from pg_database where datname = $1', [dbName]);
      return result.rows[0]?.oid;
    });
    if (oid === undefined) throw new Error(`no database ${dbName} on the server`);
    return [path.join(dataDir, 'base', String(oid)), path.join(dataDir, 'pg_wal')];
  }

  private async withDatabase<T>(country: string, use: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.node(country).databaseUrl });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  }

  private node(country: string) {
    const node = this.net.nodes.find((candidate) => candidate.country === country);
    if (!node) throw new Error(`no node of ${country} in the network`);
    return node;
  }

  async stop(): Promise<void> {
    await this.net.stop({ dropDatabases: true });
    await fs.rm(this.home, { recursive: true, force: true });
  }
}
