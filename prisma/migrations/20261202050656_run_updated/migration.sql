-- AlterEnum
ALTER TYPE "run_status" ADD VALUE 'updated';

