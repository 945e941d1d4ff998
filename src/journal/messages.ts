import { defineMessages } from '../model/index.ts';

export const messages = defineMessages('journal', {});
