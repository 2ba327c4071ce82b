import { Kysely, sql } from 'kysely';

/**
 * Documents that travel with a case (an identity or travel document, a medical or social report, a signed consent
 * form): what names no one about each (kind, media type, size, digest, how far it travelled) and its bytes in chunks,
 * each chunk sealed with the case's key. A document received from the other end is reassembled here from its chunks
 * as they arrive; erasure deletes both (and destroying the case's key has made every old copy unreadable already).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_documents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('case_id', 'text', (column) => column.notNull())
    .addColumn('origin', 'text', (column) => column.notNull())
    .addColumn('from_country', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('media_type', 'text', (column) => column.notNull())
    .addColumn('size', 'integer', (column) => column.notNull())
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('chunk_count', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('case_documents_by_case')
    .on('case_documents')
    .columns(['case_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('case_document_chunks')
    .addColumn('document_id', 'text', (column) => column.notNull().references('case_documents.id').onDelete('cascade'))
    .addColumn('index', 'integer', (column) => column.notNull())
    .addColumn('sealed_data', 'text', (column) => column.notNull())
    .addColumn('envelope_id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('case_document_chunks_pkey', ['document_id', 'index'])
    .execute();
  // The bytes are ciphertext: compressing them gains nothing, and storing them as they are keeps them out of TOAST's
  // compression work.
  await sql`alter table case_document_chunks alter column sealed_data set storage external`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['case_document_chunks', 'case_documents']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
