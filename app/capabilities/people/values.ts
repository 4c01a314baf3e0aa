// Closed value sets of the people capability (stored as strings; see prisma/schema.prisma).
export const ROLES = ["admin", "coordinator", "librarian", "volunteer"] as const;
export type Role = (typeof ROLES)[number];

export const LOCATION_KINDS = ["meeting_centre", "care_home", "library"] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const PHONE_TYPES = ["mobile", "landline"] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const CONTACT_PREFERENCES = ["sms", "voice"] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];
