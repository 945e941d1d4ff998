/** 10 characters or more, at least 5 different: the same rule in the browser and on the server. */
export const isStrongPassword = (p: string) => p.length >= 10 && new Set(p).size >= 5;
