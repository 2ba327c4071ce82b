import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AgencyScope } from '../agencies/agency-scope';
import { AuditModule } from '../audit/audit.module';
import { NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import { SEALED_CASE_CONTENT } from '../privacy/privacy.tokens';
import { SealedCaseContent } from '../privacy/sealed-case-content';
import { CaseDocumentsService } from './application/case-documents.service';
import { DocumentChunkApplier } from './application/document-chunk.applier';
import { DocumentsHttpController } from './documents.http.controller';
import { CASE_DOCUMENT_REPOSITORY, DOCUMENT_CHUNK_APPLIER } from './documents.tokens';
import { CaseDocumentRepository } from './persistence/case-document.repository';

/** Documents that travel with a case: the API, and the chunks that arrive from the other end. */
@Module({
  imports: [AuditModule, AgenciesModule],
  controllers: [DocumentsHttpController],
  providers: [
    {
      provide: CASE_DOCUMENT_REPOSITORY,
      inject: [NODE_TRANSACTIONS, AgencyScope],
      useFactory: (transactions: NodeTransactions, scope: AgencyScope) =>
        new CaseDocumentRepository(transactions, scope),
    },
    {
      provide: DOCUMENT_CHUNK_APPLIER,
      inject: [CASE_DOCUMENT_REPOSITORY, SEALED_CASE_CONTENT],
      useFactory: (documents: CaseDocumentRepository, sealing: SealedCaseContent) =>
        new DocumentChunkApplier(documents, sealing),
    },
    CaseDocumentsService,
  ],
  exports: [DOCUMENT_CHUNK_APPLIER],
})
export class DocumentsModule {}
