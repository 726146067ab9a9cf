-- CreateEnum
CREATE TYPE "chat_value_kind" AS ENUM ('text', 'datetime', 'list');

-- AlterTable
ALTER TABLE "discovered_chat_fields" ADD COLUMN     "last_seen_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "declared_chat_fields" (
    "id" UUID NOT NULL,
    "license_id" TEXT NOT NULL,
    "kind" "chat_field_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "value_kind" "chat_value_kind",
    "declared_by_email" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "declared_chat_fields_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "declared_chat_fields_license_id_kind_name_key" ON "declared_chat_fields"("license_id", "kind", "name");

-- AddForeignKey
ALTER TABLE "declared_chat_fields" ADD CONSTRAINT "declared_chat_fields_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

