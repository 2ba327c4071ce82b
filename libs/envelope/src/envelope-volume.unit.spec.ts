import { randomUUID } from 'node:crypto';
import { EnvelopeOpener } from './envelope-opener';
import { EnvelopeSealer } from './envelope-sealer';
import { createTestNetwork, draftHeader, referralPayload, TEST_NETWORK } from './testing/test-network.fixture';

describe(`${EnvelopeSealer.name} and ${EnvelopeOpener.name} over many envelopes`, () => {
  it('should seal and open 200 envelopes of 2 KB, each to its own payload', async () => {
    const { co, ec, directory } = await createTestNetwork();
    const sealer = new EnvelopeSealer(co.keys, directory, TEST_NETWORK);
    const opener = new EnvelopeOpener(ec.keys, directory, TEST_NETWORK);
    const seen = new Set<string>();
    const isDuplicate = async (id: string) => seen.has(id);

    for (let index = 0; index < 200; index += 1) {
      const payload = { ...referralPayload(2048), index };
      const draft = draftHeader('EC', { correlationId: randomUUID() });

      const opened = await opener.open(await sealer.seal(draft, payload), { isDuplicate });
      seen.add(opened.header.id);

      expect(opened.payload).toEqual(payload);
      expect(opened.header.id).toBe(draft.id);
    }
    expect(seen.size).toBe(200);
  }, 60_000);
});
