import { kafkaLogLine } from './kafka-log-line';

describe('kafkaLogLine', () => {
  it("should name where and why kafkajs' eachBatch failed, from what kafkajs passes beside its message", () => {
    // given kafkajs' own words and what it gives with them when a batch handler throws
    const error = Object.assign(new Error('deadlock detected'), { name: 'DatabaseError', code: '40P01' });
    const extra = { topic: 'enlace.andes.inbox.CO', partition: 2, offset: '1041', stack: error.stack, error };
    // when made into a line, then the reason is there, and nothing else of the stack
    expect(kafkaLogLine('kafka Runner: Error when calling eachBatch', extra)).toBe(
      'kafka Runner: Error when calling eachBatch at enlace.andes.inbox.CO/2@1041: DatabaseError [40P01]: deadlock detected',
    );
  });

  it('should leave a diagnostic without details as it is, and take a reason given as text', () => {
    expect(kafkaLogLine('kafka Consumer: Stopped')).toBe('kafka Consumer: Stopped');
    expect(kafkaLogLine('kafka Connection: Connection error', { error: 'connect ECONNREFUSED' })).toBe(
      'kafka Connection: Connection error: connect ECONNREFUSED',
    );
  });
});
