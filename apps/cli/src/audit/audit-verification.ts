import { AuditChainReport, AuditLogStore, loadAuditKey, verifyAuditChain } from '@enlace/audit';
import type { NodeDatabase } from '@enlace/store';
import type { Kysely } from 'kysely';
import { AuditCheckpointFile, readAuditCheckpointFile } from './audit-checkpoint.file';

export interface AuditVerificationOptions {
  /** The node's audit key file (ENLACE_AUDIT_KEY_FILE): without it, no sealed record can be checked. */
  readonly keyFile?: string;
  /** The last checkpoint, saved from the monitor: without it, a cut tail cannot be told. */
  readonly checkpointFile?: string;
  /** The network's directory file: the checkpoint's signature is checked against it. */
  readonly directoryFile?: string;
  /** The node's country, when known: a checkpoint of another country is refused. */
  readonly country?: string;
  /** Told how many records the log holds before the check, then each record checked (a progress bar). */
  readonly progress?: { readonly start: (total: number) => void; readonly checked: () => void };
}

export type AuditVerification = AuditChainReport & { readonly checkpoint?: AuditCheckpointFile };

/**
 * An audit of a node's log: every record's seal checked with the node's audit key (a rewrite fails its HMAC, however
 * the rest was re-hashed), and the log compared with the last checkpoint the monitor keeps (a cut tail ends before
 * it; a rewrite below it has another seal there).
 */
export async function verifyNodeAuditLog(
  db: Kysely<NodeDatabase>,
  options: AuditVerificationOptions,
): Promise<AuditVerification> {
  const key = options.keyFile === undefined ? undefined : await loadAuditKey(options.keyFile);
  const checkpoint =
    options.checkpointFile === undefined
      ? undefined
      : await readAuditCheckpointFile(options.checkpointFile, options.directoryFile);
  if (checkpoint && options.country !== undefined && checkpoint.country !== options.country) {
    throw new Error(`the checkpoint is of ${checkpoint.country}, not of ${options.country}`);
  }
  const records = new AuditLogStore(db).records();
  if (options.progress) {
    const { total } = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('total'))
      .executeTakeFirstOrThrow();
    options.progress.start(Number(total));
  }
  const report = await verifyAuditChain(options.progress ? counted(records, options.progress.checked) : records, {
    ...(key && { key }),
    ...(checkpoint && { checkpoint }),
  });
  return { ...report, ...(checkpoint && { checkpoint }) };
}

/** The same records, each one counted as it is read. */
async function* counted<T>(records: AsyncIterable<T>, checked: () => void): AsyncIterable<T> {
  for await (const record of records) {
    yield record;
    checked();
  }
}
