/**
 * Whether the suite runs under CI: any non-empty CI other than "false" or "0" (CI services
 * set it to "true", "1" or their own name). Under CI an absent service or browser fails the
 * run; outside it the test says why it skips.
 */
export const onCI = (env: NodeJS.ProcessEnv = process.env): boolean => {
  const v = (env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== 'false' && v !== '0';
};
