// The registry's messages and field labels, in Russian and English.
import { defineLabels, defineMessages } from '../model/messages.ts';

/** Rules the registry's schemas state (zod carries their codes; see model/messages.ts `rule`). */
export const rules = defineMessages('registry.rule', {
  inn: {
    en: 'INN: 10 or 12 digits with valid check digits',
    ru: 'ИНН: 10 или 12 цифр с верными контрольными разрядами',
  },
  ogrn: {
    en: 'OGRN: 13 digits starting with 1 or 5 (OGRNIP: 15 starting with 3), a registration year from 2002 (OGRNIP: 2004) to this year, and a valid check digit',
    ru: 'ОГРН: 13 цифр, первая 1 или 5 (ОГРНИП — 15, первая 3), год регистрации с 2002 (ОГРНИП — с 2004) по текущий и верный контрольный разряд',
  },
  kpp: { en: 'KPP: 9 characters, NNNNXXNNN', ru: 'КПП: 9 знаков вида NNNNXXNNN' },
  okved: {
    en: 'OKVED: NN, NN.N, NN.NN, NN.NN.N or NN.NN.NN',
    ru: 'ОКВЭД: NN, NN.N, NN.NN, NN.NN.N или NN.NN.NN',
  },
  knowledgeWithinStaff: {
    en: 'cannot exceed employees',
    ru: 'не может быть больше числа работников',
  },
  fkko: {
    en: 'FKKO code: 11 digits written "N NN NNN NN NN N"',
    ru: 'Код ФККО: 11 цифр в виде «N NN NNN NN NN N»',
  },
  ewc: { en: 'EWC code: "NN NN NN", * when hazardous', ru: 'Код EWC: «NN NN NN», * для опасных' },
  website: {
    en: 'a web address with http:// or https://, e.g. https://example.ru',
    ru: 'адрес сайта с http:// или https://, например https://example.ru',
  },
  consent: {
    en: 'consent to the processing of personal data is required to apply',
    ru: 'без согласия на обработку персональных данных заявку не подать',
  },
  licensedClass: {
    en: 'a waste licence covers hazard classes I–IV only; class V needs none',
    ru: 'лицензия на обращение с отходами охватывает только классы опасности I–IV; для V класса она не нужна',
  },
  listedOnce: { en: 'each value once', ru: 'каждое значение — один раз' },
  validBeforeIssued: {
    en: 'must not be before the date of issue',
    ru: 'не может быть раньше даты выдачи',
  },
  issuedNotYet: {
    en: 'a licence is recorded once issued: the date of issue must not be after today',
    ru: 'лицензию записывают после выдачи: дата выдачи не может быть позже сегодняшней',
  },
  issuedBeforeLaw: {
    en: 'waste activity is licensed under 89-FZ of 24 June 1998: the date of issue is not before it',
    ru: 'деятельность с отходами лицензируется по 89-ФЗ от 24.06.1998: дата выдачи не может быть раньше',
  },
  fkkoNotInCatalogue: {
    en: '{code} is not in the FKKO catalogue',
    ru: '{code} нет в каталоге ФККО',
  },
  fkkoClassNotLicensed: {
    en: '{code} is a class {hazardClass} waste, a class the licence does not cover',
    ru: '{code} — отход {hazardClass} класса опасности, а лицензия этот класс не охватывает',
  },
  removedNotYet: {
    en: 'a removal is recorded once it happened: the date must not be after today',
    ru: 'снятие записывают, когда оно произошло: дата не может быть позже сегодняшней',
  },
  leftBeforeJoined: {
    en: 'must not be before the joining date',
    ru: 'не может быть раньше даты вступления',
  },
  duplicateAnswer: {
    en: 'say how the applicant was answered: the next operator reads it here',
    ru: 'напишите, как ответили заявителю: следующий оператор прочтёт это здесь',
  },
  rejectionReason: {
    en: 'say why the application is rejected: the applicant reads it on the status page',
    ru: 'напишите причину отказа: заявитель прочтёт её на странице статуса заявки',
  },
});

