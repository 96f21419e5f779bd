import type { IncomingHttpHeaders } from "node:http";

/** A request as the route handlers see it: already read whole. */
export interface SimRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  cookies: Record<string, string>;
  body: string;
}

export type Headers = Record<string, string | string[]>;

export type Reply =
  | { status: number; json: unknown; headers?: Headers }
  | { status: number; html: string; headers?: Headers }
  | { status: number; location: string; headers?: Headers };

export const json = (status: number, body: unknown, headers?: Headers): Reply => ({ status, json: body, headers });
export const html = (status: number, page: string, headers?: Headers): Reply => ({ status, html: page, headers });
export const redirect = (location: string, headers?: Headers): Reply => ({ status: 302, location, headers });

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return cookies;
}

/** A JSON or form-encoded body as flat fields (non-string JSON values are dropped); undefined when it is neither. */
export function formFields(request: SimRequest): Record<string, string> | undefined {
  const type = String(request.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  if (type === "application/x-www-form-urlencoded") return Object.fromEntries(new URLSearchParams(request.body));
  if (type === "application/json" || type === "") {
    try {
      const parsed: unknown = JSON.parse(request.body);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&#34;").replace(/'/g, "&#39;");
}

export const base64url = (text: string | Buffer) => Buffer.from(text).toString("base64url");
