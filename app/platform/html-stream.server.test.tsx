// @vitest-environment node
import { PassThrough, type Writable } from "node:stream";
import { text } from "node:stream/consumers";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { htmlBodyStream, withoutNulBytes } from "./html-stream.server";

/** A page whose 2,048-byte buffer ends one byte short of a three-byte character, as on the correction page. */
function Page({ padding }: { padding: number }) {
  return (
    <main>
      {/* In pieces: React writes a long string on its own, outside the buffer. */}
      {Array.from({ length: Math.ceil(padding / 500) }, (_, i) => (
        <p key={i}>{"a".repeat(Math.min(500, padding - i * 500))}</p>
      ))}
      <input defaultValue="田中 一郎" readOnly />
    </main>
  );
}

async function render(padding: number, into: () => Writable & NodeJS.ReadableStream) {
  const body = into();
  const rendered = text(body);
  await new Promise<void>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(<Page padding={padding} />, { onAllReady: () => (pipe(body), resolve()), onShellError: reject });
  });
  return rendered;
}

describe("the page's bytes", () => {
  it("lose the zero bytes React 18 pads its buffer with, and keep every Japanese character whole", async () => {
    // Some padding puts 一 across the buffer's edge: React alone then writes a NUL into the name.
    const broken: number[] = [];
    for (let padding = 1900; padding < 2100; padding++) if ((await render(padding, () => new PassThrough())).includes("\0")) broken.push(padding);
    expect(broken.length).toBeGreaterThan(0);
    for (const padding of broken) {
      const html = await render(padding, htmlBodyStream);
      expect(html).not.toContain("\0");
      expect(html).toContain('value="田中 一郎"');
    }
  });

  it("pass through unchanged when they hold no zero byte", () => {
    const chunk = Buffer.from("<p>窓口</p>");
    expect(withoutNulBytes(chunk)).toBe(chunk);
    expect(withoutNulBytes(Buffer.from([0x3c, 0, 0xe7, 0xaa, 0x93, 0, 0]))).toEqual(Buffer.from("<窓"));
    expect(withoutNulBytes(Buffer.from([0, 0x61, 0, 0, 0x62, 0x63, 0, 0x64]))).toEqual(Buffer.from("abcd"));
    expect(withoutNulBytes(Buffer.from([0, 0, 0]))).toEqual(Buffer.alloc(0));
  });
});
