export interface ScriptStatement {
  /** the statement with its terminating semicolon, or a psql meta-command's line (`\restrict …`) */
  sql: string;
  /** where it starts in the script, from 1 */
  line: number;
  metaCommand: boolean;
}

// A doubled quote stays inside; in E'…' strings a backslash escapes the next character.
const quotedString = /'[^']*(?:''[^']*)*'/y;
const escapeString = /'[^'\\]*(?:(?:''|\\[\s\S])[^'\\]*)*'/y;
const quotedIdentifier = /"[^"]*(?:""[^"]*)*"/y;
const dollarQuoteTag = /\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/y;
const identifierChar = /[\w$\u0080-\uffff]/;

/**
 * Splits a SQL script such as pg_dump's plain output into statements, the way psql does: on semicolons
 * outside quoted strings ('…', E'…', $tag$…$tag$), quoted identifiers and comments. A line starting
 * with a backslash where a statement would start is a psql meta-command, given on its own. Comments
 * before a statement are left out.
 */
export function* splitSqlScript(script: string): Generator<ScriptStatement> {
  let start = -1; // where the statement being read starts, or -1 between statements
  let line = 1;
  let counted = 0; // line holds for the position `counted`
  const lineAt = (position: number) => {
    for (; counted < position; counted++) if (script.charCodeAt(counted) === 10) line++;
    return line;
  };
  const end = script.length;
  let i = 0;
  while (i < end) {
    const c = script[i]!;
    const next = script[i + 1];
    if (c === "-" && next === "-") {
      i = lineEnd(script, i);
    } else if (c === "/" && next === "*") {
      i = blockCommentEnd(script, i);
    } else if (start < 0 && /\s/.test(c)) {
      i++;
    } else if (start < 0 && c === "\\") {
      const stop = lineEnd(script, i);
      yield { sql: script.slice(i, stop).trim(), line: lineAt(i), metaCommand: true };
      i = stop;
    } else {
      if (start < 0) start = i;
      if (c === ";") {
        yield { sql: script.slice(start, i + 1), line: lineAt(start), metaCommand: false };
        start = -1;
        i++;
      } else if (c === "'") {
        const escapes = (script[i - 1] === "E" || script[i - 1] === "e") && !identifierChar.test(script[i - 2] ?? "");
        i = skip(escapes ? escapeString : quotedString, script, i);
      } else if (c === '"') {
        i = skip(quotedIdentifier, script, i);
      } else if (c === "$" && !identifierChar.test(script[i - 1] ?? "")) {
        dollarQuoteTag.lastIndex = i;
        const tag = dollarQuoteTag.exec(script)?.[0];
        if (tag) {
          const close = script.indexOf(tag, i + tag.length);
          i = close < 0 ? end : close + tag.length;
        } else {
          i++;
        }
      } else {
        i++;
      }
    }
  }
  const rest = start < 0 ? "" : script.slice(start).trim();
  if (rest) yield { sql: rest, line: lineAt(start), metaCommand: false };
}

function lineEnd(script: string, from: number): number {
  const newline = script.indexOf("\n", from);
  return newline < 0 ? script.length : newline;
}

/** past the end of the /* comment at `from` (they nest in PostgreSQL) */
function blockCommentEnd(script: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < script.length) {
    if (script.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (script.startsWith("*/", i)) {
      i += 2;
      if (--depth === 0) return i;
    } else {
      i++;
    }
  }
  return i;
}

/** past the end of the token `pattern` matches at `from`, or the end of the script if it is not closed */
function skip(pattern: RegExp, script: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.test(script) ? pattern.lastIndex : script.length;
}
