import { Controller, Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DocumentRights } from '@enlace/auth';
import { ProblemException } from '@enlace/http';
import { AuditedBeforeServing } from '../audit/audited-before-serving.decorator';
import { RequireRoles } from '../auth/roles.decorator';
import { ContractParameterPipe } from '../common/validation/contract-parameter.pipe';
import { CaseDocumentsService } from './application/case-documents.service';
import { extensionOf } from './domain/document-media-type';
import { CaseDocumentView, toCaseDocumentView } from './dto/case-document.view';

const caseId = new ContractParameterPipe('#/components/parameters/DocumentCaseId/schema', 'caseId');
const documentId = new ContractParameterPipe('#/components/parameters/DocumentId/schema', 'documentId');
const documentKind = new ContractParameterPipe('DocumentKind', 'kind');

/**
 * The documents of a case: attached as the request's raw body (its type found from its content), listed, and
 * downloaded. The raw body parser for this path is set up with the node's HTTP surface (node-api.http.ts).
 */
@Controller('cases/:caseId/documents')
export class DocumentsHttpController {
  constructor(private readonly documents: CaseDocumentsService) {}

  @Post()
  @RequireRoles(...DocumentRights.attach)
  async attach(
    @Param('caseId', caseId) id: string,
    @Query('kind', documentKind) kind: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseDocumentView> {
    const body: unknown = request.body;
    if (!Buffer.isBuffer(body)) {
      throw new ProblemException({
        status: 415,
        title: 'Unsupported Media Type',
        detail: "Send the document's bytes as the request body, not as JSON or a form.",
      });
    }
    const attached = await this.documents.attach(id, kind, body);
    response.status(201).location(`/api/v1/cases/${id}/documents/${attached.id}/content`);
    return toCaseDocumentView(attached);
  }

  @Get()
  @RequireRoles(...DocumentRights.read)
  async list(@Param('caseId', caseId) id: string): Promise<{ items: CaseDocumentView[]; maxBytes: number }> {
    return { items: (await this.documents.list(id)).map(toCaseDocumentView), maxBytes: this.documents.maxBytes };
  }

  @Get(':documentId/content')
  @AuditedBeforeServing()
  @RequireRoles(...DocumentRights.read)
  async download(
    @Param('caseId', caseId) id: string,
    @Param('documentId', documentId) document: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { document: row, content } = await this.documents.download(id, document);
    response.set('X-Content-SHA256', row.sha256).set('Cache-Control', 'no-store');
    // Returned, not written here: the read's audit record is committed before the bytes leave (AuditedBeforeServing).
    return new StreamableFile(content, {
      type: row.media_type,
      length: content.length,
      disposition: `attachment; filename="${row.id}.${extensionOf(row.media_type)}"`,
    });
  }
}
