// Russian for messages still written as English text. Being replaced by message codes (each
// module's messages.ts); deleted once no service throws plain text.
import type { Lang } from '../model/index.ts';

const exact: Record<string, string> = {
  // titles
  'Invalid input': 'Неверные данные',
  'Not logged in': 'Вход не выполнен',
  Forbidden: 'Доступ запрещён',
  'Not found': 'Не найдено',
  Conflict: 'Конфликт',
  'Too large': 'Слишком большой запрос',
  'Too many requests': 'Слишком много запросов',
  'Internal error': 'Внутренняя ошибка',
  Error: 'Ошибка',
  // rules of the schemas
  'INN: 10 or 12 digits with valid check digits':
    'ИНН: 10 или 12 цифр с верными контрольными разрядами',
  'OGRN: 13 (or OGRNIP 15) digits with a valid check digit':
    'ОГРН: 13 цифр (ОГРНИП — 15) с верным контрольным разрядом',
  'KPP: 9 characters, NNNNXXNNN': 'КПП: 9 знаков вида NNNNXXNNN',
  'OKVED: NN, NN.N, NN.NN, NN.NN.N or NN.NN.NN': 'ОКВЭД: NN, NN.N, NN.NN, NN.NN.N или NN.NN.NN',
  'FKKO code: 11 digits written "N NN NNN NN NN N"': 'Код ФККО: 11 цифр в виде «N NN NNN NN NN N»',
  'EWC code: "NN NN NN", * when hazardous': 'Код EWC: «NN NN NN», * для опасных',
  'lower-case letters, digits and dashes, 2-63 characters':
    'строчные латинские буквы, цифры и дефисы, 2–63 знака',
  'at least 10 characters': 'не короче 10 знаков',
  'use at least 5 different characters': 'используйте не меньше 5 разных символов',
  'cannot exceed employees': 'не может быть больше числа работников',
  'cannot exceed quantityPerYear': 'не может быть больше годового объёма',
  'must not be before joinedOn': 'не может быть раньше даты вступления',
  'must not be before availableFrom': 'не может быть раньше начала периода',
  'needs min or max': 'нужен минимум или максимум',
  'min exceeds max': 'минимум больше максимума',
  'an offer names its material': 'в предложении нужно указать материал',
  'an offer states its legal status': 'в предложении нужно указать правовой статус',
  'an offer gives a measured value': 'в предложении указывается измеренное значение',
  'a request names a material or a use': 'в запросе нужно указать материал или назначение',
  'a request gives a { min, max } limit': 'в запросе указывается предел { мин, макс }',
  'only for a request': 'только для запроса',
  'only for an offer': 'только для предложения',
  'a waste needs its FKKO code': 'для отхода нужен код ФККО',
  'a waste needs at least one FKKO code': 'для отхода нужен хотя бы один код ФККО',
  'a by-product names the process it comes from':
    'для побочного продукта укажите процесс, в котором он образуется',
  'a by-product names the standard or specification it meets':
    'для побочного продукта укажите ГОСТ, ТУ или спецификацию',
  'pipeline or wire needs the reach in km': 'для трубопровода или ЛЭП укажите дальность в км',
  'at most 1 000 000 RUB per unit': 'не больше 1 000 000 ₽ за единицу',
  'at most 10⁹ units a year': 'не больше 10⁹ единиц в год',
  'required for the operator': 'обязательно для оператора',
  // service answers
  'Log in or send an API key': 'Войдите в систему или передайте API-ключ',
  'Your role or organisation may not do this': 'Вашей роли или организации это недоступно',
  'Only the platform operator may do this': 'Это может только оператор платформы',
  'You may change only the records of your own organisation':
    'Изменять можно только записи своей организации',
  'You may see only your own organisation': 'Просматривать можно только свою организацию',
  'An API key cannot create API keys': 'API-ключ не может создавать API-ключи',
  'An API key cannot revoke API keys': 'API-ключ не может отзывать API-ключи',
  'An API key has no user to change': 'У API-ключа нет пользователя',
  'Only the operator may change an operator admin':
    'Администратора оператора может изменить только оператор',
  'Only the operator may create operator admins':
    'Администраторов оператора создаёт только оператор',
  'Only the holders of a match (or the operator) decide on it':
    'Решение по совпадению принимают только его стороны (или оператор)',
  'Saving a plan needs the role member or higher':
    'Для сохранения плана нужна роль «участник» или выше',
  'Wrong e-mail or password, or the account is not active':
    'Неверный e-mail или пароль, либо учётная запись не активна',
  'An organisation with these identifiers exists': 'Организация с такими реквизитами уже есть',
  'This e-mail is registered already': 'Этот e-mail уже зарегистрирован',
  'already registered': 'уже зарегистрирован',
  'already registered; contact the cluster operator':
    'уже зарегистрирован; обратитесь к оператору кластера',
  'already taken': 'уже занято',
  'The invitation is unknown, used or expired':
    'Приглашение неизвестно, уже использовано или истекло',
  'not a valid invitation': 'недействительное приглашение',
  'The file holds no organisations, sites or memberships':
    'В файле нет организаций, площадок или членства',
  empty: 'пусто',
  'not valid JSON': 'неверный JSON',
  'expected a list': 'ожидался список',
  'expected a GeoJSON FeatureCollection of site points':
    'ожидалась GeoJSON FeatureCollection точек площадок',
  'the header needs a "Запись" (record) column': 'в заголовке нужен столбец «Запись»',
  'The server failed; the error is logged': 'Сбой сервера; ошибка записана в журнал',
  'The record exists already (written at the same moment by another request)':
    'Запись уже существует (её одновременно создал другой запрос)',
  'Invalid body': 'Неверные данные запроса',
  'The input holds characters the database does not accept':
    'Во входных данных есть символы, которые база данных не принимает',
  'Plans are for current members of the cluster':
    'Планы доступны только действующим участникам кластера',
  'Invalid querystring': 'Неверные параметры запроса',
  'Invalid params': 'Неверный адрес запроса',
};

