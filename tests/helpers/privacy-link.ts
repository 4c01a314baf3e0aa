// The first SMS a number gets ends with a line linking the privacy page (decision 033): tests about what a message
// says compare the text before it.
export const PRIVACY_LINK_LINE = /\n[^\n]*\/datenschutz$/u;

export function withoutPrivacyLink(body: string): string {
  return body.replace(PRIVACY_LINK_LINE, "");
}
