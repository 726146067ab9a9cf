import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The JS engine works offline; the CLI silently falls back to native engines (and tries to download
// them) when the adapter gets no connection string, so `prisma generate` gets a placeholder.
// `migrate diff` really connects: scripts/db-migration.ts passes DATABASE_URL for it.
process.env.DATABASE_URL ??= 'postgresql://placeholder@127.0.0.1:5432/placeholder';
const connectionString = process.env.DATABASE_URL;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString, idleTimeoutMillis: 50 }),
});
