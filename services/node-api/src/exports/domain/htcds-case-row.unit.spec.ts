import type { ExportedCase } from './exported-case';
import { toHtcdsCaseRow } from './htcds-case-row';

const at = new Date('2026-03-04T05:06:07.000Z');
const referral: ExportedCase = {
  protocol: 'referral',
  id: 'r-1',
  direction: 'outgoing',
  fromCountry: 'CO',
  toCountry: 'EC',
  status: 'closed',
  htcdsStatus: 'Closed',
  createdAt: at,
  updatedAt: at,
  person: { firstName: 'Ana', secondName: 'Quispe', birthdate: '2001-02-03', gender: 'Feminine', nationality: 'CO' },
  consent: { purpose: 'Referral', scope: ['identity', 'health'], recordedAt: '2026-03-01T00:00:00Z' },
  referralReason: 'AdditionalServicesRequired',
  referralDetails: 'needs shelter',
  closureReason: 'moved away',
};

describe('toHtcdsCaseRow', () => {
  it('should name an outgoing referral with the HTCDS outgoing fields and the person with prs_ fields', () => {
    expect(toHtcdsCaseRow(referral)).toEqual({
      enl_CaseId: 'r-1',
      enl_Protocol: 'referral',
      enl_Direction: 'outgoing',
      enl_FromCountry: 'CO',
      enl_ToCountry: 'EC',
      enl_ProtocolStatus: 'closed',
      cas_Status: 'Closed',
      cas_ReasonForCaseClosure: 'moved away',
      cas_OutgoingReferralDate: '2026-03-04',
      cas_ReasonForOutgoingReferral: 'AdditionalServicesRequired',
      cas_OutgoingReferralDetails: 'needs shelter',
      prs_FirstName: 'Ana',
      prs_SecondName: 'Quispe',
      prs_Birthdate: '2001-02-03',
      prs_Gender: 'Feminine',
      prs_Citizenship: 'CO',
      con_Consent: 'true',
      enl_ConsentPurpose: 'Referral',
      enl_ConsentScope: 'identity;health',
      enl_CreatedAt: at.toISOString(),
      enl_UpdatedAt: at.toISOString(),
    });
  });

  it('should use the incoming referral fields at the receiving end', () => {
    const row = toHtcdsCaseRow({ ...referral, direction: 'incoming' });
    expect(row).toMatchObject({
      cas_IncomingReferralDate: '2026-03-04',
      cas_ReasonForIncomingReferral: 'AdditionalServicesRequired',
      cas_IncomingReferralDetails: 'needs shelter',
    });
    expect(row.cas_ReasonForOutgoingReferral).toBeUndefined();
  });

  it('should leave the personal columns empty and consent off once the person was erased', () => {
    const { person: _person, consent: _consent, ...rest } = referral;
    const row = toHtcdsCaseRow({ ...rest, protocol: 'return', erasedAt: '2026-03-05T00:00:00Z' });
    expect(Object.keys(row).filter((column) => column.startsWith('prs_'))).toEqual([]);
    expect(row).toMatchObject({ con_Consent: 'false', enl_ErasedAt: '2026-03-05T00:00:00Z' });
    expect(row.cas_OutgoingReferralDate).toBeUndefined();
  });
});
