/**
 * What a scanned QR code says → the asset tag to open. A label carries the device address
 * ("https://…/team/devices/tag/TAB-0005"); a code with just the tag ("TAB-0005") works too.
 */
export function tagFromCode(raw: string): string {
  const match = /\/team\/devices\/tag\/([^/?#\s]+)/.exec(raw);
  if (!match) return raw.trim();
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}
