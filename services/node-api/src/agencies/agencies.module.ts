import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NODE_TRANSACTIONS } from '../database/database.tokens';
import type { NodeTransactions } from '../database/node-transactions';
import { AgenciesHttpController } from './agencies.http.controller';
import { CASE_SHARE_REPOSITORY } from './agencies.tokens';
import { AgencyScope } from './agency-scope';
import { CaseSharesService } from './application/case-shares.service';
import { CaseSharesHttpController } from './case-shares.http.controller';
import { CaseShareRepository } from './persistence/case-share.repository';

/**
 * Agencies inside one country's node: whose agency a request is served for (AgencyScope, which the case and intake
 * repositories filter on), and the sharing of a case or an intake with another agency.
 */
@Module({
  imports: [AuditModule],
  controllers: [AgenciesHttpController, CaseSharesHttpController],
  providers: [
    AgencyScope,
    {
      provide: CASE_SHARE_REPOSITORY,
      inject: [NODE_TRANSACTIONS],
      useFactory: (transactions: NodeTransactions) => new CaseShareRepository(transactions),
    },
    CaseSharesService,
  ],
  exports: [AgencyScope, CaseSharesService],
})
export class AgenciesModule {}
