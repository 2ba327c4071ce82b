import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CopySealerData, CopySealingJob, SealedCopies } from './copy-sealer.worker';

/**
 * Worker threads that seal case copies in parallel (copy-sealer.worker.ts): a batch is split among them, and the
 * main thread writes one batch while they seal the next. One per core the machine offers.
 */
export class CopySealers {
  private constructor(private readonly workers: readonly Worker[]) {}

  /** `count` workers (default: one per core), each given the key-encryption key and the template's content. */
  static start(data: CopySealerData, count = os.availableParallelism()): CopySealers {
    // The bench runs from its TypeScript sources (tsx); a worker's entry file is not one tsx's hooks reach, so the
    // worker registers tsx's require hook itself, then requires its source.
    const entry = [require.resolve('tsx/cjs/api'), path.join(__dirname, 'copy-sealer.worker.ts')];
    const code = `require(${JSON.stringify(entry[0])}).register(); require(${JSON.stringify(entry[1])});`;
    return new CopySealers(
      Array.from({ length: Math.max(1, count) }, () => new Worker(code, { eval: true, workerData: data })),
    );
  }

  /** The copies `ids` sealed, in their order; `firstIndex` is the place of the first in the whole fill. */
  async seal(ids: readonly string[], firstIndex: number): Promise<SealedCopies> {
    const share = Math.ceil(ids.length / this.workers.length);
    const parts = await Promise.all(
      this.workers.map((worker, i) =>
        this.run(worker, { ids: ids.slice(i * share, (i + 1) * share), firstIndex: firstIndex + i * share }),
      ),
    );
    return {
      wrappedKeys: parts.flatMap((part) => part.wrappedKeys),
      personal: parts.flatMap((part) => part.personal),
    };
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private run(worker: Worker, job: CopySealingJob): Promise<SealedCopies> {
    if (job.ids.length === 0) return Promise.resolve({ wrappedKeys: [], personal: [] });
    return new Promise((resolve, reject) => {
      const answered = (reply: { sealed?: SealedCopies; error?: string }) => {
        worker.off('error', failed);
        if (reply.sealed) resolve(reply.sealed);
        else reject(new Error(`a copy sealer failed: ${reply.error}`));
      };
      const failed = (error: Error) => {
        worker.off('message', answered);
        reject(error);
      };
      worker.once('message', answered);
      worker.once('error', failed);
      worker.postMessage(job);
    });
  }
}
