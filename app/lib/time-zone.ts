// The programme's own time zone: for places without their own and for programme-wide days (reports, quiet hours).
export const PROGRAMME_TIME_ZONE = "Europe/Berlin";
