-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN "cancelKey" TEXT;

-- AlterTable
ALTER TABLE "DayWait" ADD COLUMN "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_idempotencyKey_key" ON "Ticket"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Reservation_idempotencyKey_key" ON "Reservation"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_cancelKey_key" ON "Appointment"("cancelKey");

-- CreateIndex
CREATE UNIQUE INDEX "DayWait_idempotencyKey_key" ON "DayWait"("idempotencyKey");

