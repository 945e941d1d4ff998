// A zod issue worded for people: our own rules by their code (a schema's `rule(...)`), the
// common bounds and types in plain words with their figures ("не короче 2 знаков" rather than
// zod's "ожидалось, что string будет иметь >=2 символа"), anything else by zod's locales.
import { defineMessages, issueMessage, type Message, messageByCode } from './messages.ts';

export const fieldRules = defineMessages('field', {
  required: { en: 'required', ru: 'обязательно' },
  // the figures grouped as the reader writes them: «не больше 1 000 000», 'at most 1,000,000'
  tooShort: {
    en: 'at least {minimum} characters',
    ru: 'не короче {minimum} знаков',
    as: { minimum: 'number' },
  },
  tooLong: {
    en: 'at most {maximum} characters',
    ru: 'не длиннее {maximum} знаков',
    as: { maximum: 'number' },
  },
  atLeast: { en: 'at least {minimum}', ru: 'не меньше {minimum}', as: { minimum: 'number' } },
  above: { en: 'more than {minimum}', ru: 'больше {minimum}', as: { minimum: 'number' } },
  atMost: { en: 'at most {maximum}', ru: 'не больше {maximum}', as: { maximum: 'number' } },
  // beyond what a number holds exactly (a whole number's own bound, not a rule's)
  tooLarge: { en: 'a number too large', ru: 'слишком большое число' },
  below: { en: 'less than {maximum}', ru: 'меньше {maximum}', as: { maximum: 'number' } },
  fewItems: { en: 'at least {minimum} item(s)', ru: 'не меньше {minimum} (элементов)' },
  manyItems: { en: 'at most {maximum} item(s)', ru: 'не больше {maximum} (элементов)' },
  wholeNumber: { en: 'a whole number', ru: 'целое число' },
  number: { en: 'a number', ru: 'число' },
  text: { en: 'text', ru: 'текст' },
  yesNo: { en: 'yes or no (true/false)', ru: 'да или нет (true/false)' },
  list: { en: 'a list', ru: 'список' },
  object: { en: 'an object', ru: 'объект' },
  oneOf: { en: 'one of: {values}', ru: 'одно из: {values}' },
  date: { en: 'a date written YYYY-MM-DD', ru: 'дата в виде ГГГГ-ММ-ДД' },
  dateTime: {
    en: 'a date and time (ISO 8601, with its zone)',
    ru: 'дата и время (ISO 8601, с часовым поясом)',
  },
  email: {
    en: 'enter an e-mail address, e.g. name@example.com',
    ru: 'введите адрес электронной почты, например name@example.com',
  },
  unknownFields: { en: 'unknown field(s): {keys}', ru: 'неизвестные поля: {keys}' },
});

type Issue = { code?: string; message: string };

const figure = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : '');
const list = (v: unknown) =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') : '';

function common(raw: Issue): Message | null {
  // the fields each kind of zod issue carries (origin, minimum, values, format, …)
  const issue: Record<string, unknown> = { ...raw };
  const origin = issue.origin;
  switch (issue.code) {
    case 'too_small': {
      const minimum = figure(issue.minimum);
      if (origin === 'string') return fieldRules.tooShort({ minimum });
      if (origin === 'array' || origin === 'set') return fieldRules.fewItems({ minimum });
      if (origin === 'number' || origin === 'int' || origin === 'bigint')
        return issue.inclusive === false
          ? fieldRules.above({ minimum })
          : fieldRules.atLeast({ minimum });
      return null;
    }
    case 'too_big': {
      if (figure(issue.maximum) === Number.MAX_SAFE_INTEGER) return fieldRules.tooLarge();
      const maximum = figure(issue.maximum);
      if (origin === 'string') return fieldRules.tooLong({ maximum });
      if (origin === 'array' || origin === 'set') return fieldRules.manyItems({ maximum });
      if (origin === 'number' || origin === 'int' || origin === 'bigint')
        return issue.inclusive === false
          ? fieldRules.below({ maximum })
          : fieldRules.atMost({ maximum });
      return null;
    }
    case 'invalid_type': {
      if (/received undefined/.test(raw.message)) return fieldRules.required();
      const expected = issue.expected;
      if (expected === 'int') return fieldRules.wholeNumber();
      if (expected === 'number') return fieldRules.number();
      if (expected === 'string') return fieldRules.text();
      if (expected === 'boolean') return fieldRules.yesNo();
      if (expected === 'array') return fieldRules.list();
      if (expected === 'object' || expected === 'record') return fieldRules.object();
      return null;
    }
    case 'invalid_value':
      return Array.isArray(issue.values) ? fieldRules.oneOf({ values: list(issue.values) }) : null;
    case 'invalid_format':
      if (issue.format === 'date') return fieldRules.date();
      if (issue.format === 'datetime') return fieldRules.dateTime();
      if (issue.format === 'email') return fieldRules.email();
      return null;
    case 'unrecognized_keys':
      return fieldRules.unknownFields({ keys: list(issue.keys) });
    default:
      return null;
  }
}

/**
 * Whether an issue is a whole number's own bound (9 007 199 254 740 991) that another issue of
 * the same field states better («не больше 1 000 000»): it goes unsaid.
 */
export function impliedBound(
  issue: { code?: string; path: ReadonlyArray<PropertyKey> } & Record<string, unknown>,
  all: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>,
): boolean {
  if (issue.code !== 'too_big' || figure(issue.maximum) !== Number.MAX_SAFE_INTEGER) return false;
  const at = issue.path.map(String).join('.');
  return all.some((o) => o !== issue && o.path.map(String).join('.') === at);
}

/** The words for one zod issue, in RU and EN: our rule's code, a common bound, or zod's own. */
export function wordIssue(issue: Issue): Message {
  return messageByCode(issue.message) ?? common(issue) ?? issueMessage(issue);
}
