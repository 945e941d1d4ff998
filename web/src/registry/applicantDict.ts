import { dictionary } from '../i18n/index.ts';

/** The applicant's journey: consent, the success page, the status page, applying again; the operator's confirmation. */
export const applicantDict = dictionary(
  {
    sectionSite: 'Первая площадка организации',
    siteLead:
      'Где организация работает: производство, отвал, склад или офис. Площадка появится в реестре, когда организацию примут; позже можно добавить и другие.',
    consentTitle: 'Согласие',
    consentLabel:
      'Я даю согласие на обработку персональных данных, указанных в заявке (имя и электронная почта администратора), оператору кластера для рассмотрения заявки и работы на платформе — в соответствии с Федеральным законом № 152-ФЗ «О персональных данных».',
    errConsent: 'Без согласия на обработку персональных данных заявку не подать',
    chooseKind: '— выберите —',
    errChooseKind: 'Выберите вид деятельности организации',
    websiteHint: 'полностью, с https://, например https://example.ru',
    doneKeep:
      'Сохраните эту ссылку: по ней можно узнать, на каком этапе заявка, и прочитать решение оператора. Ссылка показывается только сейчас.',
    doneOpenStatus: 'Открыть страницу статуса',
    stTitle: 'Статус заявки',
    stLead: 'Страница по личной ссылке заявителя. Не пересылайте ссылку посторонним.',
    stOrganisation: 'Организация',
    stSubmitted: 'Заявка подана',
    stDecided: 'Решение принято',
    stNote: 'Комментарий оператора',
    stNoNote: 'Оператор не оставил комментария.',
    stRole: 'Роль в кластере',
    'st:pending': 'Рассматривается',
    'st:admitted': 'Принята',
    'st:rejected': 'Отклонена',
    stPendingText:
      'Оператор кластера ещё не рассмотрел заявку. Когда он её примет, администратор сможет войти с почтой и паролем из заявки. Если у организации уже есть заявка или учётная запись на платформе, оператор напишет на почту из заявки.',
    stAdmittedText:
      'Организация принята в кластер. Администратор может войти с почтой и паролем из заявки.',
    stRejectedText:
      'Оператор отклонил заявку. Можно исправить сведения и подать заявку снова — по этой же ссылке.',
    stSuperseded:
      'После этой заявки организация подала новую; её статус — по ссылке, полученной при повторной подаче.',
    stLogin: 'Войти',
    stAgain: 'Подать заявку снова',
    stNotFound: 'Заявка не найдена',
    stNotFoundText:
      'По этой ссылке заявки нет. Проверьте, что ссылка скопирована целиком, или обратитесь к оператору кластера.',
    againTitle: 'Повторная заявка',
    againLead:
      'Сведения из прошлой заявки уже в форме: исправьте то, на что указал оператор, и отправьте снова.',
    againIdentifiers: 'ИНН и ОГРН остаются прежними: это та же организация.',
    againAdmin: 'Администратор прежний ({email}); пароль тот же, что в первой заявке.',
    againSubmit: 'Подать заявку снова',
    againNotAllowed: 'Подать заявку снова по этой ссылке нельзя',
    grantedRole: 'Роль при приёме',
    firstSite: 'Первая площадка',
    noFirstSite: 'Площадка не указана',
    consentedAt: 'Согласие на обработку ПДн',
    rejectQuestion: 'Отклонить заявку {name}? Решение нельзя отменить.',
    rejectConfirm: 'Да, отклонить',
    rejectNoteNeeded: 'Напишите причину отказа: заявитель прочтёт её на странице статуса',
    tabDuplicates: 'Повторные',
    dupLead:
      'Заявки, повторяющие уже известные платформе ИНН, ОГРН, идентификатор или почту. Заявителю ответили как обычно, и его ссылка показывает «на рассмотрении»: так никто не узнаёт из ответа, чьи реквизиты уже есть. Ответьте ему письмом.',
    dupEmpty: 'Повторных заявок нет',
    dupEmptyText:
      'Заявка, повторяющая реквизиты заявителя, отклонённой организации или чужую почту, появится здесь.',
    dupSection: 'Что совпало',
    dupRepeats: 'Повторяет',
    dupRepeatsId: 'идентификатор организации',
    dupHeldBy: 'Уже есть у',
    dupHeldByNone: 'сейчас ни у кого',
    dupAnswered: 'Отвечено',
    dupWaiting: 'Ждёт ответа',
    dupAnsweredBy: '{when}, {who}',
    dupAnsweredWhen: 'Когда и кто',
    dupAnswerNote: 'Как ответили',
    dupAnswerHint:
      'Например: «Написали 3 декабря: организация уже в кластере, войти можно с почтой администратора»',
    dupAnswerNeeded: 'Напишите, как ответили заявителю: следующий оператор прочтёт это здесь',
    dupMarkAnswered: 'Отметить отвеченной',
    dupMarkedMsg: 'Заявка «{name}» отмечена отвеченной',
    decisionNoteHint: 'Заявитель увидит комментарий; при отказе он обязателен',
  },
  {
    sectionSite: "The organisation's first site",
    siteLead:
      'Where the organisation works: a plant, a dump, a depot or an office. The site appears in the registry once the organisation is admitted; more can be added later.',
    consentTitle: 'Consent',
    consentLabel:
      'I consent to the cluster operator processing the personal data given in this application (the admin’s name and e-mail) to consider the application and to run the platform, under Russian Federal Law No. 152-FZ “On Personal Data”.',
    errConsent: 'An application cannot be sent without consent to the processing of personal data',
    chooseKind: '— choose —',
    errChooseKind: 'Choose what the organisation does',
    websiteHint: 'in full, with https://, e.g. https://example.ru',
    doneKeep:
      'Keep this link: it shows where the application stands and the operator’s decision. It is shown only now.',
    doneOpenStatus: 'Open the status page',
    stTitle: 'Application status',
    stLead: "The applicant's own link. Do not pass it on.",
    stOrganisation: 'Organisation',
    stSubmitted: 'Submitted',
    stDecided: 'Decided',
    stNote: "Operator's note",
    stNoNote: 'The operator left no note.',
    stRole: 'Role in the cluster',
    'st:pending': 'Being considered',
    'st:admitted': 'Admitted',
    'st:rejected': 'Rejected',
    stPendingText:
      'The cluster operator has not decided yet. Once the organisation is admitted, its admin can log in with the e-mail and password of the application. If the organisation already has an application or an account on the platform, the operator will write to the e-mail of the application.',
    stAdmittedText:
      'The organisation is a member of the cluster. Its admin can log in with the e-mail and password of the application.',
    stRejectedText:
      'The operator rejected the application. You can correct it and apply again, from this same link.',
    stSuperseded:
      'The organisation has applied again since; the newer application has the link given then.',
    stLogin: 'Log in',
    stAgain: 'Apply again',
    stNotFound: 'No such application',
    stNotFoundText:
      'No application has this link. Check that the whole link was copied, or contact the cluster operator.',
    againTitle: 'Applying again',
    againLead:
      'The form holds what the last application said: correct what the operator pointed out and send it again.',
    againIdentifiers: 'The INN and OGRN stay as they were: it is the same organisation.',
    againAdmin: 'The admin stays the same ({email}), with the password of the first application.',
    againSubmit: 'Apply again',
    againNotAllowed: 'This link cannot be used to apply again',
    grantedRole: 'Role granted',
    firstSite: 'First site',
    noFirstSite: 'No site given',
    consentedAt: 'Consent to data processing',
    rejectQuestion: 'Reject the application of {name}? This cannot be undone.',
    rejectConfirm: 'Yes, reject',
    rejectNoteNeeded:
      'Say why the application is rejected: the applicant reads it on the status page',
    tabDuplicates: 'Repeated',
    dupLead:
      'Applications repeating an INN, OGRN, identifier or e-mail the platform already knows. The applicant was answered as usual and the status link shows “pending”, so no one learns from the answer whose details are on record. Answer by e-mail.',
    dupEmpty: 'No repeated applications',
    dupEmptyText:
      "An application repeating an applicant's or a rejected organisation's details, or someone else's e-mail, will appear here.",
    dupSection: 'What matches',
    dupRepeats: 'Repeats',
    dupRepeatsId: "the organisation's identifier",
    dupHeldBy: 'Already held by',
    dupHeldByNone: 'no one now',
    dupAnswered: 'Answered',
    dupWaiting: 'Awaits an answer',
    dupAnsweredBy: '{when}, {who}',
    dupAnsweredWhen: 'When and by whom',
    dupAnswerNote: 'How it was answered',
    dupAnswerHint:
      'For example: “Wrote on 3 December: the organisation is a member already, its admin can log in”',
    dupAnswerNeeded: 'Say how the applicant was answered: the next operator reads it here',
    dupMarkAnswered: 'Mark answered',
    dupMarkedMsg: 'The application of “{name}” is marked answered',
    decisionNoteHint: 'The applicant sees this note; a rejection needs one',
  },
);
