import { EnvelopeMetrics, envelopeLabels } from './envelope.metrics';
import { MetricsRegistry } from './metrics-registry';

describe('envelopeLabels', () => {
  it('should keep the corridor and the type of a well-formed header', () => {
    expect(envelopeLabels({ from: 'CO', to: 'EC', type: 'referral.requested.v1' })).toEqual({
      from: 'CO',
      to: 'EC',
      type: 'referral.requested.v1',
    });
  });

  it('should turn what a forged or broken header claims into unknown, never into a new series of its choosing', () => {
    expect(envelopeLabels({ from: 'Maria Lopez', to: 42, type: 'referral.requested.v1"} 1\nevil{' })).toEqual({
      from: 'unknown',
      to: 'unknown',
      type: 'unknown',
    });
    expect(envelopeLabels({})).toEqual({ from: 'unknown', to: 'unknown', type: 'unknown' });
  });
});

describe('EnvelopeMetrics', () => {
  it('should give node-api and the courier of one process the same counter, not a duplicate-name error', async () => {
    const metrics = new MetricsRegistry({ defaultMetrics: false });
    EnvelopeMetrics.setAside(metrics).inc({ from: 'CO', to: 'EC', type: 'referral.requested.v1' });
    EnvelopeMetrics.setAside(metrics).inc({ from: 'CO', to: 'EC', type: 'referral.requested.v1' });
    const { text } = await metrics.exposition();
    expect(text).toContain('enlace_envelopes_set_aside_total{from="CO",to="EC",type="referral.requested.v1"} 2');
  });

  it('should expose only the metrics a process asked for', async () => {
    const metrics = new MetricsRegistry({ defaultMetrics: false });
    EnvelopeMetrics.setAside(metrics);
    const { text } = await metrics.exposition();
    expect(text).toContain('enlace_envelopes_set_aside_total');
    expect(text).not.toContain('enlace_envelopes_sent_total');
  });
});
