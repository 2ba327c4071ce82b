import { Inject, Injectable } from '@nestjs/common';
import type { ReferralState, ReintegrationState, ReturnState } from '@enlace/protocols';
import type { ProtocolCaseRepository } from '../../cases/persistence/protocol-case.repository';
import type { ReferralDetails } from '../../referrals/domain/referral-details';
import { REFERRAL_CASE_REPOSITORY } from '../../referrals/referrals.tokens';
import { REINTEGRATION_CASE_REPOSITORY } from '../../reintegrations/reintegrations.tokens';
import { RETURN_CASE_REPOSITORY } from '../../returns/returns.tokens';
import type { ExportedCase } from '../domain/exported-case';
import { exportedReferral, exportedReintegration, exportedReturn } from '../domain/exported-case.mappers';
import { toHtcdsCaseRow, type HtcdsCaseRow } from '../domain/htcds-case-row';

const PAGE = 200;

/**
 * Every case of this node, of the three protocols, as HTCDS-shaped rows, a page of cases at a time: the caller streams
 * them out, so memory holds one page whatever the number of cases.
 */
@Injectable()
export class HtcdsExportService {
  constructor(
    @Inject(REFERRAL_CASE_REPOSITORY)
    private readonly referrals: ProtocolCaseRepository<ReferralState, ReferralDetails>,
    @Inject(RETURN_CASE_REPOSITORY) private readonly returns: ProtocolCaseRepository<ReturnState>,
    @Inject(REINTEGRATION_CASE_REPOSITORY) private readonly reintegrations: ProtocolCaseRepository<ReintegrationState>,
  ) {}

  async *rows(): AsyncGenerator<HtcdsCaseRow> {
    yield* pages((after) => this.referrals.page(after, PAGE), exportedReferral);
    yield* pages((after) => this.returns.page(after, PAGE), exportedReturn);
    yield* pages((after) => this.reintegrations.page(after, PAGE), exportedReintegration);
  }
}

async function* pages<D extends { _id: string }>(
  page: (afterId: string | undefined) => Promise<D[]>,
  exported: (document: D) => ExportedCase,
): AsyncGenerator<HtcdsCaseRow> {
  let after: string | undefined;
  for (;;) {
    const documents = await page(after);
    for (const document of documents) yield toHtcdsCaseRow(exported(document));
    const last = documents.at(-1);
    if (!last || documents.length < PAGE) return;
    after = last._id;
  }
}
