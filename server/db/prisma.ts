import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/client';

export type Database = PrismaClient;
/** The client inside a transaction; repo functions that may run in one take `Database | Transaction`. */
export type Transaction = Prisma.TransactionClient;

export function createDatabase(databaseUrl: string, options: { max?: number } = {}): Database {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 }),
  });
}
