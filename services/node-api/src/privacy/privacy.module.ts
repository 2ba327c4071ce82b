import { Global, Module } from '@nestjs/common';
import { CaseKeyStore, KeyEncryptionKey, PersonalDataVault, loadKeyEncryptionKey } from '@enlace/privacy';
import type { NodeDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { NODE_DATABASE, NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import { CaseSearchTerms } from './case-search-terms';
import { CASE_SEARCH_TERMS, KEY_ENCRYPTION_KEY, PERSONAL_DATA_VAULT, SEALED_CASE_CONTENT } from './privacy.tokens';
import { SealedCaseContent } from './sealed-case-content';

/**
 * Privacy at rest: the person's data of each case are encrypted with a key of that case, wrapped by the node's
 * key-encryption key (ENLACE_CASE_KEK_FILE, outside the database); erasure destroys the case's key. The search over
 * the node's cases goes through a blind index keyed from the same key (CaseSearchTerms).
 */
@Global()
@Module({
  providers: [
    {
      provide: KEY_ENCRYPTION_KEY,
      inject: [NODE_API_CONFIG],
      useFactory: (config: NodeApiConfig) => loadKeyEncryptionKey(config.caseKekFile),
    },
    {
      provide: PERSONAL_DATA_VAULT,
      inject: [KEY_ENCRYPTION_KEY, NODE_DATABASE],
      useFactory: async (kek: KeyEncryptionKey, db: Kysely<NodeDatabase>) => {
        const keys = new CaseKeyStore(db, kek);
        // A wrong key-encryption key refuses the start, naming the key ids: started, nothing could be opened.
        await keys.assertKeyEncryptionKeyMatches();
        return new PersonalDataVault(keys);
      },
    },
    {
      provide: CASE_SEARCH_TERMS,
      inject: [KEY_ENCRYPTION_KEY],
      useFactory: (kek: KeyEncryptionKey) => new CaseSearchTerms(kek.key),
    },
    {
      provide: SEALED_CASE_CONTENT,
      inject: [PERSONAL_DATA_VAULT, NODE_TRANSACTIONS],
      useFactory: (vault: PersonalDataVault, transactions: NodeTransactions) =>
        new SealedCaseContent(vault, transactions),
    },
  ],
  exports: [PERSONAL_DATA_VAULT, SEALED_CASE_CONTENT, CASE_SEARCH_TERMS],
})
export class PrivacyModule {}
