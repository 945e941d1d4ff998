// The governance module's messages, in Russian and English.
import { defineMessages } from '../model/messages.ts';

export const messages = defineMessages('governance', {
  invalidTally: { en: 'The vote cannot be counted', ru: 'Голосование нельзя подсчитать' },
});
