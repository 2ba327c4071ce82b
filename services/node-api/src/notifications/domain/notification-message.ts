import type { NotificationEvent } from './notification-event';

/** What a notification is about: ids, a protocol, a step and times. Nothing of a person can be put in it. */
export interface NotificationSubject {
  readonly event: NotificationEvent;
  /** This node's country. */
  readonly country: string;
  readonly protocol: string;
  readonly caseId: string;
  /** The case's status, or the message's type for an answer. */
  readonly step: string;
  /** The other country of the case, when known. */
  readonly counterpart?: string;
  readonly due?: Date;
}

/** The notification as it goes out, by e-mail (subject and text) or as a webhook's JSON body (all of it). */
export interface NotificationMessage {
  readonly event: NotificationEvent;
  readonly country: string;
  readonly protocol: string;
  readonly caseId: string;
  readonly step: string;
  readonly counterpart?: string;
  readonly due?: string;
  readonly link: string;
  readonly subject: string;
  readonly text: string;
}

const CONSOLE_PATHS: Readonly<Record<string, string>> = {
  referral: 'referrals',
  return: 'returns',
  reintegration: 'reintegrations',
};

const HEADLINES: Readonly<Record<NotificationEvent, string>> = {
  incoming: 'New incoming',
  answer: 'An answer on',
  'due-soon': 'A step due soon on',
  overdue: 'An overdue step on',
};

/** Composes what is sent: the case id, the step and a link to the case in the console. */
export function composeNotification(subject: NotificationSubject, consoleUrl: string): NotificationMessage {
  const path = CONSOLE_PATHS[subject.protocol] ?? 'work';
  const link = path === 'work' ? `${consoleUrl}/work` : `${consoleUrl}/${path}/${encodeURIComponent(subject.caseId)}`;
  const from = subject.counterpart ? ` (${subject.counterpart})` : '';
  const headline = `${HEADLINES[subject.event]} ${subject.protocol} ${subject.caseId}${from}`;
  const due = subject.due?.toISOString();
  const text = [
    `Enlace ${subject.country}: ${headline}.`,
    `Step: ${subject.step}.`,
    ...(due ? [`Due: ${due}.`] : []),
    `Open the case in the console: ${link}`,
    '',
    'This message names no person: sign in to the console to see the case.',
  ].join('\n');
  return {
    event: subject.event,
    country: subject.country,
    protocol: subject.protocol,
    caseId: subject.caseId,
    step: subject.step,
    ...(subject.counterpart ? { counterpart: subject.counterpart } : {}),
    ...(due ? { due } : {}),
    link,
    subject: `[Enlace ${subject.country}] ${headline}`,
    text,
  };
}
