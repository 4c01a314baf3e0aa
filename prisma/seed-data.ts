// Demo data for a first look: three places, staff of every role, a few citizens. Sign-ins are in the README.
import type { Db } from "~/db.server";
import { hashPassword } from "~/capabilities/people/auth.server";
import { createMessenger } from "~/capabilities/messaging/messenger.server";
import { systemClock, type Clock } from "~/lib/clock";
import { LENDING_PEOPLE, seedLending } from "./seed-lending";
import { seedScheduling } from "./seed-scheduling";

export const DEMO_PASSWORD = "ambulanz-demo";

// Staff phones (for "Call now") are fictional: +49 30 23125 xxx is the range Germany reserves for films and books.
// The volunteer has none, so the demo also shows the hint staff without a number get.
export const DEMO_STAFF = [
  { name: "Aylin Demir", email: "admin@ambulanz.example", role: "admin", locations: [] as string[], phone: "+493023125101" as string | null },
  { name: "Jonas Becker", email: "koordination@ambulanz.example", role: "coordinator", locations: [], phone: "+493023125102" },
  { name: "Maria Schulz", email: "bibliothek@ambulanz.example", role: "librarian", locations: ["stadtbibliothek"], phone: "+493023125103" },
  { name: "Peter Wagner", email: "ehrenamt@ambulanz.example", role: "volunteer", locations: ["bz-vahr", "haus-am-park"], phone: null },
] as const;

const weekdays = (from: string, to: string) =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [[from, to]]]));

const LOCATIONS = [
  {
    slug: "bz-vahr",
    name: "Begegnungszentrum Vahr",
    kind: "meeting_centre",
    street: "Berliner Freiheit 10",
    postalCode: "28327",
    city: "Bremen",
    phone: "+494211234570",
    openingHours: weekdays("10:00", "16:00"),
  },
  {
    slug: "haus-am-park",
    name: "Seniorenwohnen Haus am Park",
    kind: "care_home",
    street: "Parkallee 5",
    postalCode: "28209",
    city: "Bremen",
    phone: "+494211234580",
    openingHours: { ...weekdays("09:00", "12:00"), sat: [["14:00", "16:00"]] },
  },
  {
    slug: "stadtbibliothek",
    name: "Stadtbibliothek Bremen – Zentralbibliothek",
    kind: "library",
    street: "Am Wall 201",
    postalCode: "28195",
    city: "Bremen",
    phone: "+494211234590",
    openingHours: { ...weekdays("10:00", "19:00"), sat: [["10:00", "16:00"]] },
  },
];

const PEOPLE = [
  { firstName: "Gisela", lastNameInitial: "M", phone: "+4915112345678", phoneType: "mobile", language: "de", contactPreference: "sms" },
  { firstName: "Heinz", lastNameInitial: "K", phone: "+494219876543", phoneType: "landline", language: "de", contactPreference: "voice" },
  { firstName: "Ayşe", lastNameInitial: null, phone: "+4917612345678", phoneType: "mobile", language: "de", contactPreference: "sms" },
  { firstName: "Yusuf", lastNameInitial: "A", phone: "+4916012345678", phoneType: "mobile", language: "ar", contactPreference: "sms" },
  { firstName: "Margaret", lastNameInitial: "W", phone: "+494213456789", phoneType: "landline", language: "en", contactPreference: "voice" },
];

