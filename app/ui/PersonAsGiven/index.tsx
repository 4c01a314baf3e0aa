// The person a request is filed under, and beside it what the citizen said with this request when it differs from
// the stored record ("Gisela M. — booked as: Hildegard, Arabic"): staff see who asked before they confirm who it is.
import { useTranslation } from "react-i18next";
import { Link } from "~/ui/kit/Link";
import { useRootData } from "~/ui/root-data";

export interface PersonAsGivenData {
  id: string;
  name: string;
  /** Said with this request, where the record says otherwise (null: nothing different). */
  given: { name: string | null; language: string | null } | null;
}

export function PersonAsGiven({ person }: { person: PersonAsGivenData }) {
  const { t } = useTranslation("common");
  const root = useRootData();
  const given = person.given;
  const language = given?.language ? (root?.languages.find((l) => l.code === given.language)?.name ?? given.language) : null;
  return (
    <>
      <Link to={`/team/people/${person.id}`}>{person.name}</Link>
      {given?.name || language ? (
        <>
          {" "}
          <span className="person-as-given">
            ({t("givenWithRequest")} {given?.name ? <bdi>{given.name}</bdi> : null}
            {given?.name && language ? ", " : null}
            {language})
          </span>
        </>
      ) : null}
    </>
  );
}
