import { createHmac, randomBytes } from "node:crypto";
import { base64url } from "./http";

const SCOPE = "openid peloton-api.members:default offline_access";
const ID_TOKEN_TTL_SECONDS = 36000;

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  id_token: string;
  scope: string;
  expires_in: number;
  token_type: "Bearer";
}

interface AccessToken {
  expiresAt: number; // epoch ms
  usesLeft?: number; // set by expireAccessTokensAfter
}

/** Every credential this simulator has handed out: access and refresh tokens, legacy sessions. */
export class Tokens {
  private readonly access = new Map<string, AccessToken>();
  private readonly refreshTokens = new Set<string>();
  private readonly sessions = new Set<string>();
  private readonly secret = randomBytes(32);

  constructor(
    private readonly userId: string,
    private readonly email: string,
    private readonly ttlSeconds: number,
    private readonly issuer: () => string,
    /** the Auth0 client the tokens are issued to, and the API they are for */
    private readonly client: { clientId: string; audience: string },
  ) {}

  /** A token response shaped as Auth0's (fixture oauth-token-response.json). */
  issue(nonce?: string): TokenResponse {
    const iat = Math.floor(Date.now() / 1000);
    const accessToken = this.jwt({
      iss: `${this.issuer()}/`,
      sub: this.userId,
      aud: [this.client.audience, `${this.issuer()}/userinfo`],
      iat,
      exp: iat + this.ttlSeconds,
      scope: SCOPE,
      azp: this.client.clientId,
      jti: randomBytes(8).toString("hex"),
    });
    this.access.set(accessToken, { expiresAt: (iat + this.ttlSeconds) * 1000 });
    const refreshToken = `v1.${randomBytes(48).toString("base64url")}`;
    this.refreshTokens.add(refreshToken);
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: this.jwt({
        iss: `${this.issuer()}/`,
        sub: this.userId,
        aud: this.client.clientId,
        iat,
        exp: iat + ID_TOKEN_TTL_SECONDS,
        email: this.email,
        ...(nonce ? { nonce } : {}),
      }),
      scope: SCOPE,
      expires_in: this.ttlSeconds,
      token_type: "Bearer",
    };
  }

  /** Trades a live refresh token for new tokens; refresh tokens rotate, so the one used dies. */
  refresh(refreshToken: string): TokenResponse | undefined {
    if (!this.refreshTokens.delete(refreshToken)) return undefined;
    return this.issue();
  }

  newSession(): string {
    const session = randomBytes(16).toString("hex");
    this.sessions.add(session);
    return session;
  }

  /** Whether an API request may pass: a bearer, when sent, decides; otherwise the legacy session cookie. */
  authenticate(authorization: string | undefined, sessionCookie: string | undefined): boolean {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
    if (bearer === undefined) return sessionCookie !== undefined && this.sessions.has(sessionCookie);
    const token = this.access.get(bearer);
    if (!token || Date.now() >= token.expiresAt) return false;
    if (token.usesLeft === undefined) return true;
    if (token.usesLeft <= 0) return false;
    token.usesLeft--;
    return true;
  }

  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }

  expireAccessTokensAfter(requests: number): void {
    if (!Number.isInteger(requests) || requests < 0) throw new Error(`expireAccessTokensAfter: n must be a whole number, got ${requests}`);
    // a token already counting down keeps the tighter limit: expired tokens never come back
    for (const token of this.access.values()) token.usesLeft = Math.min(requests, token.usesLeft ?? requests);
  }

  private jwt(payload: object): string {
    const unsigned = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "peloton-simulator" }))}.${base64url(JSON.stringify(payload))}`;
    return `${unsigned}.${createHmac("sha256", this.secret).update(unsigned).digest("base64url")}`;
  }
}
