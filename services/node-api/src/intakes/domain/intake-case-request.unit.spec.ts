import type { IntakeDocument } from '../persistence/intake.document';
import { referralRequestFromIntake, returnRequestFromIntake } from './intake-case-request';

const consent = {
  purpose: 'Assistance in Ecuador',
  scope: ['identity', 'case'],
  recipients: ['EC'],
  recordedAt: '2026-03-13T16:00:00Z',
};

const intake = (personal: IntakeDocument['personal']): IntakeDocument => ({
  id: '6f1c3a52-93a4-4c1e-8f0e-3d1b2a7c9e10',
  state: {
    intakeId: '6f1c3a52-93a4-4c1e-8f0e-3d1b2a7c9e10',
    status: 'presumed-victim',
    recordedAt: '2026-03-13T16:00:00Z',
  },
  channel: 'hotline',
  urgency: 'high',
  believedCountry: 'EC',
  personal,
  timeline: [],
  version: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
});

const known = intake({
  person: {
    firstName: 'Ana',
    approximateAge: 24,
    gender: 'Feminine',
    nationality: 'CO',
    lastKnownPlace: 'Quito',
    believedCountry: 'EC',
  },
  situation: 'Promised work in a restaurant',
  consent,
});

describe(referralRequestFromIntake, () => {
  it('should carry the intake’s person, urgency, situation and consent, and the body’s reason and services', () => {
    expect(
      referralRequestFromIntake(known, {
        toCountry: 'EC',
        reason: 'AdditionalServicesRequired',
        servicesRequested: ['Health'],
      }),
    ).toEqual({
      toCountry: 'EC',
      reason: 'AdditionalServicesRequired',
      reasonDetails: 'Promised work in a restaurant',
      servicesRequested: ['Health'],
      urgency: 'high',
      person: { firstName: 'Ana', gender: 'Feminine', nationality: 'CO' },
      consent,
    });
  });

  it('should let the body complete and override what the intake holds', () => {
    const other = { ...consent, recipients: ['PE'] };
    const request = referralRequestFromIntake(known, {
      toCountry: 'PE',
      reason: 'Other',
      reasonDetails: 'Shorter',
      servicesRequested: ['Legal'],
      urgency: 'low',
      person: { secondName: 'Rojas', firstName: 'Ana María' },
      consent: other,
    });

    expect(request).toMatchObject({
      reasonDetails: 'Shorter',
      urgency: 'low',
      person: { firstName: 'Ana María', secondName: 'Rojas', gender: 'Feminine', nationality: 'CO' },
      consent: other,
    });
  });

  it('should leave out what neither holds, for the contract to name', () => {
    const request = referralRequestFromIntake(intake({}), {
      toCountry: 'EC',
      reason: 'Other',
      servicesRequested: ['Health'],
    });

    expect(request).not.toHaveProperty('consent');
    expect(request).not.toHaveProperty('reasonDetails');
    expect(request['person']).toEqual({});
  });
});

describe(returnRequestFromIntake, () => {
  const body = { toCountry: 'CO', informedDecisionRecordedAt: '2026-03-14T10:00:00Z' };

  it('should tell an adult from the intake’s approximate age', () => {
    expect(returnRequestFromIntake(known, body)).toEqual({
      request: {
        toCountry: 'CO',
        isChild: false,
        informedDecisionRecordedAt: '2026-03-14T10:00:00Z',
        person: { firstName: 'Ana', gender: 'Feminine', nationality: 'CO' },
        consent,
      },
      violations: [],
    });
  });

  it('should tell a child from an approximate age under 18, unless the body says otherwise', () => {
    const child = intake({ person: { firstName: 'Lu', approximateAge: 15 } });

    expect(returnRequestFromIntake(child, body).request['isChild']).toBe(true);
    expect(returnRequestFromIntake(child, { ...body, isChild: false }).request['isChild']).toBe(false);
  });

  it('should ask for isChild when the intake holds no age', () => {
    expect(returnRequestFromIntake(intake({}), body).violations).toEqual([
      { path: '/isChild', message: expect.stringContaining('must be given') },
    ]);
  });
});
