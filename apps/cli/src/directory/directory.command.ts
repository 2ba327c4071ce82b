import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { DirectoryAuthority, generateNodeKeys, readPublicKeys, saveNodeKeys, type IssuedEntry } from '@enlace/envelope';
import { DirectoryEntryPublisher, KafkaEnvelopePublisher } from '@enlace/messaging';
import { countryCode as country, seconds } from '../cli-arguments';
import { operatorKafka } from '../kafka-admin';

interface AuthorityOptions {
  dir: string;
  network: string;
  publish?: boolean;
  brokers?: string;
}

function describe(issued: IssuedEntry): string {
  const { entry } = issued;
  const keys = entry.signingKeys
    .map(
      (key) =>
        `${key.jwk.kid}${key.validFrom ? ` from ${key.validFrom}` : ''}${key.validUntil ? ` until ${key.validUntil}` : ''}`,
    )
    .join('; ');
  const status = `${entry.revokedAt ? ` REVOKED ${entry.revokedAt}` : ''}${entry.removedAt ? ` REMOVED ${entry.removedAt}` : ''}`;
  return `${entry.country} ${entry.nodeId} issued ${entry.issuedAt}${status}  signing: ${keys}`;
}

/** Publishes with KAFKA_SASL_* of the environment: the directory authority's principal, or the broker's admin. */
async function publish(options: AuthorityOptions, entries: IssuedEntry[]): Promise<void> {
  const producer = new KafkaEnvelopePublisher(operatorKafka(options.brokers, 'enlace-directory-authority'));
  try {
    const publisher = new DirectoryEntryPublisher(producer, options.network);
    await publisher.publish(entries.map(({ entry, signed }) => ({ country: entry.country, signed })));
  } finally {
    await producer.disconnect();
  }
  console.log(`published ${entries.length} record(s) on enlace.${options.network}.directory`);
}

async function afterChange(options: AuthorityOptions, issued: IssuedEntry): Promise<void> {
  console.log(describe(issued));
  if (options.publish) await publish(options, [issued]);
}

/** `enlace directory ...`: the network's directory authority (`npm run directory` runs it too). */
export function directoryCommand(): Command {
  const program = new Command('directory')
    .description("The network's directory authority: signed member entries on the compacted directory topic")
    .requiredOption(
      '-d, --dir <folder>',
      "the authority's folder: trust anchor private key, trust-anchors.json, entries",
    )
    .requiredOption('-n, --network <name>', 'the network')
    .option('-b, --brokers <list>', 'Kafka bootstrap servers (default KAFKA_BROKERS); credentials from KAFKA_SASL_*');

  const common = (command: Command): AuthorityOptions => command.optsWithGlobals<AuthorityOptions>();

  program
    .command('init')
    .description('create the trust anchor (once) and print where its public key file is, for every node')
    .action(async (_options, command: Command) => {
      const options = common(command);
      const authority = await DirectoryAuthority.open(options.dir, options.network);
      console.log(`trust anchors (give this file to every node): ${authority.trustAnchorsFile}`);
    });

  program
    .command('keygen')
    .description(
      "make a node's key pair: the private file stays with the node, <file>.public.json goes to the authority",
    )
    .requiredOption('-c, --country <CC>', 'the member country', country)
    .requiredOption('-o, --out <file>', "the node's private key file (written with mode 0600)")
    .action(async (options: { country: string; out: string }) => {
      const { nodeKeys, publicKeys } = await generateNodeKeys(options.country);
      await saveNodeKeys(options.out, nodeKeys);
      await writeFile(
        `${options.out}.public.json`,
        `${JSON.stringify({ country: options.country, ...publicKeys }, null, 2)}\n`,
      );
      console.log(`wrote ${options.out} and ${options.out}.public.json`);
    });

  program
    .command('issue')
    .description("sign a member's entry with its public keys")
    .requiredOption('-c, --country <CC>', 'the member country', country)
    .requiredOption('-k, --public-keys <file>', "the node's public keys (<key file>.public.json)")
    .option('--node-id <id>', "the node's id (default <network>-<cc>-1)")
    .option('--organisation <name...>', 'organisations taking part through the node', [])
    .option('--valid-until <date-time>', 'end of the entry (ISO 8601)')
    .option('-p, --publish', 'publish it at once')
    .action(
      async (
        options: { country: string; publicKeys: string; nodeId?: string; organisation: string[]; validUntil?: string },
        command: Command,
      ) => {
        const global = common(command);
        const authority = await DirectoryAuthority.open(global.dir, global.network);
        const keys = await readPublicKeys(options.publicKeys);
        const issued = await authority.issue({
          country: options.country,
          nodeId: options.nodeId ?? `${global.network}-${options.country.toLowerCase()}-1`,
          organisations: options.organisation.map((name) => ({ name })),
          ...keys,
          validFrom: new Date().toISOString(),
          ...(options.validUntil !== undefined && { validUntil: new Date(options.validUntil).toISOString() }),
        });
        await afterChange(global, issued);
      },
    );

  program
    .command('rotate')
    .description("add a member's new signing key; the old ones stay valid for the overlap")
    .requiredOption('-c, --country <CC>', 'the member country', country)
    .requiredOption('-k, --public-keys <file>', "the node's new public keys (<key file>.public.json)")
    .option('--overlap <seconds>', 'how long the old keys stay valid', seconds, 3600)
    .option('-p, --publish', 'publish it at once')
    .action(async (options: { country: string; publicKeys: string; overlap: number }, command: Command) => {
      const global = common(command);
      const authority = await DirectoryAuthority.open(global.dir, global.network);
      const { signingKey } = await readPublicKeys(options.publicKeys);
      await afterChange(global, await authority.rotate(options.country, signingKey, options.overlap * 1000));
    });

  program
    .command('revoke')
    .description('revoke a member: its envelopes are dead-lettered as REVOKED_SENDER, nothing is sealed for it')
    .requiredOption('-c, --country <CC>', 'the member country', country)
    .option('-p, --publish', 'publish it at once')
    .action(async (options: { country: string }, command: Command) => {
      const global = common(command);
      const authority = await DirectoryAuthority.open(global.dir, global.network);
      await afterChange(global, await authority.revoke(options.country));
    });

  program
    .command('publish')
    .description('publish the latest entry of the given members (all when none is named)')
    .argument('[countries...]', 'member countries', (value: string, previous: string[] = []) => [
      ...previous,
      country(value),
    ])
    .action(async (countries: string[] | undefined, _options, command: Command) => {
      const global = common(command);
      const authority = await DirectoryAuthority.open(global.dir, global.network);
      const all = await authority.all();
      const chosen = countries?.length ? all.filter(({ entry }) => countries.includes(entry.country)) : all;
      await publish(global, chosen);
    });

  program
    .command('remove')
    .description(
      'remove a member with a signed entry: every node forgets it (its envelopes: UNKNOWN_SENDER), and an older entry ' +
        'replayed afterwards is ignored',
    )
    .requiredOption('-c, --country <CC>', 'the member country', country)
    .option('-p, --publish', 'publish it at once')
    .action(async (options: { country: string }, command: Command) => {
      const global = common(command);
      const authority = await DirectoryAuthority.open(global.dir, global.network);
      await afterChange(global, await authority.remove(options.country));
    });

  program
    .command('list')
    .description('the entries this authority issued')
    .action(async (_options, command: Command) => {
      const global = common(command);
      const authority = await DirectoryAuthority.open(global.dir, global.network);
      for (const issued of await authority.all()) console.log(describe(issued));
    });

  return program;
}
