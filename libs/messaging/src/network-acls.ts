// Who may do what on a network's topics: one SCRAM principal per country, one for the secretariat's monitor and one
// for the directory authority, with ACLs that grant each exactly its part (and nothing else: the network's broker
// runs with allow.everyone.if.no.acl.found=false). The local launcher and the operators' `enlace topics provision`
// apply the same policy.
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
  type Kafka,
} from 'kafkajs';
import { ConsumerGroups, TopicNames } from './topic-names';

/** User names: the network's name keeps two networks on one broker apart. */
export const PrincipalNames = {
  country: (network: string, country: string): string => `enlace-${network}-${country.toLowerCase()}`,
  monitor: (network: string): string => `enlace-${network}-monitor`,
  directoryAuthority: (network: string): string => `enlace-${network}-directory`,
} as const;

function allow(
  principal: string,
  resourceType: AclResourceTypes,
  resourceName: string,
  operation: AclOperationTypes,
  pattern: ResourcePatternTypes = ResourcePatternTypes.LITERAL,
): AclEntry {
  return {
    principal: `User:${principal}`,
    host: '*',
    resourceType,
    resourceName,
    resourcePatternType: pattern,
    operation,
    permissionType: AclPermissionTypes.ALLOW,
  };
}

/**
 * The ACLs of one network (READ and WRITE imply DESCRIBE; WRITE on a topic implies idempotent production):
 * - a country writes to every other country's inbox, its own dead letters, the deadlines, heartbeats, statistics and
 *   audit-checkpoints topics;
 *   it reads its own inbox and the directory, with consumer groups under its own prefix only;
 * - the monitor reads every inbox, every dead-letter topic, the deadlines, heartbeats, statistics, audit checkpoints
 *   and directory, with groups
 *   under its own prefix (and may delete them: its redrive reader's throwaway groups); it writes to inboxes only,
 *   for the dead-letter redrive of its supervisors: what it puts there are the original, signed bytes, which it
 *   cannot forge (every courier verifies the sender's signature) and whose replay changes nothing (idempotent inbox);
 * - the directory authority writes the directory topic, and nothing else.
 */
export function networkAcls(network: string, countries: readonly string[]): AclEntry[] {
  const { TOPIC, GROUP } = AclResourceTypes;
  const { READ, WRITE, DELETE } = AclOperationTypes;
  const acls: AclEntry[] = [];
  for (const country of countries) {
    const me = PrincipalNames.country(network, country);
    for (const other of countries) {
      if (other !== country) acls.push(allow(me, TOPIC, TopicNames.inbox(network, other), WRITE));
    }
    acls.push(
      allow(me, TOPIC, TopicNames.deadLetter(network, country), WRITE),
      allow(me, TOPIC, TopicNames.deadlines(network), WRITE),
      allow(me, TOPIC, TopicNames.heartbeats(network), WRITE),
      allow(me, TOPIC, TopicNames.statistics(network), WRITE),
      allow(me, TOPIC, TopicNames.auditCheckpoints(network), WRITE),
      allow(me, TOPIC, TopicNames.inbox(network, country), READ),
      allow(me, TOPIC, TopicNames.directory(network), READ),
      allow(me, GROUP, ConsumerGroups.countryPrefix(network, country), READ, ResourcePatternTypes.PREFIXED),
    );
  }
  const monitor = PrincipalNames.monitor(network);
  acls.push(
    allow(monitor, TOPIC, TopicNames.inbox(network, ''), READ, ResourcePatternTypes.PREFIXED),
    allow(monitor, TOPIC, TopicNames.deadLetter(network, ''), READ, ResourcePatternTypes.PREFIXED),
    allow(monitor, TOPIC, TopicNames.deadlines(network), READ),
    allow(monitor, TOPIC, TopicNames.heartbeats(network), READ),
    allow(monitor, TOPIC, TopicNames.statistics(network), READ),
    allow(monitor, TOPIC, TopicNames.auditCheckpoints(network), READ),
    allow(monitor, TOPIC, TopicNames.directory(network), READ),
    allow(monitor, GROUP, ConsumerGroups.monitorPrefix(network), READ, ResourcePatternTypes.PREFIXED),
    allow(monitor, GROUP, ConsumerGroups.monitorPrefix(network), DELETE, ResourcePatternTypes.PREFIXED),
    allow(monitor, TOPIC, TopicNames.inbox(network, ''), WRITE, ResourcePatternTypes.PREFIXED),
    allow(PrincipalNames.directoryAuthority(network), TOPIC, TopicNames.directory(network), WRITE),
  );
  return acls;
}

/** Creates the ACLs (as the super user); creating one that exists changes nothing. */
export async function applyNetworkAcls(admin: Kafka, acls: AclEntry[]): Promise<void> {
  const client = admin.admin();
  await client.connect();
  try {
    await client.createAcls({ acl: acls });
  } finally {
    await client.disconnect();
  }
}
