/** The Auth0 client we log in as. The Auth0 domain itself is PELOTON_AUTH_URL. */
export interface Auth0Settings {
  clientId: string;
  audience: string;
  /** where Auth0 sends the code; it is read from the Location and never loaded */
  redirectUri: string;
}

// Peloton's web app (public values, the same in every client that logs in today: peloton-api.md §1c).
export const pelotonWebApp: Auth0Settings = {
  clientId: "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM",
  audience: "https://api.onepeloton.com/",
  redirectUri: "https://members.onepeloton.com/callback",
};
