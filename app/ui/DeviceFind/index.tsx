// "Find by asset tag": a GET form (a tag is not personal data), and wherever the browser can use a camera, a "Scan"
// button that reads a label's QR code and opens the device. The browser's own BarcodeDetector reads it where there
// is one (Android Chrome); elsewhere (iPad Safari, desktop Chromium and Firefox) video frames are decoded with jsQR,
// which is only downloaded when the camera is opened. Typing the tag always works.
import { Form, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { TextField } from "~/ui/kit/TextField";
import { tagFromCode } from "./tag";
import "./DeviceFind.css";

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats?: () => Promise<string[]>;
}
/** Reads the current video frame; null when there is no QR code in it. */
type Reader = (video: HTMLVideoElement) => Promise<string | null>;

/** Frames per second the jsQR fallback looks at: enough to feel instant, light on a slow tablet. */
const FRAME_INTERVAL_MS = 200;
/** Frames are scaled down to at most this width before decoding. */
const MAX_FRAME_WIDTH = 640;

async function browserDetector(): Promise<Reader | null> {
  const Barcode = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Barcode) return null;
  try {
    const formats = (await Barcode.getSupportedFormats?.()) ?? ["qr_code"];
    if (!formats.includes("qr_code")) return null;
    const detector = new Barcode({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  } catch {
    return null;
  }
}

async function jsqrReader(): Promise<Reader> {
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!context || !video.videoWidth || !video.videoHeight) return null;
    const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "attemptBoth" })?.data ?? null;
  };
}

type CameraProblem = "cameraDenied" | "noCamera";

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  return name === "NotAllowedError" || name === "SecurityError" ? "cameraDenied" : "noCamera";
}

export function DeviceFind({ defaultValue, errors }: { defaultValue?: string; errors?: string[] }) {
  const { t } = useTranslation("devices");
  const navigate = useNavigate();
  const [canScan, setCanScan] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    setCanScan(typeof navigator !== "undefined" && typeof navigator.mediaDevices?.getUserMedia === "function");
  }, []);

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    (async () => {
      try {
        const found = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        if (stopped) {
          found.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = found;
        const read = (await browserDetector()) ?? (await jsqrReader());
        const element = video.current;
        if (stopped || !element) return;
        element.srcObject = stream;
        await element.play().catch(() => undefined);
        const look = async () => {
          if (stopped) return;
          const code = await read(element).catch(() => null);
          if (stopped) return;
          const tag = code ? tagFromCode(code) : "";
          if (tag) {
            stop();
            navigate(`/team/devices/tag/${encodeURIComponent(tag)}`);
            return;
          }
          timer = setTimeout(look, FRAME_INTERVAL_MS);
        };
        await look();
      } catch (error) {
        if (stopped) return;
        stop();
        setProblem(problemOf(error));
        setScanning(false);
      }
    })();
    return stop;
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
          <Button
            variant="secondary"
            onPress={() => {
              setProblem(null);
              setScanning((s) => !s);
            }}
          >
            {scanning ? t("find.stopScan") : t("find.scan")}
          </Button>
        ) : null}
      </Form>
      <div role="alert" className="device-find__problem">
        {problem ? <p>{t(`find.${problem}`)}</p> : null}
      </div>
      {scanning ? (
        <>
          <p className="device-find__scan-hint">{t("find.scanHint")}</p>
          <video ref={video} className="device-find__video" muted playsInline aria-label={t("find.camera")} />
        </>
      ) : null}
    </section>
  );
}
