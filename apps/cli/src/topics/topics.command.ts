import { Command } from 'commander';
import {
  DEFAULT_DEAD_LETTER_RETENTION_DAYS,
  applyNetworkAcls,
  networkAcls,
  provisionNetworkTopics,
} from '@enlace/messaging';
import { countryList, wholeNumber } from '../cli-arguments';
import { CliOutput } from '../cli-output';
import { operatorKafka } from '../kafka-admin';

interface ProvisionOptions {
  network: string;
  countries: string[];
  brokers?: string;
  partitions: number;
  replicationFactor: number;
  deadLetterRetentionDays: number;
  acls: boolean;
  json?: boolean;
}

/** `enlace topics ...`: the network's topics and who may use them, on any Kafka the settings point to. */
export function topicsCommand(): Command {
  const topics = new Command('topics').description("the network's topics on its Kafka");
  topics
    .command('provision')
    .description(
      "create the network's topics that are missing (inboxes, dead letters, directory, deadlines, heartbeats) and " +
        'the ACLs that give each member, the monitor and the directory authority exactly their part; topics that ' +
        'exist are left as they are',
    )
    .requiredOption('-n, --network <name>', 'the network')
    .requiredOption('-c, --countries <list>', 'the member countries, comma-separated (e.g. CO,EC,PE)', countryList)
    .option('-b, --brokers <list>', 'Kafka bootstrap servers (default KAFKA_BROKERS); credentials from KAFKA_SASL_*')
    .option('--partitions <n>', 'partitions of each inbox', wholeNumber(1), 3)
    .option('--replication-factor <n>', 'copies of every partition (3 on a production cluster)', wholeNumber(1), 3)
    .option(
      '--dead-letter-retention-days <n>',
      'how long a dead letter is kept',
      wholeNumber(1),
      DEFAULT_DEAD_LETTER_RETENTION_DAYS,
    )
    .option('--no-acls', 'create the topics only (a broker without authorisation)')
    .option('--json', 'print the result as JSON')
    .action(async (options: ProvisionOptions) => {
      const output = new CliOutput(options.json === true);
      const kafka = operatorKafka(options.brokers, 'enlace-cli-topics');
      const topicsResult = await provisionNetworkTopics(kafka, {
        network: options.network,
        countries: options.countries,
        partitions: options.partitions,
        replicationFactor: options.replicationFactor,
        deadLetterRetentionDays: options.deadLetterRetentionDays,
      });
      const acls = options.acls ? networkAcls(options.network, options.countries) : [];
      if (acls.length > 0) await applyNetworkAcls(kafka, acls);
      for (const topic of topicsResult.created) output.say(`created  ${topic}`);
      for (const topic of topicsResult.existing) output.say(`existing ${topic} (left as it was)`);
      output.say(
        `${topicsResult.created.length} topic(s) created, ${topicsResult.existing.length} already there; ` +
          `${acls.length} ACL(s) applied`,
      );
      output.done({ network: options.network, ...topicsResult, aclsApplied: acls.length });
    });
  return topics;
}
