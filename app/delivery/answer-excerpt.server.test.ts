import { describe, expect, it } from "vitest";
import { answerExcerpt } from "./answer-excerpt.server";

const sent = { name: "田中 一郎", address: { line: "東京都千代田区霞が関1-1", note: 'say "hi"' }, items: ["da", 42.5] };

describe("answerExcerpt", () => {
  it("takes out every sent value an agency echoes, plain, JSON-escaped or escaped to ASCII", () => {
    const asciiEscaped = JSON.stringify("田中 一郎").replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const body = `{"got":${JSON.stringify(sent.address)},"name":${asciiEscaped},"amount":42.5}`;
    const excerpt = answerExcerpt(body, sent)!;
    expect(excerpt).toBe('{"got":{"line":"[redacted]","note":"[redacted]"},"name":"[redacted]","amount":[redacted]}');
  });

  it("leaves an answer that echoes nothing as it is, and never cuts into its own marks", () => {
    expect(answerExcerpt('{"reference":"A-1","status":"received"}', sent)).toBe('{"reference":"A-1","status":"received"}');
    // "da" was sent too, and is in the mark put in place of the address: the mark stays whole.
    expect(answerExcerpt(`{"echo":"${sent.address.line}"}`, sent)).toBe('{"echo":"[redacted]"}');
  });

  it("takes out e-mail addresses and long numbers that were not sent, and keeps at most 2 KB", () => {
    expect(answerExcerpt("write to a@example.jp or call 090-1234-5678", {})).toBe("write to [redacted] or call [redacted]");
    expect(Buffer.byteLength(answerExcerpt("あ".repeat(2000), {})!)).toBeLessThanOrEqual(2048);
    expect(answerExcerpt("", sent)).toBeNull();
  });
});
