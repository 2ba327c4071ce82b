import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { SchemaId } from './generated/schemas.generated';
import { MessageValidator } from './message-validator';
import { MESSAGE_TYPES } from './message-types';

type Node = Record<string, unknown>;

const CONTRACTS = path.resolve(__dirname, '..', '..', '..', 'contracts');
const DOCUMENT_FILE = path.join(CONTRACTS, 'asyncapi', 'enlace.asyncapi.yaml');
const document = parse(readFileSync(DOCUMENT_FILE, 'utf8')) as Node;
const components = document.components as Node;
const messages = components.messages as Record<string, Node>;
const validator: MessageValidator = new MessageValidator();

function refsIn(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  const own = typeof (node as Node).$ref === 'string' ? [(node as Node).$ref as string] : [];
  return [...own, ...Object.values(node as Node).flatMap(refsIn)];
}

function resolvePointer(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node === undefined || node === null ? undefined : (node as Node)[key]), root);
}

/** What a $ref of the document points at: a part of the document, or a part of a file beside it. */
function resolveRef(ref: string): unknown {
  const [file, pointer = ''] = ref.split('#');
  if (!file) return resolvePointer(document, pointer);
  const target = path.resolve(path.dirname(DOCUMENT_FILE), file);
  if (!existsSync(target)) return undefined;
  return resolvePointer(JSON.parse(readFileSync(target, 'utf8')), pointer);
}

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(full);
    return entry.name.endsWith('.schema.json') ? [full] : [];
  });
}

/** The $id of the JSON Schema file a message's payload references, if it references one. */
function payloadSchemaId(message: Node): string | undefined {
  const payload = message.payload as Node;
  const ref = (payload.schema as Node | undefined)?.$ref;
  return typeof ref === 'string' ? ((resolveRef(ref) as Node).$id as string) : undefined;
}

describe('AsyncAPI document', () => {
  it('should be AsyncAPI 3.0.0 with a Kafka server whose host is a variable', () => {
    const servers = Object.values(document.servers as Record<string, Node>);

    expect(document.asyncapi).toBe('3.0.0');
    expect(servers).toEqual([
      expect.objectContaining({ host: '{host}', protocol: 'kafka', variables: { host: expect.any(Object) } }),
    ]);
  });

  it('should resolve every $ref, inside the document and to the files beside it', () => {
    const unresolved = refsIn(document).filter((ref) => resolveRef(ref) === undefined);

    expect(unresolved).toEqual([]);
  });

  it('should reference every message schema file', () => {
    const referenced = new Set(
      refsIn(document)
        .filter((ref) => !ref.startsWith('#'))
        .map((ref) => path.resolve(path.dirname(DOCUMENT_FILE), ref.split('#')[0] as string)),
    );

    expect(schemaFiles(path.join(CONTRACTS, 'messages')).filter((file) => !referenced.has(file))).toEqual([]);
  });

  it('should describe the inbox, directory, dead-letter, deadline, heartbeat, statistics and audit checkpoint topics', () => {
    const channels = document.channels as Record<string, Node>;
    const addresses = Object.values(channels).map((channel) => channel.address);

    expect(addresses).toEqual([
      'enlace.{network}.inbox.{country}',
      'enlace.{network}.directory',
      'enlace.{network}.deadletter.{country}',
      'enlace.{network}.deadlines',
      'enlace.{network}.heartbeats',
      'enlace.{network}.statistics',
      'enlace.{network}.audit-checkpoints',
    ]);
    expect(resolvePointer(channels.directory, '/bindings/kafka/topicConfiguration/cleanup.policy')).toEqual([
      'compact',
    ]);
  });

  it('should key envelopes by case id', () => {
    expect(resolvePointer(messages.Envelope, '/bindings/kafka/key/description')).toContain('caseId');
  });

  it('should name why and where from in dead-letter headers', () => {
    const headers = Object.keys((messages.DeadLetter?.headers as Node).properties as Node);

    expect(headers.sort()).toEqual(
      [
        'enlace-dead-letter-reason',
        'enlace-dead-letter-detail',
        'enlace-original-topic',
        'enlace-original-partition',
        'enlace-original-offset',
        'enlace-dead-lettered-at',
      ].sort(),
    );
  });

  it('should send and receive on every channel, with messages of that channel', () => {
    const operations = Object.values(document.operations as Record<string, Node>);

    for (const channelRef of ['#/channels/inbox', '#/channels/directory', '#/channels/deadLetter']) {
      const onChannel = operations.filter((operation) => (operation.channel as Node).$ref === channelRef);
      expect([channelRef, onChannel.map((operation) => operation.action).sort()]).toEqual([
        channelRef,
        ['receive', 'send'],
      ]);
      for (const operation of onChannel) {
        for (const ref of refsIn(operation.messages)) expect(ref.startsWith(`${channelRef}/messages/`)).toBe(true);
      }
    }
  });

  it('should have one message per payload type, referencing that type’s schema as JSON Schema 2020-12', () => {
    for (const [type, schemaId] of Object.entries(MESSAGE_TYPES)) {
      const message = Object.values(messages).find((candidate) => candidate.name === type);
      expect([type, message && payloadSchemaId(message)]).toEqual([type, schemaId]);
      expect((message?.payload as Node).schemaFormat).toBe('application/schema+json;version=draft-2020-12');
    }
  });

  it.each(Object.keys(messages))('should give %s examples that conform to its schema', (name) => {
    const message = messages[name] as Node;
    const examples = message.examples as Node[];
    const schemaId = payloadSchemaId(message);

    expect(examples.length).toBeGreaterThan(0);
    if (schemaId) {
      for (const example of examples) expect(validator.validate(schemaId as SchemaId, example.payload)).toEqual([]);
    }
  });
});
