// Every word a resident reads on the workshop pages, in plain English (about a 9-year-old's
// reading age, GOV.UK style). A translation is another object of type `Messages`: TypeScript
// then refuses it until it has every key, so no screen is ever half translated.
import type { AgeBand, PinKind, ResponseStatus, Tenure, YearsBand } from '@thrive/participation';

const kinds: Record<PinKind, { label: string; hint: string; short: string }> = {
  issue: {
    label: 'Something that needs fixing',
    hint: 'A problem, or something that is not working.',
    short: 'Needs fixing',
  },
  aspiration: {
    label: "How I'd like it to be",
    hint: 'An idea, or a change you would like to see.',
    short: 'Idea',
  },
  asset: {
    label: 'Something good here',
    hint: 'A place or thing you like and want to keep.',
    short: 'Good here',
  },
};

const ageBands: Record<AgeBand, string> = {
  under_16: 'Under 16',
  '16_24': '16 to 24',
  '25_44': '25 to 44',
  '45_59': '45 to 59',
  '60_74': '60 to 74',
  '75_plus': '75 or older',
};

const yearsBands: Record<YearsBand, string> = {
  under_1: 'Less than 1 year',
  '1_4': '1 to 4 years',
  '5_9': '5 to 9 years',
  '10_19': '10 to 19 years',
  '20_plus': '20 years or more',
};

const tenures: Record<Tenure, string> = {
  council_or_housing_association: 'I rent from the council or a housing association',
  private_renting: 'I rent from a private landlord',
  own_home: 'I own my home',
  living_with_family: 'I live with family or friends',
  other: 'Something else',
};

