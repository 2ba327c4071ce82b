import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalNetwork, NetworkMember, startLocalNetwork } from '@enlace/local-infra';
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
      basePort: 20000 + Math.floor(Math.random() * 20000),
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

  async stop(): Promise<void> {
    await this.net.stop();
    await fs.rm(this.home, { recursive: true, force: true });
  }
}
