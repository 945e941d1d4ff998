// Imported first by every chunk that builds zod schemas. Zod compiles object parsers with
// `new Function` unless told not to, and its probe for that is itself an `eval` the
// Content-Security-Policy refuses (script-src 'self', no 'unsafe-eval'): a violation report on
// every form. The interpreted parser gives the same answers.
import { config } from 'zod';

config({ jitless: true });
