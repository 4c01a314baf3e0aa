// Scanning a printed label with the camera, for real: Chromium's fake camera plays a video of a demo device's QR
// label (the address printed on it), and pressing "Scan" must open that device. Desktop Chromium has no
// BarcodeDetector, so this runs the jsQR fallback that iPad Safari and laptops use.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { baseUrl, openStaffPage, useBrowser, useStaffPages } from "../helpers/browser";

const TAG = "TAB-0004";

/** A few frames of YUV4MPEG2 video showing `text` as a QR code, black on white with a quiet zone. */
function qrVideo(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const scale = 8;
  const quiet = 4;
  const side = (modules.size + 2 * quiet) * scale;
  const width = 640;
  const height = 480;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (top + (quiet + row) * scale + y) * width + left + (quiet + col) * scale;
        luma.fill(0, start, start + scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma, chroma]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "da-scan-")), "label.y4m");
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
  return file;
}

// The address exactly as the label sheet prints it (PUBLIC_URL of the test app + the tag path).
const labelUrl = `${baseUrl()}/team/devices/tag/${TAG}`;
const browser = useBrowser({
  args: ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${qrVideo(labelUrl)}`],
});
const staffPage = useStaffPages(browser);

describe("scanning a label with the camera", () => {
  it("pressing Scan reads the label's QR code and opens the device; the camera is off afterwards", async () => {
    const page = await staffPage("coordinator");
    await openStaffPage(page, "/team/devices");
    const scan = page.getByRole("button", { name: "Etikett scannen" });
    await scan.focus();
    await Promise.all([
      page.waitForURL((url) => /^\/team\/devices\/(?!tag\/)[^/]+$/.test(url.pathname), { timeout: 15_000 }),
      page.keyboard.press("Enter"),
    ]);
    await page.locator("h1", { hasText: TAG }).waitFor();
    expect(await page.locator("video").count()).toBe(0);
  });

  it("in English, from the page for an unknown tag, a scan opens the scanned device", async () => {
    const page = await staffPage("coordinator", "en");
    await openStaffPage(page, "/team/devices/tag/NOPE-0001");
    await page.getByRole("button", { name: "Scan label" }).click();
    await page.waitForURL((url) => /^\/team\/devices\/(?!tag\/)[^/]+$/.test(url.pathname), { timeout: 15_000 });
    await page.locator("h1", { hasText: TAG }).waitFor();
  });
});
