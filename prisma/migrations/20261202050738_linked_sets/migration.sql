-- CreateEnum
CREATE TYPE "mapping_kind" AS ENUM ('record', 'conversation');

-- CreateEnum
CREATE TYPE "conversation_log_kind" AS ENUM ('task', 'note');

-- CreateEnum
CREATE TYPE "update_rule" AS ENUM ('fill_if_blank', 'overwrite', 'never');

-- AlterEnum
ALTER TYPE "duplicate_policy" ADD VALUE 'update';

-- AlterEnum
ALTER TYPE "entry_type" ADD VALUE 'chat_record';

-- DropIndex
DROP INDEX "object_mappings_account_id_object_name_key";

-- AlterTable
ALTER TABLE "object_mappings" ADD COLUMN     "kind" "mapping_kind" NOT NULL DEFAULT 'record',
ADD COLUMN     "log_as" "conversation_log_kind",
ADD COLUMN     "record_type_id" TEXT,
ADD COLUMN     "skip_if_exists_as" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "field_mappings" ADD COLUMN     "record_object" TEXT,
ADD COLUMN     "update_rule" "update_rule";

-- CreateIndex
CREATE UNIQUE INDEX "object_mappings_account_id_object_name_kind_key" ON "object_mappings"("account_id", "object_name", "kind");

