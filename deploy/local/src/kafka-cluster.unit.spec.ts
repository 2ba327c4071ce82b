import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kafkaClusterMembers, kafkaClusterSize, requestedClusterSize, type KafkaClusterMember } from './kafka-cluster';
import { serverProperties } from './kafka-process';
import { resolvePaths, resolvePorts } from './paths';

const admin = { mechanism: 'scram-sha-512' as const, username: 'enlace-admin', password: 'pw' };

describe('the local Kafka cluster', () => {
  const env = { ENLACE_HOME: '/tmp/enlace-spec', ENLACE_KAFKA_PORT: '29192', ENLACE_KAFKA_CONTROLLER_PORT: '29193' };

  it('should give each of three brokers its own id, ports and files, every controller a voter', () => {
    const members = kafkaClusterMembers(resolvePaths(env), resolvePorts(env), 3);
    const [, member2] = members as [KafkaClusterMember, KafkaClusterMember, KafkaClusterMember];
    expect(members.map((member) => member.ports.kafka)).toEqual([29192, 29202, 29212]);
    expect(members.map((member) => member.paths.kafka.data)).toEqual([
      '/tmp/enlace-spec/kafka/data',
      '/tmp/enlace-spec/kafka/broker-2/data',
      '/tmp/enlace-spec/kafka/broker-3/data',
    ]);
    expect(new Set(members.map((member) => member.paths.kafka.pidFile)).size).toBe(3);
    const second = serverProperties(member2.paths, member2.ports, admin, undefined, member2);
    expect(second).toContain('node.id=2');
    expect(second).toContain('controller.quorum.voters=1@127.0.0.1:29193,2@127.0.0.1:29203,3@127.0.0.1:29213');
    expect(second).toContain('listeners=CLIENT://127.0.0.1:29202,CONTROLLER://127.0.0.1:29203');
    expect(second).toContain('log.dirs=/tmp/enlace-spec/kafka/broker-2/data');
  });

  it('should give topics three copies with two in sync on three brokers, and one on a single broker', () => {
    const [first] = kafkaClusterMembers(resolvePaths(env), resolvePorts(env), 3) as [KafkaClusterMember];
    const cluster = serverProperties(first.paths, first.ports, admin, undefined, first);
    for (const line of [
      'default.replication.factor=3',
      'min.insync.replicas=2',
      'offsets.topic.replication.factor=3',
      'transaction.state.log.replication.factor=3',
      'transaction.state.log.min.isr=2',
    ]) {
      expect(cluster).toContain(line);
    }
    const single = serverProperties(resolvePaths(env), resolvePorts(env), admin);
    expect(single).toContain('default.replication.factor=1');
    expect(single).toContain('min.insync.replicas=1');
  });

  it('should refuse a size other than 1 to 3', () => {
    expect(requestedClusterSize({})).toBeUndefined();
    expect(requestedClusterSize({ ENLACE_KAFKA_CLUSTER_SIZE: '3' })).toBe(3);
    expect(() => requestedClusterSize({ ENLACE_KAFKA_CLUSTER_SIZE: '4' })).toThrow('from 1 to 3');
    expect(() => requestedClusterSize({ ENLACE_KAFKA_CLUSTER_SIZE: 'x' })).toThrow('ENLACE_KAFKA_CLUSTER_SIZE');
  });

  it('should keep the size the storage was formatted for, and refuse another with how to start anew', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'enlace-cluster-spec-'));
    try {
      const paths = resolvePaths({ ENLACE_HOME: home });
      expect(kafkaClusterSize({}, paths)).toBe(1);
      fs.mkdirSync(paths.kafka.data, { recursive: true });
      fs.writeFileSync(path.join(paths.kafka.data, 'meta.properties'), 'node.id=1\n');
      // formatted before clusters existed: one broker
      expect(kafkaClusterSize({}, paths)).toBe(1);
      fs.writeFileSync(paths.kafka.clusterSizeFile, '3\n');
      expect(kafkaClusterSize({}, paths)).toBe(3);
      expect(() => kafkaClusterSize({ ENLACE_KAFKA_CLUSTER_SIZE: '1' }, paths)).toThrow(
        /formatted for 3 broker\(s\), not 1: stop it/,
      );
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
