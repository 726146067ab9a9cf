-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "salesforce_environment" AS ENUM ('production', 'sandbox', 'custom');

-- CreateEnum
CREATE TYPE "salesforce_account_status" AS ENUM ('pending', 'connected', 'needs_reconnect');

-- CreateEnum
CREATE TYPE "access_mode" AS ENUM ('everyone', 'groups', 'agents');

-- CreateEnum
CREATE TYPE "duplicate_policy" AS ENUM ('create', 'link');

-- CreateEnum
CREATE TYPE "entry_type" AS ENUM ('static', 'dynamic', 'auto_match');

-- CreateEnum
CREATE TYPE "chat_field_kind" AS ENUM ('custom_variable', 'prechat', 'postchat');

-- CreateEnum
CREATE TYPE "run_status" AS ENUM ('pending', 'running', 'created', 'linked', 'skipped', 'waiting', 'failed');

-- CreateTable
CREATE TABLE "licenses" (
    "id" TEXT NOT NULL,
    "license_number" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "licenses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "livechat_installations" (
    "license_id" TEXT NOT NULL,
    "access_token_enc" TEXT NOT NULL,
    "refresh_token_enc" TEXT NOT NULL,
    "token_key_id" TEXT NOT NULL,
    "access_token_expires_at" TIMESTAMP(3) NOT NULL,
    "scopes" TEXT[],
    "webhook_id" TEXT,
    "webhook_secret_enc" TEXT,
    "webhook_url" TEXT,
    "installed_by_account_id" TEXT NOT NULL,
    "installed_by_email" TEXT NOT NULL,
    "installed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "livechat_installations_pkey" PRIMARY KEY ("license_id")
);

-- CreateTable
CREATE TABLE "salesforce_accounts" (
    "id" UUID NOT NULL,
    "license_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "environment" "salesforce_environment" NOT NULL,
    "login_url" TEXT NOT NULL,
    "instance_url" TEXT,
    "org_id" TEXT,
    "org_name" TEXT,
    "connected_user_id" TEXT,
    "connected_user_name" TEXT,
    "connected_user_email" TEXT,
    "connected_by_email" TEXT,
    "connected_at" TIMESTAMP(3),
    "access_token_enc" TEXT,
    "refresh_token_enc" TEXT,
    "token_key_id" TEXT,
    "status" "salesforce_account_status" NOT NULL DEFAULT 'pending',
    "status_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "salesforce_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_rules" (
    "account_id" UUID NOT NULL,
    "mode" "access_mode" NOT NULL DEFAULT 'everyone',
    "group_ids" INTEGER[],
    "agent_emails" TEXT[],
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "access_rules_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "object_mappings" (
    "id" UUID NOT NULL,
    "license_id" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "object_name" TEXT NOT NULL,
    "object_label" TEXT NOT NULL,
    "automation" BOOLEAN NOT NULL DEFAULT false,
    "duplicate_policy" "duplicate_policy" NOT NULL DEFAULT 'create',
    "auto_assign" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "object_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "field_mappings" (
    "id" UUID NOT NULL,
    "mapping_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "entry_type" "entry_type" NOT NULL,
    "static_value" JSONB,
    "static_display" TEXT,
    "dynamic_source" TEXT,
    "match_object" TEXT,
    "match_field" TEXT,
    "match_source" TEXT,
    "searchable" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "field_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "automation_settings" (
    "license_id" TEXT NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "automation_settings_pkey" PRIMARY KEY ("license_id")
);

