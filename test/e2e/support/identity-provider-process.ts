import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

/** The node API as the provider names it (a resource indicator): the audience of the access tokens for a node. */
export const NODE_API_RESOURCE = 'urn:enlace:node-api';
/** The monitor's API as the provider names it: the audience of the access tokens for the secretariat's monitor. */
export const MONITOR_RESOURCE = 'urn:enlace:monitor';

export interface IdentityProviderProcess {
  readonly issuer: string;
  readonly process: ChildProcess;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A real OpenID provider (identity-provider.ts beside this file: the oidc-provider package, which is an ES module, so
 * it runs as a process of its own), started for a test, issuing access tokens for `resources`; the test kills it.
 */
export async function startIdentityProvider(
  consoleUrl: string,
  resources: readonly string[],
): Promise<IdentityProviderProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 'identity-provider.ts'),
      String(await freePort()),
      consoleUrl,
      resources.join(','),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the identity provider did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the identity provider exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const ready = /^ready (\S+)$/m.exec(chunk.toString());
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
  });
  return { issuer, process: child };
}
