// All of governance's SQL (none yet: the tally is pure).
export {};
