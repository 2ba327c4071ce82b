import { Admin, Kafka } from 'kafkajs';

/**
 * Whether the broker answers now, for a readiness probe: one admin connection kept between probes (no new
 * connection every few seconds), dropped when the broker stops answering and made again at the next probe. No
 * retries of its own: the probe asks again soon, and must answer before its own timeout.
 */
export class BrokerProbe {
  private admin?: Admin;

  constructor(private readonly kafka: Kafka) {}

  async check(): Promise<void> {
    try {
      this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
      await this.admin.connect();
      await this.admin.describeCluster();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
