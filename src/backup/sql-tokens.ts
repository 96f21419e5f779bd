// A SQL statement read token by token, the way PostgreSQL reads it with standard_conforming_strings on,
// for the restore's check of what a backup may hold (allowed-statements.ts).

/** Why a statement may not run, for the message that refuses the backup. */
export class Refusal extends Error {
  override name = "Refusal";
}

export type Token =
  | { kind: "word"; text: string } // a keyword or an unquoted name, lower-cased as PostgreSQL folds it
  | { kind: "name"; text: string } // a quoted identifier
  | { kind: "string"; text: string }
  | { kind: "number"; text: string }
  | { kind: "punct"; text: string };

export const describe = (token: Token | undefined) =>
  token === undefined ? "the end of the statement" : token.kind === "string" ? "a string" : `"${token.text}"`;

const wordPattern = /[A-Za-z_][A-Za-z0-9_]*/y;
const numberPattern = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * The statement's tokens, as PostgreSQL reads them with standard_conforming_strings on. Anything our
 * dumps never hold inside a statement is refused: comments, dollar quotes, E'' or U&'' strings,
 * backslashes, operators other than `=`.
 */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const quoted = (quote: string) => {
    let text = "";
    for (let j = i + 1; j < sql.length; j++) {
      if (sql[j] !== quote) continue;
      text += sql.slice(i + 1, j);
      if (sql[j + 1] === quote) {
        text += quote;
        i = j + 1;
        j++;
        continue;
      }
      i = j + 1;
      return text;
    }
    throw new Refusal(`a ${quote === "'" ? "string" : "quoted name"} that is never closed`);
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const rest = sql.slice(i, i + 2);
    if (/[ \t\r\n]/.test(c)) {
      i++;
    } else if (c === "'") {
      tokens.push({ kind: "string", text: quoted("'") });
    } else if (c === '"') {
      tokens.push({ kind: "name", text: quoted('"') });
    } else if (/[A-Za-z_]/.test(c)) {
      wordPattern.lastIndex = i;
      const word = wordPattern.exec(sql)![0];
      i += word.length;
      if (sql[i] === "'" || sql[i] === "&" || sql[i] === "$") throw new Refusal(`${word}${sql[i]}…: only plain '…' strings and names`);
      tokens.push({ kind: "word", text: word.toLowerCase() });
    } else if (/[0-9]/.test(c) || (c === "-" && /[0-9]/.test(sql[i + 1] ?? ""))) {
      numberPattern.lastIndex = i;
      const number = numberPattern.exec(sql)![0];
      i += number.length;
      if (/[A-Za-z_$]/.test(sql[i] ?? "")) throw new Refusal(`"${number}${sql[i]}…" is not a number`);
      tokens.push({ kind: "number", text: number });
    } else if (rest === "--" || rest === "/*") {
      throw new Refusal("a comment inside a statement");
    } else if (rest === "::") {
      tokens.push({ kind: "punct", text: "::" });
      i += 2;
    } else if ("(),;.=[]".includes(c)) {
      tokens.push({ kind: "punct", text: c });
      i++;
    } else {
      throw new Refusal(c === "$" ? "a dollar-quoted string or parameter" : `the character ${JSON.stringify(c)}`);
    }
  }
  return tokens;
}

/** Reads one statement's tokens, refusing at the first one out of place. */
export class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }
  private next(expected: string): Token {
    const token = this.tokens[this.at];
    if (token === undefined || token.text === ";") throw new Refusal(`expected ${expected}, found ${describe(token)}`);
    this.at++;
    return token;
  }
  /** past the token peek() answered */
  skip(): void {
    this.next("a value");
  }
  isWord(...words: string[]): boolean {
    const token = this.peek();
    return token?.kind === "word" && words.includes(token.text);
  }
  /** one of these keywords (lower case); answers it */
  word(...words: string[]): string {
    const token = this.next(words.join(" or ").toUpperCase());
    if (token.kind !== "word" || !words.includes(token.text)) throw new Refusal(`expected ${words.join(" or ").toUpperCase()}, found ${describe(token)}`);
    return token.text;
  }
  maybeWord(...words: string[]): string | undefined {
    return this.isWord(...words) ? this.word(...words) : undefined;
  }
  words(text: string): void {
    for (const word of text.split(" ")) this.word(word);
  }
  isPunct(text: string): boolean {
    const token = this.peek();
    return token?.kind === "punct" && token.text === text;
  }
  punct(text: string): void {
    const token = this.peek();
    if (token?.kind !== "punct" || token.text !== text) throw new Refusal(`expected "${text}", found ${describe(token)}`);
    this.at++;
  }
  maybePunct(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.at++;
    return true;
  }
  /** a name, quoted or not */
  name(): string {
    const token = this.next("a name");
    if (token.kind !== "word" && token.kind !== "name") throw new Refusal(`expected a name, found ${describe(token)}`);
    return token.text;
  }
  /** public.<name> */
  publicName(): string {
    this.word("public");
    this.punct(".");
    return this.name();
  }
  string(): string {
    const token = this.next("a string");
    if (token.kind !== "string") throw new Refusal(`expected a string, found ${describe(token)}`);
    return token.text;
  }
  number(): string {
    const token = this.next("a number");
    if (token.kind !== "number") throw new Refusal(`expected a number, found ${describe(token)}`);
    return token.text;
  }
  /** `(a, b, …)` */
  nameList(): string[] {
    this.punct("(");
    const names = [this.name()];
    while (this.maybePunct(",")) names.push(this.name());
    this.punct(")");
    return names;
  }
  /** the statement's last token, its semicolon */
  end(): void {
    if (!this.isPunct(";")) throw new Refusal(`expected the end of the statement, found ${describe(this.peek())}`);
    if (this.at !== this.tokens.length - 1) throw new Refusal("more than one statement");
  }
}
