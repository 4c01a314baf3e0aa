// A phone number people can read and tap: "0421 1234560" as a tel: link. Formatted on the server
// (libphonenumber's metadata stays out of the browser).
export function PhoneNumber({ phone, label }: { phone: { e164: string; display: string }; label?: string }) {
  return (
    <p className="phone-number">
      {label ? <span className="phone-number__label">{label} </span> : null}
      <a href={`tel:${phone.e164}`} dir="ltr">
        {phone.display}
      </a>
    </p>
  );
}
