-- AlterTable
ALTER TABLE "automation_runs" ADD COLUMN     "lease_until" TIMESTAMP(3),
ADD COLUMN     "started_at" TIMESTAMP(3);

