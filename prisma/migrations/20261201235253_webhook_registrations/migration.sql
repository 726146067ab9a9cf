-- CreateTable
CREATE TABLE "livechat_webhook_registrations" (
    "id" UUID NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "secret_enc" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "livechat_webhook_registrations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "livechat_webhook_registrations_webhook_id_key" ON "livechat_webhook_registrations"("webhook_id");

-- CreateIndex
CREATE INDEX "livechat_webhook_registrations_url_action_idx" ON "livechat_webhook_registrations"("url", "action");

-- Registrations made before this change (one per installation, with the installing license's
-- token) become the app's registrations, secrets and all, so no delivery in flight is refused;
-- the next start keeps one and unregisters the rest at LiveChat.
INSERT INTO "livechat_webhook_registrations" ("id", "webhook_id", "url", "action", "secret_enc", "created_at")
SELECT DISTINCT ON ("webhook_id") gen_random_uuid(), "webhook_id", "webhook_url", 'chat_deactivated', "webhook_secret_enc", "installed_at"
FROM "livechat_installations"
WHERE "webhook_id" IS NOT NULL AND "webhook_url" IS NOT NULL AND "webhook_secret_enc" IS NOT NULL
ORDER BY "webhook_id", "installed_at" DESC;

-- A webhook's secret is never stored with the event it came with.
UPDATE "webhook_events" SET "payload" = "payload" - 'secret_key' WHERE "payload" ? 'secret_key';

-- AlterTable
ALTER TABLE "livechat_installations" DROP COLUMN "webhook_id",
DROP COLUMN "webhook_secret_enc",
DROP COLUMN "webhook_url",
ADD COLUMN     "webhooks_enabled_at" TIMESTAMP(3);

