import { Global, Module } from '@nestjs/common';
import { CaseKeyStore, PersonalDataVault, loadKeyEncryptionKey } from '@enlace/privacy';
import type { NodeDatabase } from '@enlace/store';
import { Kysely } from 'kysely';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';
import { NODE_DATABASE, NODE_TRANSACTIONS } from '../database/database.tokens';
import { NodeTransactions } from '../database/node-transactions';
import { PERSONAL_DATA_VAULT, SEALED_CASE_CONTENT } from './privacy.tokens';
import { SealedCaseContent } from './sealed-case-content';

/**
 * Privacy at rest: the person's data of each case are encrypted with a key of that case, wrapped by the node's
 * key-encryption key (ENLACE_CASE_KEK_FILE, outside the database); erasure destroys the case's key.
 */
@Global()
@Module({
  providers: [
    {
      provide: PERSONAL_DATA_VAULT,
      inject: [NODE_API_CONFIG, NODE_DATABASE],
      useFactory: async (config: NodeApiConfig, db: Kysely<NodeDatabase>) => {
        const keys = new CaseKeyStore(db, await loadKeyEncryptionKey(config.caseKekFile));
        // A wrong key-encryption key refuses the start, naming the key ids: started, nothing could be opened.
        await keys.assertKeyEncryptionKeyMatches();
        return new PersonalDataVault(keys);
      },
    },
    {
      provide: SEALED_CASE_CONTENT,
      inject: [PERSONAL_DATA_VAULT, NODE_TRANSACTIONS],
      useFactory: (vault: PersonalDataVault, transactions: NodeTransactions) =>
        new SealedCaseContent(vault, transactions),
    },
  ],
  exports: [PERSONAL_DATA_VAULT, SEALED_CASE_CONTENT],
})
export class PrivacyModule {}
