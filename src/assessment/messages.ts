// The assessment's messages, in Russian and English.
import { defineMessages } from '../model/messages.ts';

export const messages = defineMessages('assessment', {
  invalidReadiness: { en: 'Invalid readiness answers', ru: 'Неверные ответы об уровне готовности' },
  invalidSnapshot: { en: 'Invalid cluster snapshot', ru: 'Неверный снимок кластера' },
  observersDoNotAnswer: {
    en: "An observer does not answer for an organisation's readiness",
    ru: 'Наблюдатель не отвечает за готовность организации',
  },
  ownAnswersOnly: {
    en: "An organisation's readiness answers are seen by its own users and the operator",
    ru: 'Ответы организации о готовности видят только её пользователи и оператор',
  },
  unknownOrganisation: { en: 'There is no such organisation', ru: 'Такой организации нет' },
});