/** Messages with values in them: English pattern → Russian template ($1, $2, ...). */
const patterns: Array<[RegExp, string]> = [
  [
    /^Invalid (organisation|site|membership|membership end|application|decision|listing|user|invitation|API key|taxonomy|plan request|input)$/,
    'Неверные данные',
  ],
  [/^Invalid material (.+)$/, 'Неверный материал $1'],
  [
    /^(\d+) problem\(s\) in the file; nothing was imported$/,
    'Ошибок в файле: $1; ничего не импортировано',
  ],
  [
    /^Too many failed logins; try again in (\d+) s$/,
    'Слишком много неудачных попыток входа; повторите через $1 с',
  ],
  [/^This needs the role (\S+) or higher; yours is (\S+)$/, 'Нужна роль $1 или выше; у вас — $2'],
  [
    /^(Organisation|Site|Membership|Application|Listing|Match|Plan|Material|User|API key) (\S+) does not exist$/,
    'Объект «$1» $2 не найден',
  ],
  [/^No route (\S+) (\S+)$/, 'Нет маршрута $1 $2'],
  [/^unknown organisation (.+)$/, 'неизвестная организация $1'],
  [/^unknown (property|use|material) (.+)$/, 'неизвестное значение ($1): $2'],
  [/^(.+) is not in the FKKO catalogue of 2026-03-25$/, '$1 нет в каталоге ФККО от 25.03.2026'],
  [/^(.+) is not a code of (.+)$/, '$1 — не код материала $2'],
  [/^(.+) does not carry (.+)$/, 'у материала $1 нет показателя $2'],
  [/^(.+) cannot serve (.+)$/, 'материал $1 не подходит для $2'],
  [/^(.+) is measured in (.+)$/, 'материал $1 измеряется в $2'],
  [/^not a site of organisation (.+)$/, 'не площадка организации $1'],
  [/^closed on (.+)$/, 'закрыта $1'],
  [/^must not be before (.+)$/, 'не может быть раньше $1'],
  [/^(.+) appears twice$/, '$1 встречается дважды'],
  [/^site (.+) belongs to (.+)$/, 'площадка $1 принадлежит $2'],
  [/^membership (.+) belongs to (.+)$/, 'членство $1 принадлежит $2'],
  [
    /^membership (.+) began on (.+); history is not rewritten$/,
    'членство $1 началось $2; историю не переписывают',
  ],
  [
    /^membership (.+) ended on (.+); history is not rewritten$/,
    'членство $1 закончилось $2; историю не переписывают',
  ],
  [/^(.+) has an open membership (.+) already$/, 'у $1 уже есть действующее членство $2'],
  [
    /^unknown record "(.*)"; expected organisation, site or membership$/,
    'неизвестная запись «$1»; ожидались organisation, site или membership',
  ],
  [
    /^(.+) is no longer a member; the match cannot be accepted$/,
    '$1 больше не участник кластера; совпадение нельзя принять',
  ],
  [/^(.+) is (\S+) already$/, '$1: уже $2'],
  [/^Listing (.+) is withdrawn$/, 'Объявление $1 снято'],
];

export function translate(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const hit = exact[text];
  if (hit) return hit;
  for (const [re, ru] of patterns) if (re.test(text)) return text.replace(re, ru);
  return text;
}
