import type { Database } from '../db/prisma';

/**
 * Stores what a chat's visitor had as session fields while the chat was live, merged by name with
 * what was stored before (a later update wins). One statement: a redelivered webhook changes nothing.
 */
export async function captureSessionFields(
  db: Database,
  key: { licenseId: string; chatId: string },
  fields: Record<string, string>,
  at: Date,
): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  const json = JSON.stringify(fields);
  await db.$executeRaw`
    INSERT INTO chat_session_fields (license_id, chat_id, fields, captured_at)
    VALUES (${key.licenseId}, ${key.chatId}, ${json}::jsonb, ${at})
    ON CONFLICT (license_id, chat_id)
    DO UPDATE SET fields = chat_session_fields.fields || EXCLUDED.fields, captured_at = EXCLUDED.captured_at`;
}

/** The captured session fields of some chats of a license, by chat id (one query). */
export async function capturedSessionFields(
  db: Database,
  licenseId: string,
  chatIds: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  if (chatIds.length === 0) return new Map();
  const rows = await db.chatSessionFields.findMany({
    where: { licenseId, chatId: { in: [...new Set(chatIds)] } },
    select: { chatId: true, fields: true },
  });
  return new Map(rows.map((r) => [r.chatId, toStrings(r.fields)]));
}

function toStrings(json: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    for (const [name, value] of Object.entries(json)) if (typeof value === 'string') out[name] = value;
  }
  return out;
}
