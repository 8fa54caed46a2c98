import { GlossDatabase } from '@/lib/storage/database';

let database: GlossDatabase | null = null;

/** The background's single database connection, opened on first use. */
export function glossDatabase(): GlossDatabase {
  database ??= new GlossDatabase();
  return database;
}
