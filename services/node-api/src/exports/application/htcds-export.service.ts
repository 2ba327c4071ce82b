import { Inject, Injectable } from '@nestjs/common';
import type { ReferralState, ReintegrationState, ReturnState } from '@enlace/protocols';
import type { ProtocolCaseRepository } from '../../cases/persistence/protocol-case.repository';
import type { ReferralDetails } from '../../referrals/domain/referral-details';
import { REFERRAL_CASE_REPOSITORY } from '../../referrals/referrals.tokens';
import { REINTEGRATION_CASE_REPOSITORY } from '../../reintegrations/reintegrations.tokens';
import { RETURN_CASE_REPOSITORY } from '../../returns/returns.tokens';
import type { ExportedCase } from '../domain/exported-case';
import { exportedReferral, exportedReintegration, exportedReturn } from '../domain/exported-case.mappers';
import { htcdsCsv } from '../domain/htcds-csv';
import { toHtcdsCaseRow } from '../domain/htcds-case-row';

const PAGE = 200;

/** Every case of this node, of the three protocols, as one HTCDS-shaped CSV document. */
@Injectable()
export class HtcdsExportService {
  constructor(
    @Inject(REFERRAL_CASE_REPOSITORY)
    private readonly referrals: ProtocolCaseRepository<ReferralState, ReferralDetails>,
    @Inject(RETURN_CASE_REPOSITORY) private readonly returns: ProtocolCaseRepository<ReturnState>,
    @Inject(REINTEGRATION_CASE_REPOSITORY) private readonly reintegrations: ProtocolCaseRepository<ReintegrationState>,
  ) {}

  async csv(): Promise<string> {
    const cases = [
      ...(await allPages((after) => this.referrals.page(after, PAGE), exportedReferral)),
      ...(await allPages((after) => this.returns.page(after, PAGE), exportedReturn)),
      ...(await allPages((after) => this.reintegrations.page(after, PAGE), exportedReintegration)),
    ];
    return htcdsCsv(cases.map(toHtcdsCaseRow));
  }
}

async function allPages<D extends { _id: string }>(
  page: (afterId: string | undefined) => Promise<D[]>,
  exported: (document: D) => ExportedCase,
): Promise<ExportedCase[]> {
  const all: ExportedCase[] = [];
  let after: string | undefined;
  for (;;) {
    const documents = await page(after);
    all.push(...documents.map(exported));
    const last = documents.at(-1);
    if (!last || documents.length < PAGE) return all;
    after = last._id;
  }
}