export const messages = defineMessages('registry', {
  // organisations
  invalidOrganisation: { en: 'Invalid organisation', ru: 'Неверные данные организации' },
  organisationNotFound: { en: 'Organisation {id} does not exist', ru: 'Организации {id} нет' },
  organisationIdTaken: {
    en: 'Organisation {id} exists',
    ru: 'Организация {id} уже есть',
  },
  identifiersTaken: {
    en: 'An organisation with these identifiers exists',
    ru: 'Организация с такими реквизитами уже есть',
  },
  identifierRegistered: {
    en: 'already registered; contact the cluster operator',
    ru: 'уже зарегистрирован; обратитесь к оператору кластера',
  },
  alreadyTaken: { en: 'already taken', ru: 'уже занято' },
  // sites
  siteNotFound: { en: 'Site {id} does not exist', ru: 'Площадки {id} нет' },
  siteIdTaken: { en: 'Site {id} exists', ru: 'Площадка {id} уже есть' },
  siteClosed: { en: 'Site {id} was closed on {closedOn}', ru: 'Площадка {id} закрыта {closedOn}' },
  // waste licences
  licenceNotFound: { en: 'Waste licence {id} does not exist', ru: 'Лицензии {id} нет' },
  invalidLicence: { en: 'Invalid waste licence', ru: 'Неверные данные лицензии' },
  licenceNumberTaken: {
    en: 'The organisation already records licence No. {number}',
    ru: 'Лицензия № {number} у организации уже записана',
  },
  licenceRemoved: {
    en: 'Waste licence {id} was removed on {removedOn}',
    ru: 'Лицензия {id} снята с учёта {removedOn}',
  },
  // memberships
  invalidMembership: { en: 'Invalid membership', ru: 'Неверные данные членства' },
  membershipNotFound: { en: 'Membership {id} does not exist', ru: 'Членства {id} нет' },
  alreadyMember: {
    en: 'Organisation {organisationId} is a member already (membership {membershipId})',
    ru: 'Организация {organisationId} уже участник кластера (членство {membershipId})',
  },
  membershipEnded: {
    en: 'Membership {id} ended on {leftOn}',
    ru: 'Членство {id} закончилось {leftOn}',
  },
  notBeforeJoined: {
    en: 'must not be before {joinedOn}',
    ru: 'не может быть раньше {joinedOn}',
  },
  // applications
  applicationNotFound: { en: 'Application {id} does not exist', ru: 'Заявки {id} нет' },
  applicationDecided: {
    en: 'Application {id} is {status} already',
    ru: 'Заявка {id} уже рассмотрена ({status})',
  },
  applicationNotRejected: {
    en: 'Only a rejected application can be followed by a new one',
    ru: 'Подать заявку снова можно только после отклонения',
  },
  applicationSuperseded: {
    en: 'The organisation has applied again since; follow the newer status link',
    ru: 'Организация уже подала новую заявку; смотрите её по новой ссылке',
  },
  duplicateNotFound: {
    en: 'No repeated application has number {seq}',
    ru: 'Повторной заявки № {seq} нет',
  },
  duplicateAnswered: {
    en: 'Repeated application {seq} is marked answered already; reload the list to see the answer',
    ru: 'Повторная заявка № {seq} уже отмечена отвеченной; обновите список, чтобы увидеть ответ',
  },
  statusLinkNotFound: {
    en: 'No application has this status link',
    ru: 'Заявки с такой ссылкой нет',
  },
  loginApplicationPending: {
    en: 'Your organisation’s application is still being considered: you can log in once the operator admits it. Its status link shows where it stands',
    ru: 'Заявка вашей организации ещё рассматривается: войти можно будет после решения оператора. Где она сейчас, показывает ссылка на статус заявки',
  },
  loginApplicationRejected: {
    en: 'Your organisation’s application was rejected. Its status link shows the operator’s note and lets you apply again',
    ru: 'Заявка вашей организации отклонена. Ссылка на статус заявки покажет комментарий оператора и позволит подать заявку снова',
  },
  // the material taxonomy
  invalidTaxonomy: { en: 'Invalid taxonomy', ru: 'Неверный классификатор материалов' },
  invalidMaterial: { en: 'Invalid material {id}', ru: 'Неверный материал {id}' },
  unknownProperty: { en: 'unknown property {id}', ru: 'неизвестный показатель {id}' },
  unknownUse: { en: 'unknown use {id}', ru: 'неизвестное назначение {id}' },
  notInFkko: {
    en: '{code} is not in the FKKO catalogue of 2026-03-25',
    ru: '{code} нет в каталоге ФККО от 25.03.2026',
  },
  wasteNeedsFkko: {
    en: 'a waste needs at least one FKKO code',
    ru: 'для отхода нужен хотя бы один код ФККО',
  },
  materialNotFound: { en: 'Material {id} does not exist', ru: 'Материала {id} нет' },
  // users, invitations, API keys
  userNotFound: { en: 'User {id} does not exist', ru: 'Пользователя {id} нет' },
  emailTaken: {
    en: 'This e-mail is registered already',
    ru: 'Этот e-mail уже зарегистрирован',
  },
  alreadyRegistered: { en: 'already registered', ru: 'уже зарегистрирован' },
  alreadyInvited: {
    en: 'This e-mail is invited already: withdraw its invitation to invite it again',
    ru: 'Этот e-mail уже приглашён: отзовите приглашение, чтобы пригласить снова',
  },
  invitedAlready: {
    en: 'invited already, not yet joined',
    ru: 'уже приглашён, ещё не присоединился',
  },
  operatorCreatesOperators: {
    en: 'Only the operator may create operator admins',
    ru: 'Администраторов оператора создаёт только оператор',
  },
  operatorChangesOperators: {
    en: 'Only the operator may change an operator admin',
    ru: 'Администратора оператора может изменить только оператор',
  },
  invitationInvalid: {
    en: 'The invitation is unknown, used or expired',
    ru: 'Приглашение неизвестно, уже использовано или истекло',
  },
  notAnInvitation: { en: 'not a valid invitation', ru: 'недействительное приглашение' },
  apiKeyNotFound: { en: 'API key {id} does not exist', ru: 'API-ключа {id} нет' },
  apiKeyCannotCreateKeys: {
    en: 'An API key cannot create API keys',
    ru: 'API-ключ не может создавать API-ключи',
  },
  apiKeyCannotRevokeKeys: {
    en: 'An API key cannot revoke API keys',
    ru: 'API-ключ не может отзывать API-ключи',
  },
  apiKeyRevoked: {
    en: 'API key {id} was revoked on {revokedAt}',
    ru: 'API-ключ {id} отозван {revokedAt}',
  },
  // import and export
  fileProblems: {
    en: '{count} problem(s) in the file; nothing was imported',
    ru: 'Ошибок в файле: {count}; ничего не импортировано',
  },
  fileEmpty: {
    en: 'The file holds no organisations, sites or memberships',
    ru: 'В файле нет организаций, площадок или членства',
  },
  empty: { en: 'empty', ru: 'пусто' },
  importStale: {
    en: 'The registry has changed since the preview, so nothing was applied; preview the file again',
    ru: 'Реестр изменился после предпросмотра, поэтому ничего не применено; проверьте файл ещё раз',
  },
  appearsTwice: { en: '{id} appears twice', ru: '{id} встречается дважды' },
  identifierOf: { en: 'already registered for {id}', ru: 'уже зарегистрирован за {id}' },
  unknownOrganisation: { en: 'unknown organisation {id}', ru: 'неизвестная организация {id}' },
  siteBelongs: {
    en: 'site {id} belongs to {organisationId}',
    ru: 'площадка {id} принадлежит {organisationId}',
  },
  membershipBelongs: {
    en: 'membership {id} belongs to {organisationId}',
    ru: 'членство {id} принадлежит {organisationId}',
  },
  membershipBegan: {
    en: 'membership {id} began on {joinedOn}; history is not rewritten',
    ru: 'членство {id} началось {joinedOn}; историю не переписывают',
  },
  membershipEndedOn: {
    en: 'membership {id} ended on {leftOn}; history is not rewritten',
    ru: 'членство {id} закончилось {leftOn}; историю не переписывают',
  },
  openMembershipExists: {
    en: '{organisationId} has an open membership {membershipId} already',
    ru: 'у {organisationId} уже есть действующее членство {membershipId}',
  },
  notJson: { en: 'not valid JSON', ru: 'неверный JSON' },
  notJsonAt: {
    en: 'not valid JSON: the error is on line {line}, at character {column}',
    ru: 'неверный JSON: ошибка в строке {line}, знак {column}',
    as: { line: 'number', column: 'number' },
  },
  notJsonEnds: {
    en: 'not valid JSON: the file ends before the document does',
    ru: 'неверный JSON: файл обрывается раньше, чем документ',
  },
  emptyFile: {
    en: 'the file is empty: export the registry (CSV) for a file to fill in',
    ru: 'файл пуст: выгрузите реестр (CSV), чтобы получить файл для заполнения',
  },
  needsRecordColumn: {
    en: 'the header needs a "Record" column (or "Запись", as a Russian export names it)',
    ru: 'в заголовке нужен столбец «Запись» (или «Record», как в английской выгрузке)',
  },
  unknownRecord: {
    en: 'unknown record "{kind}"; expected organisation, site or membership',
    ru: 'неизвестная запись «{kind}»; ожидались organisation, site или membership',
  },
  // the library's own reason (zip internals, in English) helps no user: say what to do
  notXlsx: {
    en: 'the file is not an Excel workbook (.xlsx): save it from Excel as an .xlsx workbook and choose it again',
    ru: 'файл не является книгой Excel (.xlsx): сохраните его в Excel как книгу .xlsx и выберите снова',
  },
  notGeoJson: {
    en: 'expected a GeoJSON FeatureCollection of site points',
    ru: 'ожидалась GeoJSON FeatureCollection точек площадок',
  },
  expectedList: { en: 'expected a list', ru: 'ожидался список' },
  // log-in
  wrongLogin: {
    en: 'Wrong e-mail or password, or the account is not active',
    ru: 'Неверный e-mail или пароль, либо учётная запись не активна',
  },
  apiKeyHasNoUser: { en: 'An API key has no user to change', ru: 'У API-ключа нет пользователя' },
  unsupportedImportType: {
    en: 'A {format} import is not accepted as {type}: send it as its own type or application/octet-stream',
    ru: 'Импорт {format} не принимается как {type}: отправьте его с его типом или как application/octet-stream',
  },
  wrongCurrentPassword: {
    en: 'The current password is wrong',
    ru: 'Текущий пароль неверен',
  },
  resetInvalid: {
    en: 'The password-reset link is unknown, used or expired',
    ru: 'Ссылка для смены пароля неизвестна, уже использована или устарела',
  },
  notAResetLink: { en: 'not a valid link', ru: 'недействительная ссылка' },
  resetNeedsActiveUser: {
    en: 'User {email} is not active: a reset link is only for active accounts',
    ru: 'Пользователь {email} не активен: ссылка для смены пароля — только для активных учётных записей',
  },
  notYourPassword: { en: 'not your current password', ru: 'это не ваш текущий пароль' },
  invitationAlreadyAccepted: {
    en: 'The invitation was accepted: the user has joined (disable the user instead)',
    ru: 'Приглашение уже принято: пользователь присоединился (его можно отключить)',
  },
  lastAdmin: {
    en: "The organisation's last active admin keeps the role: make another user an admin first",
    ru: 'Последний активный администратор организации сохраняет роль: сначала назначьте администратором другого пользователя',
  },
  sameAsCurrent: {
    en: 'the same as the current password: choose another',
    ru: 'совпадает с текущим паролем: выберите другой',
  },
  tooManyAttempts: {
    en: 'Too many requests from your address; try again in {seconds} s',
    ru: 'Слишком много запросов с вашего адреса; повторите через {seconds} с',
  },
  tooManyLogins: {
    en: 'Too many failed logins; try again in {seconds} s',
    ru: 'Слишком много неудачных попыток входа; повторите через {seconds} с',
  },
});

