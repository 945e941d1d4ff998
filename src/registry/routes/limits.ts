/**
 * Per-address limits on the public writes that hash a password with argon2 (F4). A flood
 * limit, not a lockout: a window of one minute. Login gets more room, since behind a proxy
 * without TRUST_PROXY every client shares one address (F6).
 */
export const hashingRouteLimit = { rateLimit: { max: 20, timeWindow: 60_000 } };
export const loginRouteLimit = { rateLimit: { max: 60, timeWindow: 60_000 } };
