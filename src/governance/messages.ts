// Governance's messages, in Russian and English.
import { defineLabels, defineMessages } from '../model/messages.ts';

export const messages = defineMessages('governance', {
  invalidCharter: { en: 'Invalid charter', ru: 'Неверный устав' },
  invalidProposal: { en: 'Invalid proposal', ru: 'Неверное предложение' },
  invalidBallot: { en: 'Invalid ballot', ru: 'Неверный бюллетень' },
  invalidDelegation: { en: 'Invalid delegation', ru: 'Неверная передача голоса' },
  noCharter: {
    en: 'The cluster has no charter yet',
    ru: 'У кластера ещё нет устава',
  },
  charterExists: {
    en: 'The cluster has a charter: a change of charter is a decision (a change_charter proposal)',
    ru: 'Устав уже принят: изменить его можно только решением (предложение об изменении устава)',
  },
  proposalNotFound: { en: 'There is no such proposal', ru: 'Такого предложения нет' },
  delegationNotFound: { en: 'There is no such delegation', ru: 'Такой передачи голоса нет' },
  membersOnly: {
    en: 'Only the members of the cluster take part in its decisions',
    ru: 'В решениях кластера участвуют только его участники',
  },
  observersDoNotVote: {
    en: 'An observer does not vote or propose',
    ru: 'Наблюдатель не голосует и не вносит предложений',
  },
  notAMember: { en: '{name} is not a member of the cluster', ru: '{name} — не участник кластера' },
  unknownOrganisation: { en: 'no such organisation', ru: 'такой организации нет' },
  subjectRequired: {
    en: 'this type of proposal names an organisation',
    ru: 'в предложении этого типа нужно указать организацию',
  },
  amountRequired: {
    en: 'a budget to approve states its amount',
    ru: 'в утверждении бюджета нужно указать сумму',
  },
  alreadyKeystone: {
    en: 'this organisation is the keystone already',
    ru: 'эта организация уже ключевая',
  },
  charterChangeRequired: {
    en: 'a change of charter states what changes',
    ru: 'в изменении устава нужно указать, что меняется',
  },
  voteTooLong: {
    en: 'a vote stays open at most {days} days: it closes by {latest}',
    ru: 'голосование открыто не дольше {days} дней: оно закрывается не позже {latest}',
    as: { latest: 'moment' },
  },
  opensTooLate: {
    en: 'a vote opens within {days} days: by {latest}',
    ru: 'голосование открывается в пределах {days} дней: не позже {latest}',
    as: { latest: 'moment' },
  },
  closesBeforeOpens: {
    en: 'the vote must close after it opens and after now',
    ru: 'голосование должно закрываться после открытия и позже текущего момента',
  },
  candidatesEnMismatch: {
    en: 'one English word for each of the {n} options, in their order',
    ru: 'по одному английскому названию на каждый из вариантов ({n}), в их порядке',
  },
  candidatesNeeded: {
    en: 'at least two options, each once',
    ru: 'нужно не меньше двух вариантов, без повторов',
  },
  // A proposal's title leads, followed by a colon: a title may carry its own quotes
  // (Принять в кластер АО «Енисейский цемент»), so none are put around it. English readers get
  // the English title where the proposal has one ({titleEn}: the title otherwise).
  // {opensAt}, {closesAt}: ISO in the params, worded in the cluster's time for the reader
  // («1 декабря 2026 г., 13:00 (кемеровское время)»)
  voteNotOpen: {
    en: '{titleEn}: the vote opens on {opensAt}',
    ru: '{title}: голосование откроется {opensAt}',
    as: { opensAt: 'moment' },
  },
  voteClosed: {
    en: '{titleEn}: the vote closed on {closesAt}; no more ballots are taken',
    ru: '{title}: голосование закрыто {closesAt}, бюллетени больше не принимаются',
    as: { closesAt: 'moment' },
  },
  alreadyDecided: {
    en: '{titleEn}: already decided',
    ru: '{title}: решение уже принято',
  },
  notYetClosed: {
    en: '{titleEn}: the vote closes on {closesAt}; the result is counted after that',
    ru: '{title}: голосование закрывается {closesAt}, итог подводится после этого',
    as: { closesAt: 'moment' },
  },
  vetoUnderEtharchy: {
    en: 'Under etharchy no member has a veto',
    ru: 'При этархии ни у одного участника нет права вето',
  },
  vetoKeystoneOnly: {
    en: 'Only the keystone may veto, through its administrator',
    ru: 'Вето может наложить только ключевая организация — её администратор',
  },
  vetoOutsideCharter: {
    en: 'The charter gives the keystone no veto over this type of proposal',
    ru: 'Устав не даёт ключевой организации права вето по предложениям этого типа',
  },
  vetoReasonRequired: { en: 'a veto states its reason', ru: 'у вето должна быть причина' },
  delegationLoop: {
    en: 'this organisation already hands its vote on this topic to yours, directly or through others: the handover would close a loop, and the votes in it would count for no one',
    ru: 'эта организация уже передаёт голос по этой теме вашей — напрямую или через других: передача замкнула бы круг, и голоса в нём не достались бы никому',
  },
  selfDelegation: {
    en: 'an organisation cannot delegate to itself',
    ru: 'нельзя передать голос самому себе',
  },
  ownDelegationsOnly: {
    en: 'You may revoke only your own organisation’s delegations',
    ru: 'Отозвать можно только передачи голоса своей организации',
  },
  delegationRevoked: {
    en: 'This delegation is already revoked',
    ru: 'Эта передача голоса уже отозвана',
  },
  ballotNeeds: {
    en: 'a ballot of this voting method needs this field',
    ru: 'в бюллетене этого способа голосования нужно это поле',
  },
  rankOne: {
    en: 'rank at least one option',
    ru: 'поставьте место хотя бы одному варианту',
  },
  choosePosition: { en: 'choose your position', ru: 'выберите свою позицию' },
  notAnOption: {
    en: 'not one of the options: {option}',
    ru: 'не из предложенных вариантов: {option}',
  },
  optionTwice: { en: 'an option is named twice', ru: 'вариант назван дважды' },
  alreadyMember: {
    en: 'this organisation is already a member',
    ru: 'эта организация уже участник кластера',
  },
  notCurrentMember: {
    en: 'this organisation is not a current member',
    ru: 'эта организация сейчас не участник кластера',
  },
  discussionClosed: {
    en: '{titleEn}: the discussion closed with the vote',
    ru: '{title}: обсуждение закрыто вместе с голосованием',
  },
  invalidMessage: { en: 'Invalid message', ru: 'Неверное сообщение' },
  chooseOne: { en: 'choose an option', ru: 'выберите вариант' },
  stakeFromCharter: {
    en: 'a ballot declares no weight: a weighted vote counts the stake the charter records for the organisation (1 when it records none)',
    ru: 'бюллетень не заявляет вес: взвешенное голосование учитывает долю организации по уставу (1, если устав её не называет)',
  },
});

// the names people see beside a proposal's and a vote's fields, for error answers (the API's
// field names, such as amountKopecks or closesAt, are not words for people)
defineLabels({
  choice: { en: 'Choice', ru: 'Выбор' },
  approve: { en: 'Approved options', ru: 'Одобренные варианты' },
  ranking: { en: 'Ranking', ru: 'Места вариантов' },
  position: { en: 'Position', ru: 'Позиция' },
  title: { en: 'Title', ru: 'Заголовок' },
  amountKopecks: { en: 'Amount', ru: 'Сумма' },
  opensAt: { en: 'Opening of the vote', ru: 'Открытие голосования' },
  closesAt: { en: 'Closing of the vote', ru: 'Закрытие голосования' },
  candidates: { en: 'Options', ru: 'Варианты' },
  candidatesEn: { en: 'Options in English', ru: 'Варианты по-английски' },
  coSponsors: { en: 'Co-sponsors', ru: 'Соавторы' },
  subjectOrganisationId: { en: 'Organisation', ru: 'Организация' },
  charter: { en: 'Change of the charter', ru: 'Изменение устава' },
  keystoneOrganisationId: { en: 'Keystone', ru: 'Ключевая организация' },
});
