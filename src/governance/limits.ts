// Lengths the server accepts and the web's boxes stop at, one source for both.

export const governanceLimits = {
  /** a consent ballot's reason */
  ballotReason: 2000,
  /** the keystone's reason for a veto */
  vetoReason: 2000,
  /** a message in a proposal's discussion */
  message: 4000,
} as const;
