import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const DASHBOARD = path.join(REPO_ROOT, 'deploy', 'grafana', 'enlace-node.dashboard.json');

interface Dashboard {
  uid: string;
  panels: { title: string; targets: { expr: string }[] }[];
}

/** Every TypeScript file of the services' and libraries' code, where metrics are registered by name. */
function sourceText(folder: string): string {
  return readdirSync(path.join(REPO_ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

/** The metric a query names, without the suffixes Prometheus adds to a histogram's and a counter's series. */
const metricOf = (name: string) => name.replace(/_(bucket|sum|count)$/, '');

// A renamed metric leaves a dashboard panel empty without any error: the dashboard is checked against the code.
describe('deploy/grafana/enlace-node.dashboard.json', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
  const code = `${sourceText('libs')}\n${sourceText('services')}`;

  it('should query only metrics the services register', () => {
    const named = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) => target.expr.match(/\benlace_[a-z_]+/g) ?? []),
    );
    expect(named.length).toBeGreaterThan(10);
    const unknown = [...new Set(named.map(metricOf))].filter(
      (metric) => !metric.startsWith('enlace_process_') && !code.includes(`'${metric}'`),
    );
    expect(unknown).toEqual([]);
  });

  it('should break nothing down by a case, a person or an envelope', () => {
    const groupings = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) => [...target.expr.matchAll(/by \(([^)]*)\)/g)].map((match) => match[1] ?? '')),
    );
    for (const labels of groupings) expect(labels).not.toMatch(/case|person|envelope|correlation/i);
  });
});