-- CreateTable
CREATE TABLE "discovered_chat_fields" (
    "id" UUID NOT NULL,
    "license_id" TEXT NOT NULL,
    "kind" "chat_field_kind" NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sample_value" TEXT,
    "seen_in_chat_id" TEXT,
    "chat_count" INTEGER NOT NULL DEFAULT 1,
    "discovered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "discovered_chat_fields_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "salesforce_describe_cache" (
    "account_id" UUID NOT NULL,
    "object_name" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "last_modified" TEXT,
    "fetched_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "salesforce_describe_cache_pkey" PRIMARY KEY ("account_id","object_name")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" UUID NOT NULL,
    "license_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "thread_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enqueued_at" TIMESTAMP(3),

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "automation_runs" (
    "id" UUID NOT NULL,
    "license_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "thread_id" TEXT,
    "mapping_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "object_name" TEXT NOT NULL,
    "status" "run_status" NOT NULL DEFAULT 'pending',
    "record_id" TEXT,
    "record_url" TEXT,
    "error_code" TEXT,
    "error_message" TEXT,
    "error_fields" TEXT[],
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sf_calls" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "automation_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" UUID NOT NULL,
    "license_id" TEXT NOT NULL,
    "actor_account_id" TEXT NOT NULL,
    "actor_email" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oauth_states" (
    "state_hash" TEXT NOT NULL,
    "license_id" TEXT NOT NULL,
    "account_id" UUID NOT NULL,
    "agent_account_id" TEXT NOT NULL,
    "browser_binding" TEXT NOT NULL,
    "code_verifier_enc" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oauth_states_pkey" PRIMARY KEY ("state_hash")
);

-- CreateTable
CREATE TABLE "agent_token_cache" (
    "token_hash" TEXT NOT NULL,
    "license_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "group_ids" INTEGER[],
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agent_token_cache_pkey" PRIMARY KEY ("token_hash")
);

-- CreateIndex
CREATE INDEX "salesforce_accounts_license_id_idx" ON "salesforce_accounts"("license_id");

-- CreateIndex
CREATE INDEX "object_mappings_license_id_idx" ON "object_mappings"("license_id");

-- CreateIndex
CREATE UNIQUE INDEX "object_mappings_account_id_object_name_key" ON "object_mappings"("account_id", "object_name");

-- CreateIndex
CREATE UNIQUE INDEX "field_mappings_mapping_id_field_key" ON "field_mappings"("mapping_id", "field");

-- CreateIndex
CREATE UNIQUE INDEX "discovered_chat_fields_license_id_kind_key_key" ON "discovered_chat_fields"("license_id", "kind", "key");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_events_license_id_chat_id_thread_id_action_key" ON "webhook_events"("license_id", "chat_id", "thread_id", "action");

-- CreateIndex
CREATE INDEX "automation_runs_license_id_created_at_idx" ON "automation_runs"("license_id", "created_at");

-- CreateIndex
CREATE INDEX "automation_runs_account_id_status_idx" ON "automation_runs"("account_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "automation_runs_license_id_chat_id_mapping_id_key" ON "automation_runs"("license_id", "chat_id", "mapping_id");

-- CreateIndex
CREATE INDEX "audit_entries_license_id_created_at_idx" ON "audit_entries"("license_id", "created_at");

-- CreateIndex
CREATE INDEX "agent_token_cache_expires_at_idx" ON "agent_token_cache"("expires_at");

-- AddForeignKey
ALTER TABLE "livechat_installations" ADD CONSTRAINT "livechat_installations_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "salesforce_accounts" ADD CONSTRAINT "salesforce_accounts_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_rules" ADD CONSTRAINT "access_rules_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "salesforce_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "object_mappings" ADD CONSTRAINT "object_mappings_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "object_mappings" ADD CONSTRAINT "object_mappings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "salesforce_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "field_mappings" ADD CONSTRAINT "field_mappings_mapping_id_fkey" FOREIGN KEY ("mapping_id") REFERENCES "object_mappings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "automation_settings" ADD CONSTRAINT "automation_settings_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discovered_chat_fields" ADD CONSTRAINT "discovered_chat_fields_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "salesforce_describe_cache" ADD CONSTRAINT "salesforce_describe_cache_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "salesforce_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "automation_runs" ADD CONSTRAINT "automation_runs_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "automation_runs" ADD CONSTRAINT "automation_runs_mapping_id_fkey" FOREIGN KEY ("mapping_id") REFERENCES "object_mappings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_license_id_fkey" FOREIGN KEY ("license_id") REFERENCES "licenses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "salesforce_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

