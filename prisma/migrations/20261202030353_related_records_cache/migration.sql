-- CreateTable
CREATE TABLE "related_records_cache" (
    "account_id" UUID NOT NULL,
    "chat_id" TEXT NOT NULL,
    "search_key" TEXT NOT NULL,
    "records" JSONB NOT NULL,
    "fetched_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "related_records_cache_pkey" PRIMARY KEY ("account_id","chat_id","search_key")
);

-- CreateIndex
CREATE INDEX "related_records_cache_fetched_at_idx" ON "related_records_cache"("fetched_at");

