import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** Every file under `dir` whose bytes contain `marker` (UTF-8): for proving personal data is not at rest there. */
export async function filesContaining(dir: string, marker: string): Promise<string[]> {
  const needle = Buffer.from(marker, 'utf8');
  const found: string[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await fs.readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && (await fs.readFile(full)).includes(needle)) found.push(full);
    }
  };
  await walk(dir);
  return found;
}
