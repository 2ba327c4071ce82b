import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { CaseRights } from '@enlace/auth';
import { RequireRoles } from '../auth/roles.decorator';
import { ContractBodyPipe } from '../common/validation/contract-body.pipe';
import { ContractParameterPipe } from '../common/validation/contract-parameter.pipe';
import { CaseSharesService } from './application/case-shares.service';
import { CaseSharingView, ShareCaseRequest, toCaseSharingView } from './dto/case-sharing.view';

const caseId = new ContractParameterPipe('#/components/parameters/SharedCaseId/schema', 'id');
const agencyId = new ContractParameterPipe('AgencyId', 'agency');

/** Who owns a case or an intake inside the node, and which other agencies may work on it. */
@Controller('cases/:id/shares')
export class CaseSharesHttpController {
  constructor(private readonly shares: CaseSharesService) {}

  @Get()
  @RequireRoles(...CaseRights.read)
  async list(@Param('id', caseId) id: string): Promise<CaseSharingView> {
    return toCaseSharingView(await this.shares.sharing(id));
  }

  @Put(':agency')
  @HttpCode(200)
  @RequireRoles(...CaseRights.share)
  async share(
    @Param('id', caseId) id: string,
    @Param('agency', agencyId) agency: string,
    @Body(new ContractBodyPipe('ShareCaseRequest')) body: ShareCaseRequest,
  ): Promise<CaseSharingView> {
    return toCaseSharingView(await this.shares.share(id, agency, body.reason));
  }

  @Delete(':agency')
  @HttpCode(200)
  @RequireRoles(...CaseRights.share)
  async unshare(@Param('id', caseId) id: string, @Param('agency', agencyId) agency: string): Promise<CaseSharingView> {
    return toCaseSharingView(await this.shares.unshare(id, agency));
  }
}
