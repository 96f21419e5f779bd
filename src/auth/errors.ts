/** Peloton refused to let us in, for a reason retrying will not fix: the message says what the user should do. */
export class PelotonAuthError extends Error {
  override name = "PelotonAuthError";
}

/** The refresh token is dead (rotated away, revoked or expired): only a new login or new tokens help. */
export class RefreshTokenRefusedError extends PelotonAuthError {
  override name = "RefreshTokenRefusedError";
}
