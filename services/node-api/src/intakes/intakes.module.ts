import { Module } from '@nestjs/common';
import type { PersonalDataVault } from '@enlace/privacy';
import { AuditModule } from '../audit/audit.module';
import { AgenciesModule } from '../agencies/agencies.module';
import { AgencyScope } from '../agencies/agency-scope';
import { NODE_TRANSACTIONS } from '../database/database.tokens';
import type { NodeTransactions } from '../database/node-transactions';
import { PERSONAL_DATA_VAULT } from '../privacy/privacy.tokens';
import { ReferralsModule } from '../referrals/referrals.module';
import { ReturnsModule } from '../returns/returns.module';
import { IntakeConversionService } from './application/intake-conversion.service';
import { IntakesService } from './application/intakes.service';
import { IntakesHttpController } from './intakes.http.controller';
import { INTAKE_REPOSITORY } from './intakes.tokens';
import { IntakeRepository } from './persistence/intake.repository';

/**
 * Intakes: reports taken at the node, screened, and turned into referrals or returns. They stay at the node; only the
 * case an intake becomes sends anything, through its protocol's own module.
 */
@Module({
  imports: [AuditModule, AgenciesModule, ReferralsModule, ReturnsModule],
  controllers: [IntakesHttpController],
  providers: [
    {
      provide: INTAKE_REPOSITORY,
      inject: [NODE_TRANSACTIONS, PERSONAL_DATA_VAULT, AgencyScope],
      useFactory: (transactions: NodeTransactions, vault: PersonalDataVault, scope: AgencyScope) =>
        new IntakeRepository(transactions, vault, scope),
    },
    IntakesService,
    IntakeConversionService,
  ],
  // The HTCDS export reads the intakes as rows of their own.
  exports: [INTAKE_REPOSITORY],
})
export class IntakesModule {}
