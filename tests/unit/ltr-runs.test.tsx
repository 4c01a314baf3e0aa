// Phone numbers and reference codes in running text are isolated left to right, so an Arabic page shows "0151 12345678"
// in its own order; other text is left alone.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ltrRuns } from "~/ui/kit/Bidi";

const html = (text: string) => renderToStaticMarkup(<p>{ltrRuns(text)}</p>);

describe("ltrRuns", () => {
  it("isolates phone numbers of several digit groups, with or without +", () => {
    expect(html("هاتف محمول أو أرضي، مثل 0151 12345678 أو 0421 123456.")).toBe(
      '<p>هاتف محمول أو أرضي، مثل <bdi dir="ltr">0151 12345678</bdi> أو <bdi dir="ltr">0421 123456</bdi>.</p>',
    );
    expect(html("بأي صيغة، مثلًا \u200e+49 421 123456")).toBe('<p>بأي صيغة، مثلًا <bdi dir="ltr">\u200e+49 421 123456</bdi></p>');
  });

  it("isolates six-character reference codes, and nothing that only looks like a word", () => {
    expect(html("طلبك AC39KM")).toBe('<p>طلبك <bdi dir="ltr">AC39KM</bdi></p>');
    expect(html("أرسل STATUS أو HILFE")).toBe("<p>أرسل STATUS أو HILFE</p>");
  });

  it("leaves single numbers and text without numbers as they are", () => {
    expect(html("بعد 15 دقيقة")).toBe("<p>بعد 15 دقيقة</p>");
    expect(ltrRuns("Geben Sie Ihre Referenz ein.")).toBe("Geben Sie Ihre Referenz ein.");
  });
});
