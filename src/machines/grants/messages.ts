// Messages of sharing between companies (device grants), in Russian and English.
import { defineMessages } from '../../model/messages.ts';

export const grantMessages = defineMessages('machines', {
  invalidGrant: { en: 'Invalid grant', ru: 'Неверные данные доступа' },
  grantNotFound: { en: 'Grant {id} does not exist', ru: 'Доступа {id} нет' },
  grantToSelf: {
    en: 'the device is already your organisation’s',
    ru: 'устройство и так принадлежит вашей организации',
  },
  ownersOnly: {
    en: 'Only the administrators of the device’s organisation may share it',
    ru: 'Открывать доступ к устройству могут только администраторы его организации',
  },
  alreadyRevoked: {
    en: 'Grant {id} was revoked on {at}',
    ru: 'Доступ {id} отозван {at}',
  },
  keyNotGranted: {
    en: 'no grant lets your organisation read key {key} of this device',
    ru: 'ни один доступ не разрешает вашей организации читать ключ {key} этого устройства',
  },
  outsideGrant: {
    en: 'the grants for key {key} cover only {windows}',
    ru: 'доступ к ключу {key} открыт только на {windows}',
  },
  notShared: {
    en: 'The owner has not shared this with your organisation',
    ru: 'Владелец не открыл это вашей организации',
  },
});