// Help articles: plain German and Leichte Sprache (short sentences, one line each, Mediopunkt in long words).
// Bodies are plain text: a blank line between paragraphs, "## " for a subheading, "1. " and "- " for lists.
export const DEMO_ARTICLES = [
  {
    slug: "wlan-einrichten",
    title: "WLAN am Tablet einrichten",
    body: `Mit WLAN kommt Ihr Tablet zu Hause ohne Kabel ins Internet. Sie brauchen dafür den Namen Ihres WLANs und das WLAN-Passwort. Beides steht meistens auf einem Aufkleber auf der Unter- oder Rückseite Ihres Routers, zum Beispiel einer FRITZ!Box oder eines Speedports.

## So geht es
1. Öffnen Sie die Einstellungen. Das ist das Symbol mit dem Zahnrad.
2. Tippen Sie auf „WLAN“. Bei manchen Geräten heißt es „Verbindungen“ und dann „WLAN“.
3. Schalten Sie WLAN ein, falls der Schalter aus ist.
4. Tippen Sie in der Liste auf den Namen Ihres WLANs.
5. Geben Sie das WLAN-Passwort ein. Achten Sie auf Groß- und Kleinschreibung.
6. Tippen Sie auf „Verbinden“.

Oben am Bildschirm erscheint jetzt das WLAN-Zeichen, ein kleiner Fächer aus Bögen. Das Tablet merkt sich das Passwort: Sie müssen es nur einmal eingeben.

## Wenn es nicht klappt
- Prüfen Sie das Passwort noch einmal Zeichen für Zeichen. Eine 0 (Null) und ein O sehen sich ähnlich.
- Gehen Sie mit dem Tablet näher an den Router.
- Schalten Sie das Tablet einmal aus und wieder ein.
- Kommen Sie in eine Sprechstunde oder rufen Sie uns an. Bringen Sie den Aufkleber mit dem Passwort mit oder ein Foto davon.`,
    titleEasy: "WLAN am Tablet anmachen",
    bodyEasy: `WLAN ist Internet ohne Kabel.
Mit WLAN kommt Ihr Tablet ins Internet.

Sie brauchen 2 Dinge:
- den Namen von Ihrem WLAN
- das Pass·wort von Ihrem WLAN

Beides steht auf einem Auf·kleber.
Der Auf·kleber ist am Router.
Der Router ist das Kästchen für das Internet.

## So geht es
1. Tippen Sie auf das Zahn·rad.
2. Tippen Sie auf: WLAN.
3. Tippen Sie auf den Namen von Ihrem WLAN.
4. Schreiben Sie das Pass·wort.
5. Tippen Sie auf: Verbinden.

Fertig!
Sie müssen das nur 1 Mal machen.

Klappt es nicht?
Rufen Sie uns an.
Wir helfen Ihnen gern.`,
  },
  {
    slug: "videoanruf-whatsapp",
    title: "Videoanruf mit WhatsApp",
    body: `Bei einem Videoanruf sehen und hören Sie Ihre Familie und Freunde. Über WLAN kostet das nichts. Beide brauchen die App WhatsApp, und die andere Person muss in Ihren Kontakten gespeichert sein.

## Einen Videoanruf beginnen
1. Öffnen Sie WhatsApp. Das ist das grüne Symbol mit dem Telefonhörer in einer Sprechblase.
2. Tippen Sie auf den Chat mit der Person, die Sie anrufen möchten.
3. Tippen Sie oben auf das Symbol mit der Kamera.
4. Warten Sie, bis die Person annimmt. Halten Sie das Gerät etwa eine Armlänge vor Ihr Gesicht.
5. Zum Auflegen tippen Sie auf den roten Knopf.

## Einen Videoanruf annehmen
Wenn jemand Sie mit Video anruft, klingelt das Gerät und Sie sehen den Namen. Tippen Sie auf den grünen Knopf oder wischen Sie ihn nach oben.

## Gut zu wissen
- Beim ersten Anruf fragt das Gerät, ob WhatsApp Kamera und Mikrofon benutzen darf. Tippen Sie auf „Erlauben“.
- Die andere Person sieht Sie nicht? Tippen Sie während des Anrufs auf das Kamera-Symbol.
- Unterwegs ohne WLAN braucht ein Videoanruf viel mobiles Datenvolumen.`,
    titleEasy: "Video·anruf mit WhatsApp",
    bodyEasy: `Bei einem Video·anruf sehen Sie die andere Person.
Und die andere Person sieht Sie.
Sie brauchen dafür die App WhatsApp.
Die andere Person braucht auch WhatsApp.

## So rufen Sie an
1. Tippen Sie auf WhatsApp.
2. Tippen Sie auf den Namen von der Person.
3. Tippen Sie oben auf die Kamera.
4. Warten Sie. Dann können Sie sprechen.
5. Zum Schluss tippen Sie auf den roten Knopf.

## Jemand ruft Sie an
Das Gerät klingelt.
Tippen Sie auf den grünen Knopf.

Benutzen Sie am besten WLAN.
Dann kostet der Anruf nichts.`,
  },
  {
    slug: "betrugs-sms-erkennen",
    title: "Betrugs-SMS erkennen",
    body: `Betrüger schicken SMS, die echt aussehen: angeblich von der Bank, einem Paketdienst oder von Ihrem Kind mit einer neuen Nummer. Sie wollen, dass Sie auf einen Link tippen, Geld überweisen oder Daten verraten.

## Daran erkennen Sie Betrug
- Die Nachricht macht Druck: „sofort“, „letzte Mahnung“, „Ihr Konto wird gesperrt“.
- Sie sollen auf einen Link tippen oder eine App installieren.
- Jemand schreibt „Hallo Mama, das ist meine neue Nummer“ und bittet bald um Geld.
- Sie sollen eine PIN, ein Passwort, eine TAN oder Ihre Kontonummer schicken.
- Sie haben gar kein Paket erwartet.

## Das sollten Sie tun
- Tippen Sie auf keinen Link und antworten Sie nicht.
- Rufen Sie im Zweifel die Person oder Firma unter der Nummer an, die Sie schon kennen – nicht unter der Nummer aus der SMS.
- Ihre Bank fragt Sie nie per SMS nach PIN oder TAN.
- Löschen Sie die Nachricht. Sie können die Nummer auch blockieren.

## Wenn Sie schon getippt oder bezahlt haben
- Rufen Sie sofort Ihre Bank an. Den Sperr-Notruf erreichen Sie unter 116 116.
- Zeigen Sie den Betrug bei der Polizei an.
- Rufen Sie uns an oder kommen Sie in eine Sprechstunde. Wir sehen uns Ihr Gerät gemeinsam mit Ihnen an.`,
    titleEasy: "Falsche SMS erkennen",
    bodyEasy: `Manche SMS sind von Betrügern.
Betrüger wollen Ihr Geld.

So erkennen Sie eine falsche SMS:
- In der SMS steht: Sie müssen sofort etwas tun.
- In der SMS ist ein Link.
- Jemand schreibt: Hallo Mama. Das ist meine neue Nummer.
- Jemand will Ihre PIN oder Ihr Pass·wort.

Das ist wichtig:
- Tippen Sie nicht auf den Link.
- Schreiben Sie nicht zurück.
- Schicken Sie kein Geld.
- Löschen Sie die SMS.

Sind Sie unsicher?
Rufen Sie die Person an.
Nehmen Sie die alte Nummer.

Haben Sie schon Geld geschickt?
Rufen Sie sofort Ihre Bank an.
Rufen Sie auch uns an.
Wir helfen Ihnen.`,
  },
];

export async function seedDemoData(db: Db, clock: Clock = systemClock): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // The demo sends only welcome messages, which name the phone themselves.
  const messenger = createMessenger(clock, { publicUrl: "http://localhost:3000", programmePhone: "+494211234560" });
  await db.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const { openingHours, ...location } of LOCATIONS) {
      const created = await tx.location.create({ data: { ...location, openingHours: JSON.stringify(openingHours) } });
      ids.set(location.slug, created.id);
    }
    for (const { locations, ...staff } of DEMO_STAFF) {
      await tx.staff.create({
        data: {
          ...staff,
          passwordHash,
          memberships: { create: locations.map((slug) => ({ locationId: ids.get(slug)! })) },
        },
      });
    }
    for (const person of [...PEOPLE, ...LENDING_PEOPLE]) {
      const created = await tx.person.create({ data: person });
      await messenger.send(tx, {
        to: { ...created },
        template: "welcome",
        params: { firstName: created.firstName, phone: "0421 1234560" },
      });
    }
    await tx.helpArticle.createMany({ data: DEMO_ARTICLES.map((article) => ({ ...article, published: true })) });
    await seedLending(tx, ids, clock.now());
    await seedScheduling(tx, ids, clock.now());
  });
}
