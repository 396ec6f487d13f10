-- CreateEnum
CREATE TYPE "DataSource" AS ENUM ('hub', 'hub_dump', 'paper', 'simulated');

-- CreateEnum
CREATE TYPE "Relation" AS ENUM ('finetune', 'adapter', 'quantized', 'merge');

-- CreateEnum
CREATE TYPE "EdgeSource" AS ENUM ('tags', 'card_data', 'import', 'simulated');

-- CreateEnum
CREATE TYPE "Metric" AS ENUM ('all', 'finetune', 'adapter', 'quantized', 'merge', 'downloads');

-- CreateEnum
CREATE TYPE "Granularity" AS ENUM ('month', 'day');

-- CreateEnum
CREATE TYPE "JobKind" AS ENUM ('crawl', 'import', 'fit', 'simulate');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgAuthor" (
    "author" TEXT NOT NULL,
    "orgId" INTEGER NOT NULL,

    CONSTRAINT "OrgAuthor_pkey" PRIMARY KEY ("author")
);

-- CreateTable
CREATE TABLE "HubModel" (
    "id" SERIAL NOT NULL,
    "repoId" TEXT NOT NULL,
    "hubId" TEXT,
    "author" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3),
    "pipelineTag" TEXT,
    "libraryName" TEXT,
    "downloads30d" BIGINT,
    "downloadsAllTime" BIGINT,
    "likes" INTEGER,
    "gated" TEXT,
    "tags" TEXT[],
    "childrenCount" JSONB,
    "isBase" BOOLEAN NOT NULL DEFAULT true,
    "crawled" BOOLEAN NOT NULL DEFAULT false,
    "source" "DataSource" NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HubModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelAlias" (
    "oldRepoId" TEXT NOT NULL,
    "modelId" INTEGER NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelAlias_pkey" PRIMARY KEY ("oldRepoId")
);

-- CreateTable
CREATE TABLE "LineageEdge" (
    "childId" INTEGER NOT NULL,
    "parentId" INTEGER NOT NULL,
    "relation" "Relation" NOT NULL,
    "source" "EdgeSource" NOT NULL,
    "childCreatedAt" TIMESTAMP(3),

    CONSTRAINT "LineageEdge_pkey" PRIMARY KEY ("childId","parentId")
);

-- CreateTable
CREATE TABLE "Series" (
    "id" SERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "metric" "Metric" NOT NULL,
    "granularity" "Granularity" NOT NULL,
    "source" "DataSource" NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "values" DOUBLE PRECISION[],
    "lastPartial" BOOLEAN NOT NULL DEFAULT false,
    "valuesHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DownloadSnapshot" (
    "modelId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "downloads30d" BIGINT,
    "downloadsAllTime" BIGINT,
    "likes" INTEGER,

    CONSTRAINT "DownloadSnapshot_pkey" PRIMARY KEY ("modelId","day")
);

-- CreateTable
CREATE TABLE "Fit" (
    "id" SERIAL NOT NULL,
    "seriesId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "asOf" INTEGER NOT NULL,
    "inputHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "lambda" DOUBLE PRECISION,
    "mu" DOUBLE PRECISION,
    "sigma" DOUBLE PRECISION,
    "m" DOUBLE PRECISION,
    "uncertainty" JSONB,
    "quality" JSONB,
    "forecast" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Fit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" SERIAL NOT NULL,
    "kind" "JobKind" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "params" JSONB NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "counts" JSONB,
    "checkpoint" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE INDEX "OrgAuthor_orgId_idx" ON "OrgAuthor"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "HubModel_repoId_key" ON "HubModel"("repoId");

-- CreateIndex
CREATE UNIQUE INDEX "HubModel_hubId_key" ON "HubModel"("hubId");

-- CreateIndex
CREATE INDEX "HubModel_author_idx" ON "HubModel"("author");

-- CreateIndex
CREATE INDEX "HubModel_isBase_createdAt_idx" ON "HubModel"("isBase", "createdAt");

-- CreateIndex
CREATE INDEX "ModelAlias_modelId_idx" ON "ModelAlias"("modelId");

-- CreateIndex
CREATE INDEX "LineageEdge_parentId_relation_childCreatedAt_idx" ON "LineageEdge"("parentId", "relation", "childCreatedAt");

-- CreateIndex
CREATE INDEX "Series_metric_granularity_idx" ON "Series"("metric", "granularity");

-- CreateIndex
CREATE UNIQUE INDEX "Series_modelId_metric_key" ON "Series"("modelId", "metric");

-- CreateIndex
CREATE INDEX "Fit_method_status_idx" ON "Fit"("method", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Fit_seriesId_method_asOf_key" ON "Fit"("seriesId", "method", "asOf");

-- CreateIndex
CREATE INDEX "Job_kind_status_idx" ON "Job"("kind", "status");

-- AddForeignKey
ALTER TABLE "OrgAuthor" ADD CONSTRAINT "OrgAuthor_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelAlias" ADD CONSTRAINT "ModelAlias_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "HubModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineageEdge" ADD CONSTRAINT "LineageEdge_childId_fkey" FOREIGN KEY ("childId") REFERENCES "HubModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineageEdge" ADD CONSTRAINT "LineageEdge_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "HubModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Series" ADD CONSTRAINT "Series_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "HubModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DownloadSnapshot" ADD CONSTRAINT "DownloadSnapshot_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "HubModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fit" ADD CONSTRAINT "Fit_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
