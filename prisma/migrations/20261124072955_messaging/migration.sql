-- AlterTable
ALTER TABLE "Message" ADD COLUMN "finalAt" DATETIME;
ALTER TABLE "Message" ADD COLUMN "purgedAt" DATETIME;
ALTER TABLE "Message" ADD COLUMN "recordingSid" TEXT;

-- CreateTable
CREATE TABLE "VoiceRecording" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VoiceRecording_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OptOut" (
    "phone" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL,
    "via" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "callbackId" TEXT,
    "ticketId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'initiated',
    "providerId" TEXT,
    "provider" TEXT,
    "answeredAt" DATETIME,
    "endedAt" DATETIME,
    "durationSeconds" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Call_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Call_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "VoiceRecording_messageId_key" ON "VoiceRecording"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Call_providerId_key" ON "Call"("providerId");

-- CreateIndex
CREATE INDEX "Call_staffId_createdAt_idx" ON "Call"("staffId", "createdAt");

-- CreateIndex
CREATE INDEX "Call_callbackId_idx" ON "Call"("callbackId");

-- CreateIndex
CREATE INDEX "Call_ticketId_idx" ON "Call"("ticketId");

-- CreateIndex
CREATE INDEX "Message_toPhone_sentAt_idx" ON "Message"("toPhone", "sentAt");

-- CreateIndex
CREATE INDEX "Message_finalAt_purgedAt_idx" ON "Message"("finalAt", "purgedAt");

-- CreateIndex
CREATE INDEX "Loan_locationId_followUp_idx" ON "Loan"("locationId", "followUp");

