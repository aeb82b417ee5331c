// The redactor holds live secrets only, within fixed caps: a rotated cookie replaces its predecessor,
// a hostile flood of cookies or passwords cannot grow it, and the client's own credentials stay.
import { describe, expect, it } from "vitest";
import { withCookieJar } from "../../src/core/cookies.js";
import { maskBeforeLoad, REDACTOR_LIMITS, Redactor } from "../../src/redact.js";
import { encodings, FormIndex } from "../../src/redact-forms.js";

/** A cookie jar over a base fetch whose answers set the cookies `cookiesFor(call)` returns. */
function jarWith(redactor: Redactor, cookiesFor: (call: number) => string[]) {
  let call = 0;
  const jar = withCookieJar(async (url) => {
    const headers = new Headers({ "Content-Type": "application/json" });
    for (const line of cookiesFor(call++)) headers.append("Set-Cookie", line);
    const response = new Response("{}", { status: 200, headers });
    // As a real fetch's answer, it says where it came from (the jar files cookies under that URL).
    Object.defineProperty(response, "url", { value: url });
    return response;
  }, redactor);
  return (url = "http://127.0.0.1:9/api/rest/2.0/users/search") => jar.fetch(url, { method: "POST" });
}

describe("cookies", () => {
  it("a stickiness cookie rotated on every answer replaces its predecessor", async () => {
    const redactor = new Redactor(["the-password"]);
    const value = (n: number) => `sticky-${n.toString(36)}-${"v".repeat(20)}`;
    const fetch = jarWith(redactor, (n) => [
      `AWSALB=${value(n)}; Path=/; Expires=Tue, 01 Jan 2036 00:00:00 GMT`,
      "JSESSIONID=session-cookie-1234; Path=/; HttpOnly",
    ]);
    for (let i = 0; i < 2_000; i++) await fetch();
    // The password, the session cookie and the current stickiness value: nothing else.
    expect(redactor.size).toBe(3);
    expect(redactor.text(`echo ${value(1_999)} and session-cookie-1234`)).toBe(
      "echo [REDACTED] and [REDACTED]",
    );
    // Values no longer live are not held (nor masked).
    expect(redactor.text(value(5))).toBe(value(5));
    expect(redactor.text("the-password")).toBe("[REDACTED]");
  });

  it("the same name on another path or domain is another cookie", async () => {
    const redactor = new Redactor();
    const fetch = jarWith(redactor, () => [
      "id=root-value-1; Path=/",
      "id=api-value-2; Path=/api",
      "id=other-domain-3; Path=/; Domain=127.0.0.1",
    ]);
    await fetch();
    expect(redactor.size).toBe(3);
    expect(redactor.text("root-value-1 api-value-2 other-domain-3")).toBe("[REDACTED] [REDACTED] [REDACTED]");
  });

  it("600 new cookies per answer stay within the cap, and the newest are masked", async () => {
    const redactor = new Redactor(["the-password"]);
    const fetch = jarWith(redactor, (n) =>
      Array.from({ length: 600 }, (_, i) => `c${n}x${i}=value-${n}-${i}-${"z".repeat(16)}; Path=/`),
    );
    for (let i = 0; i < 20; i++) await fetch();
    expect(redactor.size).toBe(1 + REDACTOR_LIMITS.cookies);
    expect(redactor.text(`value-19-599-${"z".repeat(16)}`)).toBe("[REDACTED]");
    expect(redactor.text("the-password")).toBe("[REDACTED]");
  });

  it("a cookie set to an empty value is forgotten", () => {
    const redactor = new Redactor();
    redactor.cookie("sid\u0000\u0000/", "live-session-value");
    expect(redactor.size).toBe(1);
    redactor.cookie("sid\u0000\u0000/", "");
    expect(redactor.size).toBe(0);
  });
});

