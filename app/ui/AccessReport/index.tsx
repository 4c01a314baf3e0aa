// The access report (Art. 15) on A4: what is stored about a person, one section per kind of record, written in the
// person's language. Its text comes from the server in that language; `lang` and `dir` on the sheet let screen
// readers and the layout follow it, whatever language the staff page around it speaks.
import "./AccessReport.css";

export interface ReportFieldView {
  key: string;
  label: string;
  value: string;
  ltr: boolean;
}

export interface ReportRecordView {
  id: string;
  title: string;
  fields: ReportFieldView[];
  note: string | null;
  children: { section: string; title: string; records: ReportRecordView[] }[];
}

export interface AccessReportProps {
  lng: string;
  dir: "ltr" | "rtl";
  name: string;
  createdAt: string;
  text: {
    title: string;
    law: string;
    for: string;
    createdAt: string;
    intro: string;
    file: string;
    rights: string;
    empty: string;
    accessLog: string;
    accessLogCaption: string;
    when: string;
    who: string;
    what: string;
    record: string;
  };
  sections: { section: string; title: string; records: ReportRecordView[] }[];
  accessLog: { id: string; when: string; who: string; what: string; record: string }[];
}

function Fields({ fields }: { fields: ReportFieldView[] }) {
  return (
    <dl className="access-report__fields">
      {fields.map((f) => (
        <div key={f.key} className="access-report__field">
          <dt>{f.label}</dt>
          {/* Isolated, so a German note or a code keeps its own direction and its place inside an Arabic sheet. */}
          <dd>
            <bdi dir={f.ltr ? "ltr" : undefined}>{f.value}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Record({ record, level }: { record: ReportRecordView; level: 3 | 4 }) {
  const Heading = level === 3 ? "h3" : "h5";
  return (
    <div className="access-report__record" data-record-id={record.id}>
      <Heading className="access-report__record-title">{record.title}</Heading>
      {record.note ? <p>{record.note}</p> : null}
      <Fields fields={record.fields} />
      {record.children.map((child) => (
        <div key={child.section} className="access-report__children">
          <h4>{child.title}</h4>
          {child.records.map((r) => (
            <Record key={r.id} record={r} level={4} />
          ))}
        </div>
      ))}
    </div>
  );
}

export function AccessReport({ lng, dir, name, createdAt, text, sections, accessLog }: AccessReportProps) {
  return (
    <article lang={lng} dir={dir} className="access-report" aria-labelledby="access-report-title">
      <h1 id="access-report-title">{text.title}</h1>
      <p className="access-report__law">{text.law}</p>
      <dl className="access-report__fields">
        <div className="access-report__field">
          <dt>{text.for}</dt>
          <dd>
            <bdi>{name}</bdi>
          </dd>
        </div>
        <div className="access-report__field">
          <dt>{text.createdAt}</dt>
          <dd>{createdAt}</dd>
        </div>
      </dl>
      <p>{text.intro}</p>
      <p>{text.file}</p>
      <p>{text.rights}</p>
      {sections.map((s) => (
        <section key={s.section} id={`access-${s.section}`} aria-labelledby={`access-${s.section}-heading`} className="access-report__section">
          <h2 id={`access-${s.section}-heading`}>{s.title}</h2>
          {s.records.length ? s.records.map((r) => <Record key={r.id} record={r} level={3} />) : <p>{text.empty}</p>}
        </section>
      ))}
      <section id="access-accessLog" aria-labelledby="access-accessLog-heading" className="access-report__section">
        <h2 id="access-accessLog-heading">{text.accessLog}</h2>
        {accessLog.length ? (
          <table className="access-report__log">
            <caption>{text.accessLogCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.when}</th>
                <th scope="col">{text.who}</th>
                <th scope="col">{text.what}</th>
                <th scope="col">{text.record}</th>
              </tr>
            </thead>
            <tbody>
              {accessLog.map((e) => (
                <tr key={e.id} data-record-id={e.id}>
                  <td>{e.when}</td>
                  <td>{e.who}</td>
                  <td>{e.what}</td>
                  <td>{e.record}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{text.empty}</p>
        )}
      </section>
    </article>
  );
}
