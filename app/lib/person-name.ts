// How staff pages name a citizen: first name and the last name's initial ("Gisela M."), never more.

export const personName = (person: { firstName: string; lastNameInitial: string | null }) =>
  person.lastNameInitial ? `${person.firstName} ${person.lastNameInitial}.` : person.firstName;
