import { formFields, json, type Reply, type SimRequest } from "./http";
import { pelotonError } from "./payloads";
import type { Tokens } from "./tokens";

interface LegacyLogin {
  enabled: boolean;
  credentials: { username: string; password: string };
  userId: string;
  tokens: Tokens;
}

/** POST /auth/login: the session login Peloton shut off on 2025-10-29 (peloton-api.md §1a–§1b). */
export function legacyLogin(request: SimRequest, { enabled, credentials, userId, tokens }: LegacyLogin): Reply {
  if (!enabled) return json(403, { status: 403, message: "Access forbidden. Endpoint no longer accepting requests." });
  const fields = formFields(request);
  if (!fields) return json(400, pelotonError(400, 4000, "Request was invalid"));
  const username = (fields.username_or_email ?? "").trim().toLowerCase();
  if (username !== credentials.username.toLowerCase() || fields.password !== credentials.password) {
    return json(401, pelotonError(401, 3010, "Login failed"));
  }
  const session = tokens.newSession();
  return json(200, { session_id: session, user_id: userId, pubsub_session: {} }, { "Set-Cookie": `peloton_session_id=${session}; Path=/` });
}
