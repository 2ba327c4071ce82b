// A worker thread of CopySealers: seals the personal content of a large node's case copies, each under a data key
// of its own, as node-api seals a case it receives (case-filler.ts writes what this returns).
import { parentPort, workerData } from 'node:worker_threads';
import { makeCaseKey, sealCaseData, SealedUse, type KeyEncryptionKey } from '@enlace/privacy';

/** What every job of a worker shares: the node's key-encryption key and the template case's opened content. */
export interface CopySealerData {
  readonly kek: KeyEncryptionKey;
  readonly content: { person?: Record<string, unknown> } & Record<string, unknown>;
}

/** Copies to seal: their case ids, and the place of the first in the whole fill (it picks each copy's names). */
export interface CopySealingJob {
  readonly ids: readonly string[];
  readonly firstIndex: number;
}

/** Per copy, in the order of the job's ids: its wrapped key (`case_keys.wrapped_key`) and its sealed `personal`. */
export interface SealedCopies {
  readonly wrappedKeys: string[];
  readonly personal: string[];
}

/** Names drawn in turn, so that the copies' persons (and their initials in a list) differ as real ones would. */
const FIRST_NAMES = ['Ana', 'Beatriz', 'Carmen', 'Diana', 'Elena', 'Fabiola', 'Gloria', 'Helena', 'Isabel', 'Julia'];
const SECOND_NAMES = ['Quispe', 'Rojas', 'Salazar', 'Torres', 'Urrutia', 'Vargas', 'Wilches', 'Yupanqui', 'Zapata'];

async function seal(data: CopySealerData, job: CopySealingJob): Promise<SealedCopies> {
  const wrappedKeys: string[] = [];
  const personal: string[] = [];
  for (const [offset, caseId] of job.ids.entries()) {
    const index = job.firstIndex + offset;
    const content = data.content.person
      ? {
          ...data.content,
          person: {
            ...data.content.person,
            firstName: FIRST_NAMES[index % FIRST_NAMES.length],
            secondName: SECOND_NAMES[Math.floor(index / FIRST_NAMES.length) % SECOND_NAMES.length],
          },
        }
      : data.content;
    const made = await makeCaseKey(data.kek, caseId);
    wrappedKeys.push(made.row.wrapped_key);
    personal.push(await sealCaseData(made.key, { caseId, purpose: SealedUse.personal }, content));
  }
  return { wrappedKeys, personal };
}

const port = parentPort;
if (port) {
  const data = workerData as CopySealerData;
  port.on('message', (job: CopySealingJob) => {
    seal(data, job).then(
      (sealed) => port.postMessage({ sealed }),
      (error: Error) => port.postMessage({ error: error.message }),
    );
  });
}
