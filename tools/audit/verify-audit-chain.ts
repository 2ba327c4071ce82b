// Verifies a node's audit chain and reports the first broken link.
//   npm run audit:verify -- CO                      (a node of the local demo network)
//   MONGODB_URI=... ENLACE_DB_NAME=... npm run audit:verify   (any node's database)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AuditLogStore, verifyAuditChain } from '@enlace/audit';
import { nodeDatabaseName } from '@enlace/store';
import mongoose from 'mongoose';

function target(country: string | undefined): { uri: string; dbName: string } {
  const home = process.env['ENLACE_HOME'] ?? path.join(__dirname, '..', '..', '.enlace');
  const uri =
    process.env['MONGODB_URI'] ??
    (JSON.parse(fs.readFileSync(path.join(home, 'infra.json'), 'utf8')) as { mongodbUri: string }).mongodbUri;
  if (process.env['ENLACE_DB_NAME']) return { uri, dbName: process.env['ENLACE_DB_NAME'] };
  if (!country) throw new Error('name a country (e.g. CO) or set ENLACE_DB_NAME');
  const network = process.env['ENLACE_NETWORK'] ?? 'demo';
  return { uri, dbName: nodeDatabaseName(network, country) };
}

async function main(): Promise<number> {
  const { uri, dbName } = target(process.argv[2]);
  const connection = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 5000 }).asPromise();
  try {
    const report = await verifyAuditChain(new AuditLogStore(connection).records());
    if (report.intact) {
      console.log(`audit chain of ${dbName}: intact, ${report.records} records`);
      return 0;
    }
    console.log(`audit chain of ${dbName}: BROKEN at record ${report.firstBroken}: ${report.reason}`);
    return 1;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`audit:verify: ${error.message}`);
    process.exit(2);
  },
);
