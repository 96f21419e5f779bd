// Reading the HTML pages Auth0 answers during a login: their forms, and the classic login page's settings.

export interface PageForm {
  action: string;
  method: "GET" | "POST";
  /** the hidden inputs, by name */
  fields: Record<string, string>;
  /** whether a person is meant to fill it in (a text or password input): a form without one is submitted at once */
  needsInput: boolean;
}

/** The page's first form, or null when it has none. */
export function pageForm(html: string): PageForm | null {
  const form = /<form\b([^>]*)>([\s\S]*?)(?:<\/form>|$)/i.exec(html);
  if (!form) return null;
  const action = attribute(form[1]!, "action") ?? "";
  const fields: Record<string, string> = {};
  let needsInput = false;
  for (const [input] of form[2]!.matchAll(/<input\b[^>]*>/gi)) {
    const type = (attribute(input, "type") ?? "text").toLowerCase();
    const name = attribute(input, "name");
    if (type === "hidden" && name) fields[name] = attribute(input, "value") ?? "";
    else if (!["submit", "button", "image", "reset"].includes(type)) needsInput = true;
  }
  return { action, method: attribute(form[1]!, "method")?.toUpperCase() === "POST" ? "POST" : "GET", fields, needsInput };
}

/**
 * The transaction fields of Auth0's classic login page (`state`, `_csrf`, …), which it carries as
 * `var config = JSON.parse(decodeURIComponent(escape(window.atob('<base64 JSON>'))))`.
 */
export function loginPageParams(html: string): Record<string, string> {
  const blob = /window\.atob\(\s*['"]([A-Za-z0-9+/=_-]+)['"]\s*\)/.exec(html)?.[1];
  if (!blob) return {};
  try {
    const config = JSON.parse(Buffer.from(blob, "base64").toString("utf8")) as { extraParams?: unknown; internalOptions?: unknown };
    return { ...strings(config.internalOptions), ...strings(config.extraParams) };
  } catch {
    return {};
  }
}

/** A page's visible text on one line, short enough for an error message. */
export function pageText(html: string, max = 200): string {
  const text = decodeEntities(html.replace(/<(script|style|title)\b[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function strings(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? "");
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") return String.fromCodePoint(entity[1]?.toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    return entities[entity.toLowerCase()] ?? whole;
  });
}
