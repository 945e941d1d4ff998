// Messages of the NGSI-LD interface, in Russian and English.
import { defineMessages } from '../../model/messages.ts';

export const ngsiMessages = defineMessages('machines', {
  ngsiNeedsFilter: {
    en: 'give type, id or attrs to query entities',
    ru: 'для запроса сущностей укажите type, id или attrs',
  },
  ngsiNotUri: { en: '{id} is not a URI', ru: '{id} — не URI' },
  ngsiBadParameter: {
    en: 'parameter {name}: {rule}',
    ru: 'параметр {name}: {rule}',
  },
  ngsiUnsupported: {
    en: 'parameter {name} is not supported by this read-only interface',
    ru: 'параметр {name} не поддерживается этим интерфейсом только для чтения',
  },
  ngsiTooMany: {
    en: 'limit is at most {max}',
    ru: 'limit не больше {max}',
  },
  ngsiContextNotAvailable: {
    en: 'the @context {url} is not available here (no remote contexts are fetched); use {ours}',
    ru: '@context {url} здесь недоступен (удалённые контексты не загружаются); используйте {ours}',
  },
  ngsiNotAcceptable: {
    en: 'answers are application/ld+json or application/json',
    ru: 'ответы бывают только application/ld+json или application/json',
  },
  ngsiNoRoute: { en: 'no such NGSI-LD resource: {path}', ru: 'нет такого ресурса NGSI-LD: {path}' },
});
