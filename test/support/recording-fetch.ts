// A fetch that passes requests through and remembers what went out and what Prism said about it.

export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Headers;
  status: number;
  contentType: string | null;
  /** Prism's findings: request.* entries mean the SDK sent something the spec forbids. */
  violations: { location: string[]; message: string; severity: string }[];
}

export function recordingFetch(target: (request: Request) => Promise<Response> = (r) => globalThis.fetch(r)) {
  const exchanges: Exchange[] = [];
  const fetch = async (request: Request) => {
    const response = await target(request);
    const header = response.headers.get("sl-violations");
    exchanges.push({
      method: request.method,
      url: request.url,
      requestHeaders: new Headers(request.headers),
      status: response.status,
      contentType: response.headers.get("content-type"),
      violations: header ? JSON.parse(header) : [],
    });
    return response;
  };
  return { fetch, exchanges };
}

/** Request-side findings, and Prism's own rejections (problem+json from stoplight.io/prism/errors). */
export function requestViolations(exchange: Exchange): string[] {
  return exchange.violations
    .filter((v) => v.location[0] === "request")
    .map((v) => `${v.location.join(".")}: ${v.message}`);
}
