import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ConfigSchema, SettingsShape } from '@enlace/config';
// The chart is checked against the console server's own settings schema: a test of the app, not a dependency on it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { consoleServerConfigSchema } from '@enlace/console-server';
import { courierConfigSchema } from '@enlace/courier';
import { nodeApiConfigSchema } from '@enlace/node-api';
import { parseAllDocuments } from 'yaml';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CHART = path.join(REPO_ROOT, 'deploy', 'helm', 'enlace-node');
const CI_VALUES = path.join(CHART, 'ci', 'test-values.yaml');

/** The Helm `npm run test:int` built (scripts/ensure-helm.mjs), or the one ENLACE_HELM names. */
function helmBinary(): string {
  const { config } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    config: { helmVersion: string };
  };
  const helm =
    process.env['ENLACE_HELM'] ?? path.join(REPO_ROOT, '.enlace', 'tools', `helm-${config.helmVersion}`, 'helm');
  if (!existsSync(helm))
    throw new Error(`${helm} is missing: run the test through \`npm run test:int\`, which builds it`);
  return helm;
}

function helm(args: string[]): string {
  return execFileSync(helmBinary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

interface Manifest {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
}

interface Container {
  name: string;
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  securityContext?: Record<string, unknown>;
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
}

function rendered(extraArgs: string[] = []): Manifest[] {
  const text = helm(['template', 'enlace', CHART, '--values', CI_VALUES, ...extraArgs]);
  return parseAllDocuments(text)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
}

function podSpec(manifest: Manifest): {
  containers: Container[];
  initContainers?: Container[];
  securityContext: Record<string, unknown>;
} {
  return (manifest.spec as { template: { spec: ReturnType<typeof podSpec> } }).template.spec;
}

/** The configuration schema of the process each container command runs (the image's entry point names). */
const SCHEMAS: Readonly<Record<string, ConfigSchema<SettingsShape>>> = {
  'node-api': nodeApiConfigSchema,
  courier: courierConfigSchema,
  console: consoleServerConfigSchema,
};

// Kubernetes is not here; what can be checked without it is: the chart lints, its values are held to a schema,
// and the rendered manifests say what the services need.
describe('deploy/helm/enlace-node', () => {
  it('should lint clean with the values CI renders it with', () => {
    expect(() => helm(['lint', CHART, '--values', CI_VALUES, '--strict'])).not.toThrow();
  });

  it('should refuse values the schema does not allow, naming them', () => {
    let message = '';
    try {
      helm(['template', 'enlace', CHART, '--values', CI_VALUES, '--set', 'country=Colombia']);
    } catch (error) {
      message = String((error as { stderr?: string }).stderr ?? error);
    }
    expect(message).toMatch(/country/);
    expect(message).toMatch(/pattern|does not match/);
  });

  it('should run node-api, the courier and the console from one image, each chosen by its command', () => {
    const deployments = rendered().filter((manifest) => manifest.kind === 'Deployment');
    const commands = deployments.map((deployment) => podSpec(deployment).containers[0]?.args?.[0]).sort();
    expect(commands).toEqual(['console', 'courier', 'node-api']);
  });

  it('should run every pod as a user without privileges on a read-only file system', () => {
    for (const deployment of rendered().filter((manifest) => manifest.kind === 'Deployment')) {
      const spec = podSpec(deployment);
      expect(spec.securityContext['runAsNonRoot']).toBe(true);
      for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
        expect([deployment.metadata.name, container.securityContext?.['readOnlyRootFilesystem']]).toEqual([
          deployment.metadata.name,
          true,
        ]);
        expect(container.securityContext?.['allowPrivilegeEscalation']).toBe(false);
      }
    }
  });

  it('should take secrets from Kubernetes Secrets, never as values in the manifests', () => {
    const manifests = rendered();
    expect(manifests.some((manifest) => manifest.kind === 'Secret')).toBe(false);
    const env = manifests
      .filter((manifest) => manifest.kind === 'Deployment')
      .flatMap((deployment) => podSpec(deployment).containers.flatMap((container) => container.env ?? []));
    for (const name of ['DATABASE_URL', 'KAFKA_SASL_PASSWORD']) {
      const settings = env.filter((variable) => variable.name === name);
      expect(settings.length).toBeGreaterThan(0);
      for (const setting of settings)
        expect([name, setting.value, setting.valueFrom]).toEqual([name, undefined, expect.anything()]);
    }
  });

  it('should wire the probes of node-api and the courier to their health endpoints', () => {
    for (const deployment of rendered().filter((manifest) => manifest.kind === 'Deployment')) {
      const [container] = podSpec(deployment).containers;
      if (container?.args?.[0] === 'console') continue;
      expect(container?.readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(container?.livenessProbe?.httpGet?.path).toBe('/health/live');
    }
  });

  it('should have the courier reach the brokers over TLS, trusting the network authority only when given', () => {
    const courierEnv = (extra: string[]) => {
      const courier = rendered(extra).find(
        (manifest) => manifest.kind === 'Deployment' && podSpec(manifest).containers[0]?.args?.[0] === 'courier',
      );
      return Object.fromEntries(
        (courier ? (podSpec(courier).containers[0]?.env ?? []) : []).map((variable) => [variable.name, variable.value]),
      );
    };
    expect(courierEnv([])).toMatchObject({ KAFKA_SSL: 'true' });
    expect(courierEnv([])).not.toHaveProperty('KAFKA_SSL_CA_FILE');
    expect(courierEnv(['--set', 'kafka.privateCa=true'])).toMatchObject({
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/run/secrets/enlace/kafka-ca.pem',
    });
  });

  it('should render a ServiceMonitor only when asked', () => {
    expect(rendered().filter((manifest) => manifest.kind === 'ServiceMonitor')).toHaveLength(1);
    const without = rendered(['--set', 'metrics.serviceMonitor.enabled=false']);
    expect(without.filter((manifest) => manifest.kind === 'ServiceMonitor')).toHaveLength(0);
  });

  it('should set only settings its services read, and every setting they require', () => {
    const problems: string[] = [];
    for (const deployment of rendered().filter((manifest) => manifest.kind === 'Deployment')) {
      const [container] = podSpec(deployment).containers;
      const command = container?.args?.[0] ?? '?';
      const schema = SCHEMAS[command];
      if (!schema) {
        problems.push(`${deployment.metadata.name}: no schema for the command ${command}`);
        continue;
      }
      const known = new Map(schema.settings().map((setting) => [setting.name, setting]));
      const set = new Set((container?.env ?? []).map((variable) => variable.name));
      for (const name of set) if (!known.has(name)) problems.push(`${command} does not read ${name}`);
      for (const [name, setting] of known) {
        if (setting.required === true && !set.has(name)) problems.push(`${command} requires ${name}, not set`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("should give node-api and the console settings their schemas accept, production's rules included", () => {
    for (const deployment of rendered().filter((manifest) => manifest.kind === 'Deployment')) {
      const [container] = podSpec(deployment).containers;
      const command = container?.args?.[0] ?? '?';
      if (command !== 'node-api' && command !== 'console') continue;
      // A Secret's value stands in as a well-formed one: the manifests never hold secrets themselves.
      const env = Object.fromEntries(
        (container?.env ?? []).map((variable) => [
          variable.name,
          variable.value ?? (variable.name === 'DATABASE_URL' ? 'postgres://enlace@db:5432/enlace_co' : 'a-secret'),
        ]),
      );
      expect(() => SCHEMAS[command]?.read(env)).not.toThrow();
    }
  });
});
