// How staff screens name a citizen: "Gisela M." — first name and the initial of the last name, never more.
export interface NamedPerson {
  firstName: string;
  lastNameInitial: string | null;
}

export const personName = (person: NamedPerson) =>
  person.lastNameInitial ? `${person.firstName} ${person.lastNameInitial}.` : person.firstName;

/** What a citizen said with one request beside the stored record ("booked as Hildegard", decision 027); null: nothing else. */
export const givenView = (request: { givenName: string | null; givenLanguage: string | null }) =>
  request.givenName || request.givenLanguage ? { name: request.givenName, language: request.givenLanguage } : null;
