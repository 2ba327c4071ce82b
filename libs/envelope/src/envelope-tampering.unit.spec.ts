import fc from 'fast-check';
import { EnvelopeOpener } from './envelope-opener';
import { EnvelopeSealer } from './envelope-sealer';
import { EnvelopeError, type EnvelopeErrorCode } from './errors/envelope.error';
import { createTestNetwork, draftHeader, referralPayload, TEST_NETWORK } from './testing/test-network.fixture';
import { parseEnvelopeWire } from './wire/envelope-wire.parser';

/**
 * A flipped bit must never let an envelope open. It is refused as malformed or tampered, except where the flip
 * changed a claim that is read before the signature can be checked (network, sender, time sent, signing key):
 * then the refusal for that claim comes first, which is just as final.
 */
/** Thousands of opens: generous, so that a busy machine does not fail what is not slow code. */
const EXHAUSTIVE_TIMEOUT_MS = 60_000;

describe(`${EnvelopeOpener.name} against tampering`, () => {
  let opener: EnvelopeOpener;
  let wire: Buffer;
  let original: ReturnType<typeof parseEnvelopeWire>;
  let segments: { header: [number, number]; content: [number, number]; signature: [number, number] };

  beforeAll(async () => {
    const { co, ec, directory } = await createTestNetwork();
    const text = await new EnvelopeSealer(co.keys, directory, TEST_NETWORK).seal(draftHeader('EC'), referralPayload());
    wire = Buffer.from(text);
    opener = new EnvelopeOpener(ec.keys, directory, TEST_NETWORK);
    original = parseEnvelopeWire(wire);
    const firstDot = text.indexOf('.');
    const secondDot = text.indexOf('.', firstDot + 1);
    segments = { header: [0, firstDot], content: [firstDot + 1, secondDot], signature: [secondDot + 1, text.length] };
  });

  function flip(position: number, bit: number): Buffer {
    const tampered = Buffer.from(wire);
    tampered.writeUInt8(tampered.readUInt8(position) ^ (1 << bit), position);
    return tampered;
  }

  function acceptableRefusals(tampered: Buffer): EnvelopeErrorCode[] {
    const acceptable: EnvelopeErrorCode[] = ['MALFORMED', 'TAMPERED'];
    const before = original;
    let after: ReturnType<typeof parseEnvelopeWire>;
    try {
      after = parseEnvelopeWire(tampered);
    } catch {
      return acceptable;
    }
    if (after.content.header.network !== before.content.header.network) acceptable.push('WRONG_NETWORK');
    if (
      after.content.header.from !== before.content.header.from ||
      after.content.header.sentAt !== before.content.header.sentAt ||
      after.jwsHeader.kid !== before.jwsHeader.kid
    ) {
      acceptable.push('UNKNOWN_SENDER');
    }
    return acceptable;
  }

  async function refusalOf(tampered: Buffer): Promise<EnvelopeErrorCode | 'OPENED'> {
    try {
      await opener.open(tampered);
      return 'OPENED';
    } catch (error) {
      if (error instanceof EnvelopeError) return error.code;
      throw error;
    }
  }

  async function expectRefused(position: number, bit: number): Promise<void> {
    const tampered = flip(position, bit);
    const refusal = await refusalOf(tampered);
    if (!acceptableRefusals(tampered).includes(refusal as EnvelopeErrorCode)) {
      throw new Error(`A flip of bit ${bit} at ${position} gave ${refusal}`);
    }
  }

  it('should open the untouched wire', async () => {
    await expect(opener.open(wire)).resolves.toMatchObject({ payload: expect.any(Object) });
  });

  describe.each(['header', 'content', 'signature'] as const)('with one flipped byte in the %s', (segment) => {
    it('should refuse it as malformed or tampered where the segment holds no claim read before the signature', async () => {
      const [start, end] = segments[segment];
      // In the header, character 10 encodes the alg; the middle of the content falls in the sealed payload.
      const position = segment === 'header' ? 10 : Math.floor((start + end) / 2);

      for (const bit of [0, 1, 2, 3, 4, 5, 6, 7]) {
        await expect(refusalOf(flip(position, bit))).resolves.toMatch(/^(MALFORMED|TAMPERED)$/);
      }
    });

    it(
      'should refuse it at every position of the segment',
      async () => {
        const [start, end] = segments[segment];

        for (let position = start; position < end; position += 1) await expectRefused(position, 0);
      },
      EXHAUSTIVE_TIMEOUT_MS,
    );
  });

  it('should refuse a flipped separator', async () => {
    await expect(refusalOf(flip(segments.header[1], 0))).resolves.toBe('MALFORMED');
    await expect(refusalOf(flip(segments.content[1], 2))).resolves.toBe('MALFORMED');
  });

  it('should refuse a change in the unused bits of the last signature character', async () => {
    const text = wire.toString();
    const last = text.slice(-1);
    // The last character of a 64-byte signature carries 2 bits of data and 4 unused ones.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);

    await expect(refusalOf(Buffer.from(text.slice(0, -1) + sibling))).resolves.toBe('MALFORMED');
  });

  it(
    'should never open a wire with a random bit flipped anywhere',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: 1_000_000 }), fc.integer({ min: 0, max: 7 }), async (seed, bit) => {
          await expectRefused(seed % wire.length, bit);
        }),
        { numRuns: 500 },
      );
    },
    EXHAUSTIVE_TIMEOUT_MS,
  );

  it(
    'should never open a wire with several random bytes replaced',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.tuple(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 255 })), {
            minLength: 2,
            maxLength: 8,
            selector: ([seed]) => seed % wire.length,
          }),
          async (changes) => {
            const tampered = Buffer.from(wire);
            for (const [seed, mask] of changes) {
              const position = seed % wire.length;
              tampered.writeUInt8(tampered.readUInt8(position) ^ mask, position);
            }
            const refusal = await refusalOf(tampered);
            expect(refusal).not.toBe('OPENED');
            expect(acceptableRefusals(tampered)).toContain(refusal);
          },
        ),
        { numRuns: 200 },
      );
    },
    EXHAUSTIVE_TIMEOUT_MS,
  );
});
