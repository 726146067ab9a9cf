-- AlterTable
ALTER TABLE "automation_runs" ADD COLUMN     "visitor_email" TEXT,
ADD COLUMN     "visitor_name" TEXT;

