-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "givenLanguage" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "givenName" TEXT;

-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN "givenLanguage" TEXT;
ALTER TABLE "Reservation" ADD COLUMN "givenName" TEXT;

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN "givenLanguage" TEXT;
ALTER TABLE "Appointment" ADD COLUMN "givenName" TEXT;

-- AlterTable
ALTER TABLE "DayWait" ADD COLUMN "givenLanguage" TEXT;
ALTER TABLE "DayWait" ADD COLUMN "givenName" TEXT;

-- AlterTable
ALTER TABLE "Callback" ADD COLUMN "givenLanguage" TEXT;
ALTER TABLE "Callback" ADD COLUMN "givenName" TEXT;

