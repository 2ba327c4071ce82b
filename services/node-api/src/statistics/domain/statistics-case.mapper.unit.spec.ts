import type { ProtocolCaseDocument } from '../../cases/persistence/protocol-case.document';
import { statisticsCaseOf } from './statistics-case.mapper';

const opened = new Date('2026-01-31T23:30:00Z');
type State = { fromCountry: string; toCountry: string };

function caseOf(overrides: Partial<ProtocolCaseDocument<State>> = {}): ProtocolCaseDocument<State> {
  return {
    _id: 'c-1',
    protocol: 'referral',
    direction: 'outgoing',
    state: { fromCountry: 'CO', toCountry: 'EC' },
    timeline: [],
    outbox: [],
    version: 1,
    createdAt: opened,
    updatedAt: opened,
    ...overrides,
  };
}

describe('statisticsCaseOf', () => {
  it('should put a referral in its month, corridor and categories, the form of exploitation from its services', () => {
    // given a referral of a woman born in 2010, asking for sexual exploitation rehabilitation
    const document = caseOf({
      person: { firstName: 'Ana', birthdate: '2010-02-01', gender: 'Feminine', nationality: 'VE' },
      details: { servicesRequested: ['SexualExploitationRehabilitation'] },
    });
    // when mapped, then only categories are left
    expect(statisticsCaseOf('referral', document)).toEqual({
      month: '2026-01',
      protocol: 'referral',
      fromCountry: 'CO',
      toCountry: 'EC',
      sex: 'Feminine',
      ageBand: '12-17',
      nationality: 'VE',
      exploitation: 'sexual',
    });
  });

  it('should count an erased person as unknown, and a return’s exploitation as not recorded', () => {
    // given a return whose person was erased
    const document = caseOf({
      protocol: 'return',
      details: { servicesRequested: ['SexualExploitationRehabilitation'] },
    });
    // when mapped
    const mapped = statisticsCaseOf('return', document);
    // then nothing of the person is guessed
    expect(mapped).toMatchObject({
      sex: 'unknown',
      ageBand: 'unknown',
      nationality: 'unknown',
      exploitation: 'not-recorded',
    });
  });
});
