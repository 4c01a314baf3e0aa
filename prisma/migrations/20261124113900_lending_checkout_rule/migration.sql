-- A device is lent only when it is available, or reserved (offered or accepted) for this very person: the database
-- refuses any other active loan, whatever code writes it (needs reset, in repair, retired, reserved for someone
-- else). One active loan per device is the unique index on Loan.activeDeviceId. No schema change: a trigger only.
-- (One line: the test helper splits migrations at ";" + newline.)
CREATE TRIGGER "Loan_device_lendable" BEFORE INSERT ON "Loan" WHEN NEW."status" = 'active' BEGIN SELECT RAISE(ABORT, 'device_not_lendable') WHERE NOT EXISTS (SELECT 1 FROM "Device" d WHERE d."id" = NEW."deviceId" AND (d."status" IN ('available', 'on_loan') OR (d."status" = 'reserved' AND EXISTS (SELECT 1 FROM "Reservation" r WHERE r."offeredDeviceId" = d."id" AND r."personId" = NEW."personId" AND r."status" IN ('offered', 'accepted'))))); END;
