-- AlterTable
ALTER TABLE "salesforce_accounts" ADD COLUMN     "automation_budget_percent" INTEGER;

-- CreateTable
CREATE TABLE "salesforce_api_usage" (
    "account_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "our_calls" INTEGER NOT NULL DEFAULT 0,
    "used" INTEGER,
    "limit" INTEGER,
    "reported_at" TIMESTAMP(3),

    CONSTRAINT "salesforce_api_usage_pkey" PRIMARY KEY ("account_id","day")
);

-- AddForeignKey
ALTER TABLE "salesforce_api_usage" ADD CONSTRAINT "salesforce_api_usage_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "salesforce_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

