import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IntakesModule } from '../intakes/intakes.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { ReintegrationsModule } from '../reintegrations/reintegrations.module';
import { ReturnsModule } from '../returns/returns.module';
import { HtcdsExportService } from './application/htcds-export.service';
import { ExportsHttpController } from './exports.http.controller';

/** Exports of this node's cases for case-management systems: HTCDS-shaped CSV. */
@Module({
  imports: [AuditModule, ReferralsModule, ReturnsModule, ReintegrationsModule, IntakesModule],
  controllers: [ExportsHttpController],
  providers: [HtcdsExportService],
})
export class ExportsModule {}
