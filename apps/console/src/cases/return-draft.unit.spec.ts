import { returnDraftField, toReturnRequest, type ReturnDraft } from './return-draft';

const draft = (over: Partial<ReturnDraft> = {}): ReturnDraft => ({
  toCountry: 'BO',
  isChild: false,
  unaccompanied: false,
  informedDecisionRecordedAt: '2026-03-01T10:00',
  firstName: ' Rosa ',
  middleName: '',
  secondName: 'Mamani',
  birthdate: '',
  gender: 'Feminine',
  nationality: 'bo',
  purpose: 'Return to Bolivia',
  scope: ['identity', 'case'],
  recordedAt: '2026-03-01T10:05',
  expiresAt: '',
  confirmed: true,
  ...over,
});

describe('toReturnRequest', () => {
  it('should send the person without empty fields and the consent naming the receiving country', () => {
    const request = toReturnRequest(draft());
    expect(request).toEqual({
      toCountry: 'BO',
      isChild: false,
      informedDecisionRecordedAt: new Date('2026-03-01T10:00').toISOString(),
      person: { firstName: 'Rosa', secondName: 'Mamani', gender: 'Feminine', nationality: 'BO' },
      consent: {
        purpose: 'Return to Bolivia',
        scope: ['identity', 'case'],
        recipients: ['BO'],
        recordedAt: new Date('2026-03-01T10:05').toISOString(),
      },
    });
  });

  it('should say whether a child is unaccompanied, and never mark an adult so', () => {
    expect(toReturnRequest(draft({ isChild: true, unaccompanied: true }))).toMatchObject({
      isChild: true,
      unaccompanied: true,
    });
    expect(toReturnRequest(draft({ isChild: false, unaccompanied: true }))).not.toHaveProperty('unaccompanied');
  });
});

describe('returnDraftField', () => {
  it('should name the input of a problem field, nested lists included', () => {
    expect(returnDraftField('/person/firstName')).toBe('firstName');
    expect(returnDraftField('/consent/scope/0')).toBe('scope');
    expect(returnDraftField('/consent/recipients')).toBe('toCountry');
    expect(returnDraftField('/nothing')).toBeUndefined();
  });
});
