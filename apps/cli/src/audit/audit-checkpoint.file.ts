import * as fs from 'node:fs/promises';
import type { AnchoredHead } from '@enlace/audit';
import { FileMemberDirectory, NodeStatementVerifier } from '@enlace/envelope';

/** The JWS `typ` a node signs its audit checkpoints with (courier: AuditCheckpointPublisher). */
const AUDIT_CHECKPOINT_JWS_TYP = 'enlace-audit-checkpoint+jws';

/** A checkpoint as read for an audit: the anchored head, its country, and whether its signature was checked. */
export interface AuditCheckpointFile extends AnchoredHead {
  readonly country: string;
  readonly signatureChecked: boolean;
}

interface CheckpointJson {
  readonly country?: unknown;
  readonly sequence?: unknown;
  readonly headMac?: unknown;
  readonly at?: unknown;
  readonly statement?: unknown;
}

function anchoredHeadOf(json: CheckpointJson, file: string): Omit<AuditCheckpointFile, 'signatureChecked'> {
  const { country, sequence, headMac, at } = json;
  if (
    typeof country !== 'string' ||
    typeof sequence !== 'number' ||
    !Number.isSafeInteger(sequence) ||
    sequence < 1 ||
    typeof headMac !== 'string' ||
    !/^[0-9a-f]{64}$/.test(headMac) ||
    typeof at !== 'string'
  ) {
    throw new Error(`${file} is not an audit checkpoint (country, sequence, headMac, at)`);
  }
  return { country, sequence, headMac, at };
}

/**
 * Reads the checkpoint an auditor saved from the monitor (GET /api/v1/audit-checkpoints/{country}/latest). Given the
 * network's directory file, the node's signature on it is checked and what the node signed is used, so that neither
 * the monitor nor whoever handed the file over can change it; without one, the file is taken as it is.
 */
export async function readAuditCheckpointFile(file: string, directoryFile?: string): Promise<AuditCheckpointFile> {
  let json: CheckpointJson;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8')) as CheckpointJson;
  } catch (error) {
    throw new Error(`${file} cannot be read as JSON (${(error as NodeJS.ErrnoException).code ?? 'syntax error'})`);
  }
  if (directoryFile === undefined) return { ...anchoredHeadOf(json, file), signatureChecked: false };
  if (typeof json.statement !== 'string') throw new Error(`${file} holds no signed statement to check`);
  const verifier = new NodeStatementVerifier(await FileMemberDirectory.load(directoryFile));
  const signed = await verifier.verify(AUDIT_CHECKPOINT_JWS_TYP, json.statement);
  return { ...anchoredHeadOf(signed, file), signatureChecked: true };
}
