import type { PersonalDataVault } from '@enlace/privacy';
import type { OutboxEntry } from '@enlace/store';
import { SealedCaseContent } from './sealed-case-content';

/** A vault that seals by naming what it sealed, and counts its calls: each key asked for is one look-up or insert. */
function fakeVault(erased = false) {
  const calls: { caseId: string; purpose: string }[][] = [];
  const keysAsked: string[] = [];
  const vault = {
    newKey: async (caseId: string) => ({
      key: new Uint8Array(32),
      row: { case_id: caseId, wrapped_key: `wrapped(${caseId})`, kek_id: 'kek-1', created_at: new Date(0) },
    }),
    keyOf: async (caseId: string) => {
      keysAsked.push(caseId);
      return erased ? undefined : new Uint8Array(32);
    },
    sealWith: async (
      key: Uint8Array | null | undefined,
      caseId: string,
      items: readonly { purpose: string; value: unknown }[],
    ) => {
      calls.push(items.map(({ purpose }) => ({ caseId, purpose })));
      return items.map(({ purpose, value }) => (key ? `sealed(${purpose}:${JSON.stringify(value)})` : undefined));
    },
  } as unknown as PersonalDataVault;
  return { vault, calls, keysAsked };
}

const entry = (envelopeId: string, payload?: Record<string, unknown>): OutboxEntry => ({
  envelopeId,
  type: 'referral.requested.v1',
  to: 'EC',
  caseId: 'case-1',
  correlationId: 'case-1',
  ...(payload ? { payload } : {}),
  createdAt: new Date(0),
});

describe('SealedCaseContent.sealContentAndOutbox', () => {
  it('should seal the content and every outbox payload with one key look-up, each bound to its use', async () => {
    const { vault, calls, keysAsked } = fakeVault();

    const sealed = await new SealedCaseContent(vault).sealContentAndOutbox('case-1', { person: { firstName: 'Ana' } }, [
      entry('e1', { a: 1 }),
      entry('e2'),
      entry('e3', { b: 2 }),
    ]);

    expect(calls).toEqual([
      [
        { caseId: 'case-1', purpose: 'personal' },
        { caseId: 'case-1', purpose: 'outbox:e1' },
        { caseId: 'case-1', purpose: 'outbox:e3' },
      ],
    ]);
    expect(keysAsked).toEqual(['case-1']);
    expect(sealed.personal).toBe('sealed(personal:{"person":{"firstName":"Ana"}})');
    expect(sealed.outbox.map((e) => [e.envelopeId, e.sealedPayload, e.payload])).toEqual([
      ['e1', 'sealed(outbox:e1:{"a":1})', undefined],
      ['e2', undefined, undefined],
      ['e3', 'sealed(outbox:e3:{"b":2})', undefined],
    ]);
  });

  it('should make a new case’s key without asking the store, and give its row to insert with the case', async () => {
    const { vault, calls, keysAsked } = fakeVault();

    const sealed = await new SealedCaseContent(vault).sealContentAndOutbox(
      'case-1',
      { person: { firstName: 'Ana' } },
      [entry('e1', { a: 1 })],
      { fresh: true },
    );

    expect(keysAsked).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(sealed.newKey).toEqual({
      case_id: 'case-1',
      wrapped_key: 'wrapped(case-1)',
      kek_id: 'kek-1',
      created_at: new Date(0),
    });
  });

  it('should give no key row for a case that is not new', async () => {
    const { vault, keysAsked } = fakeVault();

    const sealed = await new SealedCaseContent(vault).sealContentAndOutbox('case-1', {}, [entry('e1', { a: 1 })]);

    expect(keysAsked).toEqual(['case-1']);
    expect(sealed.newKey).toBeUndefined();
  });

  it('should seal new messages alone (sealOutbox) in one call too', async () => {
    const { vault, calls } = fakeVault();

    const outbox = await new SealedCaseContent(vault).sealOutbox('case-1', [
      entry('e1', { a: 1 }),
      entry('e2', { b: 2 }),
    ]);

    expect(calls).toEqual([
      [
        { caseId: 'case-1', purpose: 'outbox:e1' },
        { caseId: 'case-1', purpose: 'outbox:e2' },
      ],
    ]);
    expect(outbox.map((e) => e.sealedPayload)).toEqual(['sealed(outbox:e1:{"a":1})', 'sealed(outbox:e2:{"b":2})']);
  });

  it('should leave out the personal content when there is none', async () => {
    const { vault, calls } = fakeVault();

    const sealed = await new SealedCaseContent(vault).sealContentAndOutbox('case-1', {}, [entry('e1', { a: 1 })]);

    expect(sealed.personal).toBeUndefined();
    expect(calls).toEqual([[{ caseId: 'case-1', purpose: 'outbox:e1' }]]);
    expect(sealed.outbox[0]?.sealedPayload).toBe('sealed(outbox:e1:{"a":1})');
  });

  it('should refuse to write a case whose key was destroyed', async () => {
    const { vault } = fakeVault(true);

    await expect(
      new SealedCaseContent(vault).sealContentAndOutbox('case-1', { person: { firstName: 'Ana' } }, []),
    ).rejects.toThrow('was erased');
  });
});