describe("learnt secrets", () => {
  it("passwords of many calls stay within the cap; the client's own credentials and tokens are kept", () => {
    const redactor = new Redactor(["pinned-secret-key"]);
    redactor.add("token-from-the-login");
    for (let i = 0; i < 5_000; i++) redactor.learnFields({ name: `u${i}`, password: `user-password-${i}` });
    expect(redactor.size).toBe(2 + REDACTOR_LIMITS.learnt);
    expect(redactor.text("pinned-secret-key token-from-the-login")).toBe("[REDACTED] [REDACTED]");
    expect(redactor.text("user-password-4999")).toBe("[REDACTED]");
    expect(redactor.text("user-password-0")).toBe("user-password-0");
  });

  it("a credential seen again stays live while older ones go", () => {
    const redactor = new Redactor();
    redactor.add("refreshed-token-a");
    for (let i = 0; i < REDACTOR_LIMITS.credentials * 2; i++) {
      redactor.add(`filler-${i}`);
      redactor.add("refreshed-token-a");
    }
    expect(redactor.size).toBe(REDACTOR_LIMITS.credentials);
    expect(redactor.text("refreshed-token-a")).toBe("[REDACTED]");
    expect(redactor.text("filler-0")).toBe("filler-0");
  });

  it("finds secret-named fields at any depth and inside JSON text, within its bounds", () => {
    const redactor = new Redactor();
    redactor.learnFields({
      data_warehouse_config: { configuration: { password: "deep-pass-1" } },
      metadata: JSON.stringify({ configuration: { secret_key: "json-text-key-2" } }),
      list: [{ auth: { token: "array-token-3" } }],
      password: { value: "under-a-secret-name-4" },
      properties: [
        { key: "accountName", value: "acme" },
        { key: "password", value: "key-value-pass-5" },
      ],
    });
    expect(
      redactor.text("deep-pass-1 json-text-key-2 array-token-3 under-a-secret-name-4 key-value-pass-5 acme"),
    ).toBe("[REDACTED] [REDACTED] [REDACTED] [REDACTED] [REDACTED] acme");
    // A hostile depth neither overflows the stack nor runs long.
    let deep: Record<string, unknown> = { password: "too-deep-5" };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(() => redactor.learnFields(deep)).not.toThrow();
    expect(redactor.text("too-deep-5")).toBe("too-deep-5");
  });

  it("a mask is never masked again, whatever the secrets", () => {
    const redactor = new Redactor(["RED", "ACT"]);
    const once = redactor.text("RED and ACT");
    expect(once).toBe("[REDACTED] and [REDACTED]");
    expect(redactor.text(once)).toBe(once);
  });
});

// Before ./redact-forms.ts has loaded (text made before a client's first request), maskBeforeLoad
// masks: it must miss no form the index masks, and may mask a whole text where the index would not.
describe("masking before the forms have loaded", () => {
  const SECRETS = [
    "plain-token-1234",
    `Wh<3"s&'ky-p\u00e4ss/w\u00f6rd`,
    "a b+c%41 d",
    "tab\there\nnew\\line",
    "emoji-\u{1F511}-key",
    "x", // short: matches inside words, as the index does, and inside escapes
    "78;x",
  ];
  const index = (secret: string) => {
    const forms = new FormIndex();
    forms.sync(new Set([secret]));
    return forms;
  };

  it.each(SECRETS)("every form of %j is masked, as the index masks it", (secret) => {
    const live = new Set([secret, "another-secret-5678"]);
    for (const form of encodings(secret)) {
      const text = `before ${form} after, again:${form}&#x78;x`;
      const masked = maskBeforeLoad(text, live);
      for (const f of encodings(secret)) if (f.length > 1) expect(masked).not.toContain(f);
      // Where the index masks in place, the fallback masks in place too or masks the whole text.
      const precise = index(secret).mask(text);
      expect([precise, "[REDACTED]"]).toContain(masked);
    }
  });

  it("the raw, URL- and JSON-escaped forms are masked in place; other escapes mask the whole text", () => {
    const live = new Set(["s3cr&t/\u00e9"]);
    expect(maskBeforeLoad("got s3cr&t/\u00e9 and s3cr%26t%2F%C3%A9!", live)).toBe(
      "got [REDACTED] and [REDACTED]!",
    );
    expect(maskBeforeLoad("got s3cr&amp;t/&#233;", live)).toBe("[REDACTED]");
    expect(maskBeforeLoad("got s3cr\\u0026t\\/\\u00e9", live)).toBe("[REDACTED]");
    expect(maskBeforeLoad("an existing [REDACTED] stays; nothing else", live)).toBe(
      "an existing [REDACTED] stays; nothing else",
    );
    expect(maskBeforeLoad("no secrets held", new Set())).toBe("no secrets held");
  });

  it("a redactor masks with the index once the forms have loaded (loading() is then undefined)", async () => {
    const redactor = new Redactor(["ab-secret"]);
    await redactor.loading();
    expect(redactor.loading()).toBeUndefined();
    // %2D is "-": the fallback would mask this whole text; the index masks only the forms it knows.
    expect(redactor.text("ab%2Dsecret or ab-secret")).toBe("ab%2Dsecret or [REDACTED]");
    expect(maskBeforeLoad("ab%2Dsecret or ab-secret", new Set(["ab-secret"]))).toBe("[REDACTED]");
  });
});
