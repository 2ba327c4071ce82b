import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ensureAuditKeyFile } from '@enlace/audit';
import { createNodeApiClient, type NodeApiClient as TypedNodeApiClient } from '@enlace/client';
import { ensureKeyEncryptionKeyFile } from '@enlace/privacy';
import { NodeDatabase, ScratchDatabase } from '@enlace/store';
import { type DevelopmentTokenClaims, NodeApiClient, signDevelopmentToken } from '@enlace/testing';
import type { Kysely } from 'kysely';
import { NodeApiModule } from '../node-api.module';
import { configureNodeApiHttp } from '../node-api.http';

export interface NodeApiTestAppOptions {
  /** The scratch database's name prefix, one per spec (`int_<subject>`). */
  readonly database: string;
  readonly network: string;
  /** The node's country; CO unless said. */
  readonly country?: string;
  /** More settings of node-api, over the ones every node needs (country, network, secret, key files, database). */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Who a test's token speaks for: the node's country unless said. */
export type TestUserClaims = Omit<DevelopmentTokenClaims, 'country'> & { readonly country?: string };

/**
 * node-api as it runs (its whole module, guards and audit) on a scratch database of the real PostgreSQL, for int
 * specs: its key files and users file in a temporary folder, its development issuer's secret, and tokens of any role
 * signed with it. The settings are in the environment only while the module starts.
 */
export class NodeApiTestApp {
  private constructor(
    readonly app: INestApplication,
    readonly scratch: ScratchDatabase<NodeDatabase>,
    /** The folder of the node's files (key-encryption key, audit key, users). */
    readonly home: string,
    /** Where node-api listens, without the API's base path (as NodeApiClient takes it). */
    readonly url: string,
    private readonly network: string,
    private readonly country: string,
    private readonly secret: string,
  ) {}

  static async start(options: NodeApiTestAppOptions): Promise<NodeApiTestApp> {
    const country = options.country ?? 'CO';
    const secret = `int-${randomUUID()}-${randomUUID()}`;
    const scratch = await ScratchDatabase.forNode(options.database);
    const home = await fs.mkdtemp(path.join(os.tmpdir(), `enlace-${options.database}-`));
    const kekFile = path.join(home, 'kek.json');
    const auditKeyFile = path.join(home, 'audit-key.json');
    const usersFile = path.join(home, 'users.json');
    await ensureKeyEncryptionKeyFile(kekFile);
    await ensureAuditKeyFile(auditKeyFile);
    await fs.writeFile(usersFile, '[]');
    const saved = { ...process.env };
    Object.assign(process.env, {
      ENLACE_COUNTRY: country,
      ENLACE_NETWORK: options.network,
      ENLACE_JWT_SECRET: secret,
      ENLACE_USERS_FILE: usersFile,
      ENLACE_CASE_KEK_FILE: kekFile,
      ENLACE_AUDIT_KEY_FILE: auditKeyFile,
      DATABASE_URL: scratch.url,
      ...options.settings,
    });
    try {
      const app = await NestFactory.create<NestExpressApplication>(NodeApiModule, { logger: false });
      configureNodeApiHttp(app);
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      return new NodeApiTestApp(app, scratch, home, `http://127.0.0.1:${port}`, options.network, country, secret);
    } catch (error) {
      await scratch.drop();
      await fs.rm(home, { recursive: true, force: true });
      throw error;
    } finally {
      process.env = saved;
    }
  }

  get db(): Kysely<NodeDatabase> {
    return this.scratch.db;
  }

  /** A bearer token of the node's development issuer for a user of these roles. */
  token(claims: TestUserClaims): Promise<string> {
    return signDevelopmentToken(this.secret, this.network, { ...claims, country: claims.country ?? this.country });
  }

  /** A client of the node's API signed in as a user of these roles. */
  async client(claims: TestUserClaims): Promise<NodeApiClient> {
    return new NodeApiClient(this.url, await this.token(claims));
  }

  /**
   * A typed client (libs/client) of the node's API signed in as a user of these roles; without claims, one that
   * sends no token.
   */
  async typedClient(claims?: TestUserClaims): Promise<TypedNodeApiClient> {
    const baseUrl = `${this.url}/api/v1`;
    return createNodeApiClient(claims ? { baseUrl, token: await this.token(claims) } : { baseUrl });
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.scratch.drop();
    await fs.rm(this.home, { recursive: true, force: true });
  }
}
