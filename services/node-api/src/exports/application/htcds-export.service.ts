import { Inject, Injectable } from '@nestjs/common';
import type { ReferralState, ReintegrationState, ReturnState } from '@enlace/protocols';
import type { ProtocolCaseRepository } from '../../cases/persistence/protocol-case.repository';
import { INTAKE_REPOSITORY } from '../../intakes/intakes.tokens';
import type { IntakeRepository } from '../../intakes/persistence/intake.repository';
import type { ReferralDetails } from '../../referrals/domain/referral-details';
import { REFERRAL_CASE_REPOSITORY } from '../../referrals/referrals.tokens';
import { REINTEGRATION_CASE_REPOSITORY } from '../../reintegrations/reintegrations.tokens';
import { RETURN_CASE_REPOSITORY } from '../../returns/returns.tokens';
import type { ExportedCase } from '../domain/exported-case';
import { exportedReferral, exportedReintegration, exportedReturn } from '../domain/exported-case.mappers';
import { exportedIntake } from '../domain/exported-intake.mapper';
import { exportsProtocol, type HtcdsExportFilter } from '../domain/htcds-export.filter';
import { toHtcdsCaseRow, type HtcdsCaseRow } from '../domain/htcds-case-row';

const PAGE = 200;

/**
 * The cases of this node (the three protocols, then the intakes) that meet the filter, as HTCDS-shaped rows, a page
 * at a time: the caller streams them out, so memory holds one page whatever the number of cases.
 */
@Injectable()
export class HtcdsExportService {
  constructor(
    @Inject(REFERRAL_CASE_REPOSITORY)
    private readonly referrals: ProtocolCaseRepository<ReferralState, ReferralDetails>,
    @Inject(RETURN_CASE_REPOSITORY) private readonly returns: ProtocolCaseRepository<ReturnState>,
    @Inject(REINTEGRATION_CASE_REPOSITORY) private readonly reintegrations: ProtocolCaseRepository<ReintegrationState>,
    @Inject(INTAKE_REPOSITORY) private readonly intakes: IntakeRepository,
  ) {}

  async *rows(filter: HtcdsExportFilter = {}): AsyncGenerator<HtcdsCaseRow> {
    const { protocol: _protocol, ...cases } = filter;
    if (exportsProtocol(filter, 'referral')) {
      yield* pages((after) => this.referrals.page(after, PAGE, cases), exportedReferral);
    }
    if (exportsProtocol(filter, 'return')) {
      yield* pages((after) => this.returns.page(after, PAGE, cases), exportedReturn);
    }
    if (exportsProtocol(filter, 'reintegration')) {
      yield* pages((after) => this.reintegrations.page(after, PAGE, cases), exportedReintegration);
    }
    if (exportsProtocol(filter, 'intake')) {
      const { createdFrom, createdTo } = filter;
      const period = { ...(createdFrom ? { createdFrom } : {}), ...(createdTo ? { createdTo } : {}) };
      yield* pages((after) => this.intakes.page(after, PAGE, period), exportedIntake, (intake) => intake.id);
    }
  }
}

async function* pages<D>(
  page: (afterId: string | undefined) => Promise<D[]>,
  exported: (document: D) => ExportedCase,
  idOf: (document: D) => string = (document) => (document as { _id: string })._id,
): AsyncGenerator<HtcdsCaseRow> {
  let after: string | undefined;
  for (;;) {
    const documents = await page(after);
    for (const document of documents) yield toHtcdsCaseRow(exported(document));
    const last = documents.at(-1);
    if (!last || documents.length < PAGE) return;
    after = idOf(last);
  }
}
