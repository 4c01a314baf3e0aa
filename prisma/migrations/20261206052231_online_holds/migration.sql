-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN "onlineHoldKey" TEXT;

-- AlterTable
ALTER TABLE "DayWait" ADD COLUMN "holdKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_onlineHoldKey_key" ON "Appointment"("onlineHoldKey");

-- CreateIndex
CREATE UNIQUE INDEX "DayWait_holdKey_key" ON "DayWait"("holdKey");

