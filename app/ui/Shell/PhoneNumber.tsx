// A phone number people can read and tap: "0421 1234560" as a tel: link.
import { formatPhone } from "~/lib/phone";

export function PhoneNumber({ e164, label }: { e164: string; label?: string }) {
  return (
    <p className="phone-number">
      {label ? <span className="phone-number__label">{label} </span> : null}
      <a href={`tel:${e164}`} dir="ltr">
        {formatPhone(e164)}
      </a>
    </p>
  );
}
