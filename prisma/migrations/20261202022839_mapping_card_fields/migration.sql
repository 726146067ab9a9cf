-- AlterTable
ALTER TABLE "object_mappings" ADD COLUMN     "card_fields" JSONB;

