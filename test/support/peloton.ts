import type { Simulator } from "../../src/simulator";

/** How many requests the simulator has seen to each path (e.g. "/oauth/token"). */
export const countRequests = (sim: Simulator, pathname: string) => sim.requests.filter((r) => r.path === pathname).length;
export const logins = (sim: Simulator) => countRequests(sim, "/usernamepassword/login");
export const tokenGrants = (sim: Simulator) => countRequests(sim, "/oauth/token");
