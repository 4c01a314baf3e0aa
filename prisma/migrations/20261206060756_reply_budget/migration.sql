-- AlterTable
ALTER TABLE "Message" ADD COLUMN "answers" TEXT;

-- CreateIndex
CREATE INDEX "Message_toPhone_createdAt_idx" ON "Message"("toPhone", "createdAt");

