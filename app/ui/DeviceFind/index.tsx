// "Find by asset tag": a GET form (a tag is not personal data), and where the browser can read barcodes with the
// camera (BarcodeDetector), a "Scan" button that fills the field from a label's QR code. Hidden elsewhere.
import { Form, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/Button";
import { TextField } from "~/ui/TextField";
import "./DeviceFind.css";

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

/** "…/team/devices/tag/TAB-0005" or a plain tag → the tag. */
function tagFromCode(raw: string): string {
  const match = /\/team\/devices\/tag\/([^/?#]+)/.exec(raw);
  return match ? decodeURIComponent(match[1]!) : raw.trim();
}

export function DeviceFind({ defaultValue, errors }: { defaultValue?: string; errors?: string[] }) {
  const { t } = useTranslation("devices");
  const navigate = useNavigate();
  const [canScan, setCanScan] = useState(false);
  const [scanning, setScanning] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    setCanScan(typeof window !== "undefined" && "BarcodeDetector" in window && Boolean(navigator.mediaDevices?.getUserMedia));
  }, []);

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const Barcode = (window as unknown as { BarcodeDetector: DetectorClass }).BarcodeDetector;
    const detector = new Barcode({ formats: ["qr_code"] });
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        if (!video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stopped) {
          const [code] = await detector.detect(video.current);
          if (code) {
            navigate(`/team/devices/tag/${encodeURIComponent(tagFromCode(code.rawValue))}`);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      } catch {
        setScanning(false);
      }
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning, navigate]);

  return (
    <section aria-labelledby="device-find-heading" className="device-find">
      <h2 id="device-find-heading" className="device-find__heading">
        {t("find.heading")}
      </h2>
      <Form method="get" action="/team/devices" className="device-find__form">
        <TextField
          id="device-find-tag"
          name="tag"
          label={t("find.tag")}
          description={t("find.hint")}
          defaultValue={defaultValue}
          errors={errors}
          autoComplete="off"
          width="medium"
        />
        <Button type="submit">{t("find.submit")}</Button>
        {canScan ? (
          <Button variant="secondary" onPress={() => setScanning((s) => !s)}>
            {scanning ? t("find.stopScan") : t("find.scan")}
          </Button>
        ) : null}
      </Form>
      {scanning ? <video ref={video} className="device-find__video" muted playsInline aria-label={t("find.camera")} /> : null}
    </section>
  );
}
