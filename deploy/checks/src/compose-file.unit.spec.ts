import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const COMPOSE_DIR = path.resolve(__dirname, '..', '..', 'compose');

/**
 * The compose file cannot be run here (no container engine), so it is checked against the Compose Specification's
 * own JSON schema (compose-spec.schema.json: the compose-spec project's schema/compose-spec.json, kept as it is
 * published), as `docker compose config` would before starting anything.
 */
function composeValidator() {
  const schema = JSON.parse(readFileSync(path.join(COMPOSE_DIR, 'compose-spec.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete schema['$schema'];
  // The specification names formats (durations, ports) that only a Compose implementation interprets.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  return ajv.compile(schema);
}

function composeFile(): Record<string, unknown> {
  return parse(readFileSync(path.join(COMPOSE_DIR, 'compose.yaml'), 'utf8'), { merge: true }) as Record<
    string,
    unknown
  >;
}

describe('deploy/compose/compose.yaml', () => {
  const validate = composeValidator();

  it('should follow the Compose Specification', () => {
    const valid = validate(composeFile());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('should be refused by the same check when a service is misspelt (the check can fail)', () => {
    const broken = composeFile();
    const services = broken['services'] as Record<string, Record<string, unknown>>;
    services['courier'] = { ...services['courier'], comand: ['courier'] };
    expect(validate(broken)).toBe(false);
  });

  it('should run every service as the image does: read-only, no privileges to gain, from its one image', () => {
    const services = composeFile()['services'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(services).sort()).toEqual(['console', 'courier', 'node-api']);
    for (const service of Object.values(services)) {
      expect(service['read_only']).toBe(true);
      expect(service['cap_drop']).toEqual(['ALL']);
      expect(service['security_opt']).toContain('no-new-privileges:true');
      expect(service['image']).toBe('${ENLACE_IMAGE:-enlace:latest}');
    }
  });

  it("should publish ports on the loopback only (a TLS proxy in front is the operator's)", () => {
    const services = composeFile()['services'] as Record<string, { ports?: string[] }>;
    const published = Object.values(services).flatMap((service) => service.ports ?? []);
    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(port).toMatch(/^'?127\.0\.0\.1:/);
  });
});