/** Field names as people see them on the forms, for problems that name a field. */
defineLabels({
  name: { en: 'Name', ru: 'Название' },
  nameEn: { en: 'Name in English', ru: 'Название по-английски' },
  kind: { en: 'Kind', ru: 'Вид' },
  inn: { en: 'INN', ru: 'ИНН' },
  ogrn: { en: 'OGRN', ru: 'ОГРН' },
  kpp: { en: 'KPP', ru: 'КПП' },
  okved: { en: 'OKVED', ru: 'ОКВЭД' },
  region: { en: 'Region', ru: 'Регион' },
  employees: { en: 'Employees', ru: 'Работников' },
  knowledgeWorkers: { en: 'Knowledge workers', ru: 'Работников знаний' },
  website: { en: 'Website', ru: 'Сайт' },
  description: { en: 'Description', ru: 'Описание' },
  lat: { en: 'Latitude', ru: 'Широта' },
  lon: { en: 'Longitude', ru: 'Долгота' },
  address: { en: 'Address', ru: 'Адрес' },
  role: { en: 'Role', ru: 'Роль' },
  joinedOn: { en: 'Joined on', ru: 'Дата вступления' },
  leftOn: { en: 'Left on', ru: 'Дата выхода' },
  note: { en: 'Note', ru: 'Примечание' },
  motivation: { en: 'Motivation', ru: 'Цель вступления' },
  consent: {
    en: 'Consent to personal data processing',
    ru: 'Согласие на обработку персональных данных',
  },
  requestedRole: { en: 'Requested role', ru: 'Запрашиваемая роль' },
  email: { en: 'E-mail', ru: 'Электронная почта' },
  password: { en: 'Password', ru: 'Пароль' },
  currentPassword: { en: 'Current password', ru: 'Текущий пароль' },
  newPassword: { en: 'New password', ru: 'Новый пароль' },
  token: { en: 'Invitation', ru: 'Приглашение' },
  organisationId: { en: 'Organisation', ru: 'Организация' },
  fkko: { en: 'FKKO code', ru: 'Код ФККО' },
  properties: { en: 'Quality properties', ru: 'Показатели качества' },
  uses: { en: 'Uses', ru: 'Назначения' },
  // waste licences
  issuedOn: { en: 'Date of issue', ru: 'Дата выдачи' },
  issuedBy: { en: 'Issued by', ru: 'Кем выдана' },
  activities: { en: 'Licensed activities', ru: 'Виды деятельности' },
  hazardClasses: { en: 'Hazard classes', ru: 'Классы опасности' },
  validUntil: { en: 'Valid until', ru: 'Действует до' },
  removedOn: { en: 'Removed on', ru: 'Дата снятия' },
});
