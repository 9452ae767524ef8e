// The wrong sentences people were shown (issue #10), each checked on the page where it was, rendered for real,
// in Japanese and in English: the record names each value's true source and shows codes as words; "who used my
// data" says what happened, not record.view or procedure.agency.accepted; gas needs someone present, not a visit;
// a move date outside the window of the municipality notifications is refused with the window in words.
import { describe, expect, it } from "vitest";
import { applyCaseEvent } from "../../app/cases/cases.server";
import { seedAgencyEndpoints } from "../../app/demo/seed.server";
import { browserRequest, signedInBrowser, type Browser } from "../setup/auth";
import { acceptAsAgency, deliverAll, requestOf } from "../setup/office";
import { useRenderedPortal } from "../security/render";
import { submitSampleCase } from "../factories";
import { cases } from "../../db/schema";
import { decode, rawKeysIn, visibleText } from "./page-text";

// 田中さん's move: the electricity and gas companies accept it.
const rendered = useRenderedPortal(async (db) => {
  seedAgencyEndpoints(db, { baseUrl: "http://127.0.0.1:9" });
  const tanaka = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
  await deliverAll(db);
  acceptAsAgency(db, tanaka.case.id, "electricity-move", "TEPCO-1");
  const gas = requestOf(db, tanaka.case.id, "gas-move");
  applyCaseEvent(db, { procedureRequestId: gas.id, event: { type: "agency.accepted" }, actor: `agency:${gas.agencyId}` });
});

async function page(path: string, as: Browser, lng: "ja" | "en", form?: [string, string][]) {
  const response = await rendered.portal.handle(browserRequest(path, { as, form, headers: { Accept: "text/html", "Accept-Language": lng } }));
  return { status: response.status, location: response.headers.get("Location"), html: await response.text() };
}

/** The record page as rows: the name of each value, the value, and where it came from. */
function recordRows(html: string): Record<string, { value: string; source: string }> {
  const rows = [...html.matchAll(/<div class="summary-list__row">([\s\S]*?)<\/div>/g)].map(([, row]) => {
    const [name, value, source] = [...row.matchAll(/<(dt|dd)[^>]*>([\s\S]*?)<\/\1>/g)].map(([, , inner]) => visibleText(inner));
    return [decode(name), { value, source }] as const;
  });
  return Object.fromEntries(rows);
}

describe("my record names the true source of every value, in words", () => {
  const sources = {
    en: {
      register: "the Basic Resident Register",
      person: "what you told us",
      transport: "the Transport Bureau (vehicle registration)",
      municipality: "your municipality",
      police: "the police (driving licences)",
      jlis: "J-LIS (My Number Card records)",
      immigration: "the Immigration Services Agency (residence cards)",
    },
    ja: {
      register: "住民基本台帳",
      person: "ご本人の申告",
      transport: "運輸支局（自動車の登録）",
      municipality: "お住まいの市区町村",
      police: "警察（運転免許）",
      jlis: "地方公共団体情報システム機構（マイナンバーカード）",
      immigration: "出入国在留管理庁（在留カード）",
    },
  };
  const names = {
    en: { phone: "Phone number", email: "Email address", vehicles: "Vehicles", dogs: "Dogs", licence: "Driving licence number", card: "My Number Card issued", address: "Address", nationality: "Nationality", relationship: "Relationship to the householder", status: "Status of residence", stay: "Period of stay ends on", residenceCard: "Residence card number" },
    ja: { phone: "電話番号", email: "メールアドレス", vehicles: "自動車", dogs: "飼い犬", licence: "運転免許証番号", card: "マイナンバーカードの交付", address: "住所", nationality: "国籍", relationship: "世帯主との続柄", status: "在留資格", stay: "在留期間の満了日", residenceCard: "在留カード番号" },
  };

  for (const lng of ["ja", "en"] as const) {
    it(`${lng}: phone and e-mail are the person's own, vehicles, dogs and licences their registers', only the rest the resident register's`, async () => {
      const takahashi = await page("/record", await signedInBrowser(rendered.db, "takahashi"), lng);
      expect(takahashi.status).toBe(200);
      expect(rawKeysIn(visibleText(takahashi.html))).toEqual([]);
      const rows = recordRows(takahashi.html);
      const name = names[lng];
      const source = (key: keyof typeof name) => rows[name[key]]?.source ?? `no row ${name[key]}`;
      expect(source("phone")).toContain(sources[lng].person);
      expect(source("email")).toContain(sources[lng].person);
      expect(source("vehicles")).toContain(sources[lng].transport);
      expect(source("dogs")).toContain(sources[lng].municipality);
      expect(source("licence")).toContain(sources[lng].police);
      expect(source("card")).toContain(sources[lng].jlis);
      expect(source("address")).toContain(sources[lng].register);
      for (const key of ["phone", "email", "vehicles", "dogs", "licence", "card"] as const) expect(source(key)).not.toContain(sources[lng].register);
      // A country, not its code.
      expect(rows[name.nationality].value).toBe(lng === "ja" ? "日本" : "Japan");
    });

    it(`${lng}: a foreign resident's residence details come from immigration, in words and dates`, async () => {
      const nguyen = await page("/record", await signedInBrowser(rendered.db, "nguyen"), lng);
      const rows = recordRows(nguyen.html);
      const name = names[lng];
      expect(rows[name.nationality].value).toBe(lng === "ja" ? "ベトナム" : "Vietnam");
      expect(rows[name.status].source).toContain(sources[lng].immigration);
      expect(rows[name.residenceCard].source).toContain(sources[lng].immigration);
      expect(rows[name.stay].value).toBe(lng === "ja" ? "2028年3月31日" : "31 March 2028");
      expect(rows[name.relationship].value).toBe(lng === "ja" ? "世帯主" : "Householder (yourself)");
      if (lng === "en") expect(rows[name.status].value).toBe("Engineer / Specialist in Humanities / International Services");
    });
  }
});

