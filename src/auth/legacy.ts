import axios from "axios";
import { z } from "zod";
import { PelotonAuthError } from "./errors";

const legacyLoginSchema = z.object({ session_id: z.string().min(1), user_id: z.string().optional() });

/** The session login Peloton shut on 2025-10-29 (POST /auth/login, then the peloton_session_id cookie). */
export async function loginWithSession(
  apiUrl: string,
  credentials: { username: string; password: string },
  options: { timeoutMs: number; userAgent: string },
): Promise<{ sessionId: string; userId?: string }> {
  const response = await axios.post(
    new URL("/auth/login", apiUrl).toString(),
    { username_or_email: credentials.username, password: credentials.password },
    { timeout: options.timeoutMs, headers: { "User-Agent": options.userAgent }, validateStatus: () => true },
  );
  if (response.status === 200) {
    const body = legacyLoginSchema.safeParse(response.data);
    if (!body.success) throw new PelotonAuthError(`Peloton's /auth/login answer was not understood: ${JSON.stringify(response.data)}`);
    return { sessionId: body.data.session_id, userId: body.data.user_id };
  }
  if (response.status === 401) {
    throw new PelotonAuthError(`Peloton refused the login for ${credentials.username}. Check PELOTON_USERNAME and PELOTON_PASSWORD.`);
  }
  if (response.status === 403) {
    throw new PelotonAuthError(
      "Peloton no longer accepts session logins (/auth/login has answered 403 since October 2025). " +
        "Use PELOTON_AUTH_MODE=oauth (or auto, the default) to log in the way Peloton's web app does today.",
    );
  }
  throw new PelotonAuthError(`Peloton's /auth/login failed: HTTP ${response.status} ${JSON.stringify(response.data)}`);
}
