// Heavy work's messages, in Russian and English.
import { defineMessages } from '../model/messages.ts';

export const messages = defineMessages('work', {
  tooManyHeavy: {
    en: 'You have {limit} heavy requests (plans and the like) running, the most allowed at once; try again when one has finished',
    ru: 'У вас уже выполняются тяжёлые запросы (расчёты планов и подобные) — одновременно можно не больше {limit}; повторите, когда один из них завершится',
  },
  deadline: {
    en: 'The computation did not finish within its {seconds} s: the server is busy. Try again later, or ask for fewer robustness runs',
    ru: 'Расчёт не уложился в отведённые {seconds} с: сервер занят. Повторите позже или уменьшите число прогонов устойчивости',
  },
  saturated: {
    en: 'The server is computing at full capacity; try again in {retryAfter} s',
    ru: 'Сервер загружен расчётами полностью; повторите через {retryAfter} с',
  },
});
