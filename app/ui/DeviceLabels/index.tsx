// A4 sheets of device labels, 3 × 7: the QR code (drawn on the server as inline SVG) that opens the device, the
// asset tag in large type, the model and the programme's phone number. On screen a preview; on paper only labels.
import { useTranslation } from "react-i18next";
import "./DeviceLabels.css";

export interface DeviceLabel {
  id: string;
  assetTag: string;
  model: string;
  /** Inline SVG markup made on the server by the qrcode package (no user input inside but the URL). */
  qr: string;
}

const PER_SHEET = 21;

export function DeviceLabelSheets({ labels, phone }: { labels: DeviceLabel[]; phone: { display: string } }) {
  const { t } = useTranslation("devices");
  const sheets: DeviceLabel[][] = [];
  for (let i = 0; i < labels.length; i += PER_SHEET) sheets.push(labels.slice(i, i + PER_SHEET));
  return (
    <section aria-labelledby="device-labels-heading" className="device-labels">
      <h2 id="device-labels-heading" className="no-print">
        {t("labels.preview", { count: labels.length })}
      </h2>
      {sheets.map((sheet, index) => (
        <ul key={index} className="device-labels__sheet" aria-label={t("labels.sheet", { number: index + 1 })}>
          {sheet.map((label) => (
            <li key={label.id} className="device-label">
              <div className="device-label__code" dangerouslySetInnerHTML={{ __html: label.qr }} />
              <div className="device-label__text">
                <p className={label.assetTag.length > 9 ? "device-label__tag device-label__tag--long" : "device-label__tag"} dir="ltr">
                  {label.assetTag}
                </p>
                <p className="device-label__model">{label.model}</p>
                <p className="device-label__phone">
                  {t("labels.phone")} <span dir="ltr">{phone.display}</span>
                </p>
              </div>
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