const responseStatuses: Record<ResponseStatus, string> = {
  heard: 'We have read this',
  planned: 'We plan to do this',
  in_progress: 'We are doing this now',
  done: 'Done',
  not_possible: 'We cannot do this',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const day = (iso: string) => dateFormat.format(new Date(iso));

export const en = {
  language: 'en-GB',
  siteName: 'Thrive',

  // The code page (/w)
  codeTitle: 'Join a workshop',
  codeIntro: 'Find the code on the poster. It has 6 letters and numbers.',
  codeLabel: 'Type the code from the poster',
  codeHint: 'For example, 4KMT7X',
  codeButton: 'Go',
  codeEmpty: 'Type the code from the poster',
  codeInvalid: 'That code is not right. It has 6 letters and numbers, like 4KMT7X.',
  codeNotFound: 'We cannot find a workshop with that code. Check the poster and try again.',

  // The landing part of /w/<code>
  pageTitle: (title: string) => `${title} · Thrive`,
  workshopNotFound: 'We cannot find this workshop. Check the code on the poster.',
  workshopNotFoundLink: 'Type the code again',
  landingWhat: (area: string) =>
    `Tell us about ${area}. Show us what needs fixing, what is good, and how you would like it to be.`,
  landingHow: 'Put pins on the map, or choose a place from a list. It only takes a minute.',
  landingPrivacy: 'You do not need an account. We do not ask for your name.',
  closesOn: (iso: string) => `You can take part until ${day(iso)}.`,
  opensOn: (iso: string) => `This workshop starts on ${day(iso)}.`,
  closed: 'This workshop has closed. You can still see what people said.',
  joinButton: 'Join',
  joining: 'Joining…',
  joinFailed: 'We could not join you. Check your internet and try again.',
  joinOffline: 'You need the internet to join. Try again when you are connected.',

  // Station mode (a shared tablet at an event)
  stationTitle: 'Welcome',
  stationIntro: 'Press Start to add your pins. When you finish, press “I’m done”.',
  stationStart: 'Start',
  stationDone: 'I’m done',
  stationThanks: 'Thank you. Your pins are saved. The next person can start now.',
  stationWaitingToSend: (n: number) =>
    `We are still sending ${n === 1 ? '1 thing' : `${n} things`} from the last person. Start will work when they are sent.`,
  idleTitle: 'Are you still there?',
  idleWarning: (seconds: number) =>
    `This screen will clear in ${seconds} ${seconds === 1 ? 'second' : 'seconds'} for the next person.`,
  idleStay: 'I’m still here',

  // The map and the list that mirrors it
  mapHeading: 'Map of the area',
  mapLabel: (area: string) => `Map of ${area}`,
  mapDescription:
    'Pins on the map are also in the list below. To add a pin without the map, choose a place from the list in the form.',
  mapKey: 'Key',
  listHeading: 'What people have said',
  listEmpty: 'No pins yet. Be the first!',
  listCount: (n: number) => (n === 1 ? '1 pin' : `${n} pins`),
  somewhereElse: 'Somewhere else on the estate',
  placeLabel: (name: string) => `Near ${name}`,
  supportCount: (n: number) =>
    n === 0 ? 'Nobody has said “me too” yet' : n === 1 ? '1 person agrees' : `${n} people agree`,
  meToo: 'Me too',
  meTooLabel: (text: string) => `Me too: ${text}`,
  meTooDone: 'You said me too',
  meTooWaiting: 'Me too (waiting to be sent)',
  photo: 'Photo',
  photoAlt: (kind: string) => `Photo added with this pin (${kind})`,
  reply: 'You said, we did',
  replyExpected: (iso: string) => `Expected by ${day(iso)}`,

  // Adding a pin
  formHeading: 'Add a pin',
  kindLegend: 'What do you want to tell us?',
  themeLabel: 'What is it about?',
  themeChoose: 'Choose one',
  textLabel: 'Tell us more',
  textHint: 'Use a few short sentences. Do not put names or phone numbers.',
  textCount: (left: number) =>
    left >= 0
      ? `You have ${left} ${left === 1 ? 'letter' : 'letters'} left`
      : `You have ${-left} ${left === -1 ? 'letter' : 'letters'} too many`,
  whereLegend: 'Where is it?',
  whereMap: 'I will tap the map',
  whereMapHint: 'Tap the map above to put your pin there.',
  whereMapChosen: 'Your pin is on the map. Tap again to move it.',
  whereMapNone: 'You have not tapped the map yet.',
  whereHere: 'Use my location',
  whereHereFinding: 'Finding where you are…',
  whereHereFound: 'We found you. Your pin is on the map.',
  whereHereRefused:
    'Your phone did not let us see where you are. Tap the map or choose a place instead.',
  whereHereFailed: 'We could not find where you are. Tap the map or choose a place instead.',
  whereHereOutside: (area: string) =>
    `You seem to be outside ${area}. Tap the map or choose a place instead.`,
  wherePlace: 'Choose a place from a list',
  wherePlaceLabel: 'Place',
  photoLabel: 'Add a photo (you do not have to)',
  photoHint: 'We remove the place and camera details from photos. Do not show faces.',
  photoRemove: 'Remove photo',
  photoFailed: 'We could not use that photo. Try another one.',
  addButton: 'Add my pin',
  adding: 'Adding…',
  cancel: 'Start again',

  errorSummaryTitle: 'There is a problem',
  errorKind: 'Choose what you want to tell us',
  errorTheme: 'Choose what it is about',
  errorText: 'Tell us more in a few words',
  errorTextLong: (max: number) => `Use ${max} letters or fewer`,
  errorWhere: 'Tap the map, use your location, or choose a place',
  errorMapPoint: 'Tap the map to show where it is, or choose another way',
  errorPlace: 'Choose a place',

  // After adding
  pinSent: 'Thank you. Your pin has been added.',
  pinQueued: 'Thank you. Your pin is saved on this device. We will send it when you are online.',
  pinWaitingCheck: 'Thank you. Someone will check your pin before everyone can see it.',

  // "About you"
  aboutHeading: 'About you (you do not have to answer)',
  aboutWhy:
    'We ask so we can see who we are hearing from, and who we are missing. Nobody sees your answers on their own. We only count them together, and we never show groups of fewer than 5 people.',
  aboutAge: 'How old are you?',
  aboutYears: 'How long have you lived here?',
  aboutTenure: 'Which of these is true for your home?',
  preferNot: 'Prefer not to say',
  aboutSave: 'Save my answers',
  aboutSkip: 'Skip these questions',
  aboutThanks: 'Thank you for telling us.',

  // Your pins and the outbox
  mineHeading: 'Your pins',
  mineEmpty: 'You have not added any pins yet.',
  stateSent: 'Sent',
  stateWaitingToSend: 'Waiting to be sent',
  stateWaitingCheck: 'Waiting to be checked',
  stateHidden: 'Not shown to others',
  outboxWaiting: (n: number) =>
    n === 0
      ? 'Everything is sent.'
      : `${n === 1 ? '1 thing is' : `${n} things are`} waiting to be sent. We will send ${n === 1 ? 'it' : 'them'} when you are online.`,
  outboxSentAt: (what: string, at: number) => `${what} sent at ${timeFormat.format(at)}.`,
  outboxWhatPin: 'Your pin was',
  outboxWhatSupport: 'Your “me too” was',
  outboxWhatPhoto: 'Your photo was',
  outboxWhatAbout: 'Your answers were',
  sendNow: 'Send now',
  offline: 'You are offline. You can still add pins. We will send them later.',
  notSent: (what: string, why: string) => `${what} not sent. ${why}`,
  notSentPin: 'Your pin was',
  notSentSupport: 'Your “me too” was',
  notSentPhoto: 'Your photo was',
  notSentAbout: 'Your answers were',
  conflict:
    'A pin with the same number was already sent with different words. We kept the first one.',
  pinGone: 'That pin has been taken down.',
  workshopClosed: 'The workshop has closed.',
  tooBig: 'The photo is too big.',
  dismiss: 'OK',

  // A survey (/s/<id>): one question at a time, answers through the same outbox as pins.
  survey: {
    landing: (area: string) => `A few quick questions about ${area}.`,
    howMany: (n: number) =>
      n === 1 ? 'There is 1 question. It takes a minute.' : `There are ${n} questions. It takes a minute or two.`,
    privacy: 'You do not need an account. We do not ask your name. Your answers are counted with everyone else’s.',
    start: 'Start',
    starting: 'Starting…',
    noWave: 'This survey is not taking answers at the moment. Thank you for your interest.',
    progress: (at: number, of: number) => `Question ${at} of ${of}`,
    next: 'Next',
    back: 'Back',
    send: 'Send my answers',
    sending: 'Sending…',
    choose: 'Choose one answer.',
    agree5: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
    yes: 'Yes',
    no: 'No',
    scoreLow: '0 means not at all',
    scoreHigh: '10 means completely',
    thanks: 'Thank you. Your answers are counted.',
    queued: 'Thank you. Your answers are saved on this phone. We will send them when you are online.',
    already: 'You have already answered this round. Thank you.',
    waiting: (n: number) => (n === 0 ? '' : 'Your answers are waiting to be sent. We will send them when you are online.'),
    offline: 'You are offline. You can still answer. We will send your answers later.',
    sentWhat: 'Your survey answers were',
    stationTitle: 'Welcome',
    stationIntro: 'Press Start to answer. When you finish, hand the tablet to the next person.',
    stationNext: 'Next person',
    stationThanks: 'Thank you. The next person can start now.',
    notFound: 'There is no survey with that link. Check the link or ask whoever gave it to you.',
    offlineLoad: 'We could not reach the server. Check your connection and try again.',
  },

  // Resident inspectors' phone page (/inspect/<estate>) and the public results (issue 14).
  inspect: {
    title: (estate: string) => `Inspect ${estate}`,
    intro: 'Walk the block. Score each thing you check. Add a note or a photo if you like.',
    noInvite: 'Open the invite link the housing officer gave you, then come back to this page.',
    noStandard: 'There is nothing to inspect yet. The housing officer has not set the standards.',
    noBlocks: 'There are no blocks to inspect yet. Ask the housing officer to add them.',
    yourName: 'Your name (optional, only the housing officer sees it)',
    saveName: 'Save name',
    nameSaved: 'Thank you. Your name is saved.',
    block: 'Which block are you inspecting?',
    chooseBlock: 'Choose a block',
    date: 'Date of the inspection',
    meets: 'Meets the standard',
    doesNotMeet: 'Does not meet it',
    scoreOf: (threshold: number) => `Score from 1 (very poor) to 5 (very good). ${threshold} or more meets the standard.`,
    target: (percent: string) => `Target: ${percent} of inspections meet it.`,
    note: 'Note (optional)',
    photo: 'Add a photo (optional)',
    photoHint: 'We remove the location and camera details from the photo before it is sent.',
    defect: 'Mark a problem on the map (optional)',
    defectHint: 'Tap the map where the problem is, or use your location.',
    useLocation: 'Use my location',
    defectMarked: (lon: string, lat: string) => `Problem marked at ${lat}, ${lon}.`,
    clearDefect: 'Remove the mark',
    send: 'Send inspection',
    sending: 'Sending…',
    missing: 'Score every item before you send.',
    chooseBlockFirst: 'Choose the block you inspected.',
    sent: 'Thank you. Your inspection has arrived.',
    queued: 'Your inspection is saved on this phone. We will send it when you are online.',
    waiting: (n: number) => (n === 1 ? '1 inspection is waiting to be sent.' : `${n} inspections are waiting to be sent.`),
    offline: 'You are offline. You can still inspect. We will send it later.',
    sentWhat: 'Your inspection was',
    another: 'Inspect another block',
    results: 'See the results for your estate',
  },

  inspectionResults: {
    title: (estate: string) => `How your blocks are kept: ${estate}`,
    intro: 'Residents inspect the blocks each month. This is how often each block met the standard the council agreed with residents.',
    chooseBlock: 'Your block',
    allBlocks: 'All blocks',
    month: 'Month',
    show: 'Show',
    item: 'What was checked',
    share: 'Met the standard',
    inspections: 'Inspections',
    target: 'Target',
    status: 'Against the target',
    estate: 'Whole estate',
    comparedWithEstate: 'Compared with the whole estate',
    statuses: { meets_target: 'Meets the target', below_target: 'Below the target', too_few_inspections: 'Too few inspections to say' },
    range: (lower: string, upper: string) => `likely between ${lower} and ${upper}`,
    hidden: 'Not shown (fewer than 5 inspections)',
    noResults: 'No inspections yet for this month.',
    saidDid: 'You said, we did',
    noActions: 'Nothing to report yet.',
    closed: 'Done',
    open: 'In hand',
    anonymous: 'Inspectors are residents. We never show who inspected.',
  },

  kinds,
  ageBands,
  yearsBands,
  tenures,
  responseStatuses,
};

/** The shape every translation must fill in full. */
export type Messages = typeof en;
