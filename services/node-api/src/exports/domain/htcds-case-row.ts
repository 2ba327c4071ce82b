import type { ExportedCase } from './exported-case';

/**
 * The columns of the export, in order: the field names of the Human Trafficking Case Data Standard (HTCDS) 2.0 where
 * it defines the field, `enl_` names for what only Enlace has. Referral columns take the Outgoing or Incoming name by
 * direction.
 */
export const HTCDS_EXPORT_COLUMNS = [
  'enl_CaseId',
  'enl_Protocol',
  'enl_Direction',
  'enl_FromCountry',
  'enl_ToCountry',
  'enl_ProtocolStatus',
  'cas_Status',
  'cas_ReasonForCaseClosure',
  'cas_OutgoingReferralDate',
  'cas_ReasonForOutgoingReferral',
  'cas_OutgoingReferralDetails',
  'cas_IncomingReferralDate',
  'cas_ReasonForIncomingReferral',
  'cas_IncomingReferralDetails',
  'prs_FirstName',
  'prs_MiddleName',
  'prs_SecondName',
  'prs_Birthdate',
  'prs_Gender',
  'prs_Citizenship',
  'con_Consent',
  'enl_ConsentPurpose',
  'enl_ConsentScope',
  'enl_ConsentExpiresAt',
  'enl_ErasedAt',
  'enl_CreatedAt',
  'enl_UpdatedAt',
] as const;

export type HtcdsExportColumn = (typeof HTCDS_EXPORT_COLUMNS)[number];
export type HtcdsCaseRow = Readonly<Partial<Record<HtcdsExportColumn, string>>>;

/** One case as one row of the export; an erased person leaves the personal columns empty. */
export function toHtcdsCaseRow(exported: ExportedCase): HtcdsCaseRow {
  const { person, consent } = exported;
  const referral =
    exported.protocol === 'referral'
      ? exported.direction === 'outgoing'
        ? {
            cas_OutgoingReferralDate: dateOf(exported.createdAt),
            cas_ReasonForOutgoingReferral: exported.referralReason,
            cas_OutgoingReferralDetails: exported.referralDetails,
          }
        : {
            cas_IncomingReferralDate: dateOf(exported.createdAt),
            cas_ReasonForIncomingReferral: exported.referralReason,
            cas_IncomingReferralDetails: exported.referralDetails,
          }
      : {};
  return withoutEmpty({
    enl_CaseId: exported.id,
    enl_Protocol: exported.protocol,
    enl_Direction: exported.direction,
    enl_FromCountry: exported.fromCountry,
    enl_ToCountry: exported.toCountry,
    enl_ProtocolStatus: exported.status,
    cas_Status: exported.htcdsStatus,
    cas_ReasonForCaseClosure: exported.closureReason,
    ...referral,
    prs_FirstName: person?.firstName,
    prs_MiddleName: person?.middleName,
    prs_SecondName: person?.secondName,
    prs_Birthdate: person?.birthdate,
    prs_Gender: person?.gender,
    prs_Citizenship: person?.nationality,
    // HTCDS con_Consent is a checkbox: consent held now, not withdrawn.
    con_Consent: consent && !exported.erasedAt ? 'true' : 'false',
    enl_ConsentPurpose: consent?.purpose,
    enl_ConsentScope: consent?.scope.join(';'),
    enl_ConsentExpiresAt: consent?.expiresAt,
    enl_ErasedAt: exported.erasedAt,
    enl_CreatedAt: exported.createdAt.toISOString(),
    enl_UpdatedAt: exported.updatedAt.toISOString(),
  });
}

function dateOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function withoutEmpty(row: Partial<Record<HtcdsExportColumn, string | undefined>>): HtcdsCaseRow {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined && value !== ''));
}
