// How staff screens name a citizen: "Gisela M." — first name and the initial of the last name, never more.
export interface NamedPerson {
  firstName: string;
  lastNameInitial: string | null;
}

export const personName = (person: NamedPerson) =>
  person.lastNameInitial ? `${person.firstName} ${person.lastNameInitial}.` : person.firstName;
