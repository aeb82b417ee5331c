// sealSurfaces: a client's helper namespaces are sealed member by member as they are read, so a client
// made per request (one per user in a web service) wraps, and makes, only the methods it calls — and
// whatever is read throws errors with the client's secrets masked.
import { describe, expect, it } from "vitest";
import { sealSurfaces } from "../../src/core/boundary.js";
import { methodsOnRead } from "../../src/lazy.js";
import { Redactor } from "../../src/redact.js";

const SECRET = "pw-Секрет-0123456789";

function lazyNamespace(made: string[]) {
  return methodsOnRead(
    () => ["export", "import", "deploy"],
    () => true,
    (name) => {
      made.push(name);
      return () => {
        throw new Error(`${name} failed for ${SECRET}`);
      };
    },
  );
}

describe("sealSurfaces", () => {
  it("makes a lazily made namespace's methods only when read, and seals each", () => {
    const made: string[] = [];
    const client = sealSurfaces({ tml: lazyNamespace(made) }, new Redactor([SECRET]));
    // Only the first member is made, to see that the object holds functions.
    expect(made).toEqual(["export"]);
    expect(() => (client.tml.import as () => void)()).toThrow("import failed for [REDACTED]");
    expect(made).toEqual(["export", "import"]);
    // Listing still names every member, as before.
    expect(Object.keys(client.tml)).toEqual(["export", "import", "deploy"]);
  });

  it("seals the client's own methods in place and leaves other values as they are", () => {
    const surfaces = {
      serverUrl: "https://ts.example",
      api: { v2: {} },
      logout: () => {
        throw new Error(`logout: ${SECRET}`);
      },
    };
    const client = sealSurfaces(surfaces, new Redactor([SECRET]));
    expect(client).toBe(surfaces);
    expect(client.serverUrl).toBe("https://ts.example");
    expect(client.api).toEqual({ v2: {} });
    let message = "";
    try {
      client.logout();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^logout: /);
    expect(message).not.toContain(SECRET);
  });
});
