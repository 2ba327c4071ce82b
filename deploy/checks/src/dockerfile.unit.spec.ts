import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NODE_HEAP_LIMIT_ARG } from '@enlace/local-infra';

const DOCKER_DIR = path.resolve(__dirname, '..', '..', 'docker');

/** The Dockerfile's instructions, one per entry, continuation lines joined and comments left out. */
function instructions(): { keyword: string; args: string }[] {
  const text = readFileSync(path.join(DOCKER_DIR, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The instructions of the image's last stage: what runs in production. */
function runtimeStage() {
  const all = instructions();
  const lastFrom = all.map((instruction) => instruction.keyword).lastIndexOf('FROM');
  return all.slice(lastFrom);
}

// No container engine runs here, so the image's promises are checked where they are written.
describe('deploy/docker/Dockerfile', () => {
  it('should build in one stage and run from another, copying only the build output and production modules', () => {
    const froms = instructions().filter((instruction) => instruction.keyword === 'FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const copies = runtimeStage().filter((instruction) => instruction.keyword === 'COPY');
    for (const copy of copies) {
      expect(copy.args).toMatch(/^--from=build \/src\/(dist|node_modules|package\.json) |^deploy\/docker\//);
    }
    expect(instructions().some((i) => i.keyword === 'RUN' && i.args.includes('npm prune --omit=dev'))).toBe(true);
  });

  it('should run as a numeric user without privileges, never root', () => {
    const users = runtimeStage()
      .filter((instruction) => instruction.keyword === 'USER')
      .map((instruction) => instruction.args.split(':')[0]);
    expect(users).toHaveLength(1);
    expect(Number(users[0])).toBeGreaterThan(0);
    expect(['CMD', 'ENTRYPOINT']).toContain(runtimeStage().at(-1)?.keyword);
  });

  it('should choose the service by its command, naming each service the entry point knows', () => {
    const entry = readFileSync(path.join(DOCKER_DIR, 'enlace-service.mjs'), 'utf8');
    for (const service of ['node-api', 'courier', 'node', 'monitor', 'console', 'enlace']) {
      expect(entry).toMatch(new RegExp(`['"]?${service}['"]?: 'dist/`));
    }
    const cmd = runtimeStage().find((instruction) => instruction.keyword === 'CMD');
    expect(cmd?.args).toBe('["node-api"]');
  });

  it('should set the production mode in the image, so a forgotten setting cannot mean development security', () => {
    const env = runtimeStage()
      .filter((instruction) => instruction.keyword === 'ENV')
      .map((instruction) => instruction.args)
      .join(' ');
    expect(env).toContain('ENLACE_ENV=production');
  });

  it('should cap the heap as the local launcher does, so a process under load stays within its memory budget', () => {
    const env = runtimeStage()
      .filter((instruction) => instruction.keyword === 'ENV')
      .map((instruction) => instruction.args)
      .join(' ');
    expect(env).toContain(`NODE_OPTIONS=${NODE_HEAP_LIMIT_ARG}`);
  });
});
