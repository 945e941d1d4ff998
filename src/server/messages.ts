// Messages of the shell's own request checks (guard.ts), by code, Russian and English.
import { defineMessages } from '../model/index.ts';

export const messages = defineMessages('server', {
  tooDeep: {
    en: 'The input is nested more than {max} levels deep',
    ru: 'Входные данные вложены глубже {max} уровней',
  },
  controlCharacter: {
    en: 'must not hold control characters (such as NUL)',
    ru: 'не должно содержать управляющих символов (например, NUL)',
  },
});
