-- AlterTable
ALTER TABLE "licenses" ADD COLUMN     "chat_fields_scanned_at" TIMESTAMP(3),
ADD COLUMN     "chat_fields_scanned_chats" INTEGER NOT NULL DEFAULT 0;