describe("who used my data says what happened, in words", () => {
  for (const lng of ["ja", "en"] as const) {
    it(`${lng}: reading the record and an organisation's decision are sentences, never record.view or procedure.agency.accepted`, async () => {
      const tanaka = await signedInBrowser(rendered.db, "tanaka");
      await page("/record", tanaka, lng);
      const shown = await page("/account/data-use", tanaka, lng);
      expect(shown.status).toBe(200);
      const text = visibleText(shown.html);
      for (const code of ["record.view", "procedure.agency.accepted", "record.read", "procedure.sent"]) expect(text).not.toContain(code);
      expect(rawKeysIn(text)).toEqual([]);
      expect(text).toContain(lng === "ja" ? "手続を受理" : "Accepted a procedure");
      expect(text).toContain(lng === "ja" ? "東京電力エナジーパートナー" : "TEPCO Energy Partner");
    });
  }
});

describe("a start page says which procedures need a visit, and gas is not one of them", () => {
  for (const lng of ["ja", "en"] as const) {
    it(`${lng}: the move-in needs a visit; gas needs someone present`, async () => {
      const start = await page("/life-events/relocation", await signedInBrowser(rendered.db, "ito"), lng);
      const items = [...start.html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, item]) => visibleText(item));
      const line = (name: string) => items.find((item) => item.startsWith(name)) ?? `no line for ${name}`;
      const visit = lng === "ja" ? "法律により来庁が必要" : "the law requires a visit";
      const present = lng === "ja" ? "立会いが必要" : "someone must be present";
      expect(line(lng === "ja" ? "転入届" : "Move-in notification")).toContain(visit);
      expect(line(lng === "ja" ? "ガスの使用開始・停止" : "Gas:")).not.toContain(visit);
      expect(line(lng === "ja" ? "ガスの使用開始・停止" : "Gas:")).toContain(present);
    });
  }
});

describe("the status page says the gas company needs someone present (立会い), not that the law requires a visit", () => {
  for (const lng of ["ja", "en"] as const) {
    it(lng, async () => {
      const kase = rendered.db.select().from(cases).all().find((row) => row.applicantId === "p-tanaka-ichiro")!;
      const gas = requestOf(rendered.db, kase.id, "gas-move");
      const shown = await page(`/cases/${kase.reference}`, await signedInBrowser(rendered.db, "tanaka"), lng);
      expect(shown.status).toBe(200);
      const start = shown.html.indexOf(`id="procedure-${gas.id}"`);
      expect(start).toBeGreaterThan(0);
      const next = shown.html.indexOf('id="procedure-', start + 20);
      const card = visibleText(shown.html.slice(start, next > 0 ? next : undefined));
      if (lng === "ja") {
        expect(card).toContain("立会い 開栓には立会いが必要です（ガス事業者が日時を連絡します）。 役所などへの来庁は不要です。");
        expect(card).not.toContain("法律により来庁が必要");
      } else {
        expect(card).toContain("Someone present Someone must be present when the gas is reconnected; the company will arrange the time. No visit to an office is needed.");
        expect(card).not.toMatch(/law requires a visit/i);
      }
    });
  }
});

describe("a move date outside the window of the notifications is refused, and the page says the window", () => {
  // The tests' today is 2026-03-01 (MADOGUCHI_TEST_TODAY): a move is notified from 30 days before it until 14 after.
  const expected = {
    ja: "引越しの日は2026年2月15日から2026年3月31日までの日付を入力してください。",
    en: "The date of the move must be between 15 February 2026 and 31 March 2026.",
  };
  for (const lng of ["ja", "en"] as const) {
    it(`${lng}: 2019 and 2031 are refused on the move date page, with the summary linking to the field`, async () => {
      const ito = await signedInBrowser(rendered.db, "ito");
      const started = await page("/life-events/relocation?index", ito, lng, []);
      expect(started.status).toBe(302);
      const path = "/life-events/relocation/questions/moveDate";
      for (const moveDate of ["2019-04-01", "2031-04-01"]) {
        const refused = await page(path, ito, lng, [["intent", "continue"], ["answer", moveDate]]);
        expect(refused.status).toBe(400);
        const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(refused.html)?.[0] ?? "";
        expect(summary).toContain('href="#answer"');
        expect(visibleText(summary)).toContain(expected[lng]);
        expect(visibleText(summary)).toContain(lng === "ja" ? "住民基本台帳法第22条" : "Basic Resident Registration Act, Article 22");
      }
      const accepted = await page(path, ito, lng, [["intent", "continue"], ["answer", "2026-03-31"]]);
      expect(accepted.status).toBe(302);
    });
  }
});
