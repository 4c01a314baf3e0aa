// The programme's own time zone: the default wherever a message, day or hour has no place (and so no place's zone).
export const PROGRAMME_TIME_ZONE = "Europe/Berlin";
