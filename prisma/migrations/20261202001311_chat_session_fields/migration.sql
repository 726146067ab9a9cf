-- CreateTable
CREATE TABLE "chat_session_fields" (
    "license_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "captured_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_session_fields_pkey" PRIMARY KEY ("license_id","chat_id")
);

-- AddForeignKey
ALTER TABLE "chat_session_fields" ADD CONSTRAINT "chat_session_fields_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

