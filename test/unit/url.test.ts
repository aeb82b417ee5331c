import { describe, expect, it } from "vitest";
import { createThoughtSpotClient } from "../../src/index.js";
import { normalizeServerUrl } from "../../src/url.js";

describe("serverUrl", () => {
  it.each([
    ["https://my.thoughtspot.cloud", "https://my.thoughtspot.cloud"],
    ["https://my.thoughtspot.cloud/", "https://my.thoughtspot.cloud"],
    ["https://my.thoughtspot.cloud///", "https://my.thoughtspot.cloud"],
    ["  https://my.thoughtspot.cloud/  ", "https://my.thoughtspot.cloud"],
    ["https://my.thoughtspot.cloud/#/pinboard/abc", "https://my.thoughtspot.cloud"],
    ["https://my.thoughtspot.cloud/?param=1", "https://my.thoughtspot.cloud"],
    ["http://127.0.0.1:8080/", "http://127.0.0.1:8080"],
    ["https://proxy.example.com/thoughtspot/", "https://proxy.example.com/thoughtspot"],
  ])("normalises %s", (input, expected) => {
    expect(normalizeServerUrl(input)).toBe(expected);
  });

  it.each([
    ["my.thoughtspot.cloud", /with a scheme/],
    ["localhost:8080", /http or https/],
    ["ftp://my.thoughtspot.cloud", /http or https/],
    ["", /serverUrl must be/],
    [undefined, /serverUrl must be/],
    [42, /serverUrl must be/],
    ["https://user:pw@my.thoughtspot.cloud", /must not carry credentials/],
  ])("rejects %s with a TypeError naming the option, before any request", (input, message) => {
    let called = false;
    const fetch = async () => {
      called = true;
      return new Response("{}");
    };
    expect(() => createThoughtSpotClient({ serverUrl: input as string, fetch })).toThrow(TypeError);
    expect(() => normalizeServerUrl(input)).toThrow(message);
    expect(called).toBe(false);
  });

  it("never echoes URL credentials in the error", () => {
    expect(() => normalizeServerUrl("https://admin:hunter2secret@x.cloud")).not.toThrow(/hunter2secret/);
  });
});
