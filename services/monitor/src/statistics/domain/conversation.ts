import { RECEIPT_TYPE } from '@enlace/contracts';
import { EnvelopeFacts } from './envelope-facts';

/**
 * Message types that wait on the other country's answer. Answer delay runs from one of them to the first message
 * the other country sends back in the same conversation (correlation id). New protocols add their own here.
 */
export const AWAITING_ANSWER: ReadonlySet<string> = new Set([
  'referral.requested.v1',
  'referral.information-requested.v1',
  'referral.information-provided.v1',
  'return.requested.v1',
  'reintegration.plan-proposed.v1',
]);

interface Moment {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** A conversation's unanswered questions and the replies seen so far, in whatever order they were read. */
export interface ConversationState {
  readonly questions: readonly Moment[];
  readonly replies: readonly Moment[];
}

export interface AnswerMeasured {
  /** The envelope that waited. */
  readonly question: {
    readonly id: string;
    readonly type: string;
    readonly from: string;
    readonly to: string;
    readonly sentAt: Date;
  };
  readonly delayMs: number;
}

export const EMPTY_CONVERSATION: ConversationState = { questions: [], replies: [] };

/** Replies kept for questions read later than their answer (topics are read in no particular order). */
const MAX_REPLIES = 20;

/**
 * Adds an envelope to its conversation and measures every question it (or an earlier reply) answers. Receipts are
 * no answer; an envelope already in the conversation changes nothing. A question stays until answered.
 */
export function recordInConversation(
  state: ConversationState,
  envelope: EnvelopeFacts,
): { state: ConversationState; measured: AnswerMeasured[] } {
  if (envelope.type === RECEIPT_TYPE) return { state, measured: [] };
  const moment: Moment = {
    id: envelope.id,
    type: envelope.type,
    from: envelope.from,
    to: envelope.to,
    at: envelope.sentAt.getTime(),
  };
  const known = [...state.questions, ...state.replies].some((candidate) => candidate.id === moment.id);
  if (known) return { state, measured: [] };

  const questions = AWAITING_ANSWER.has(envelope.type) ? [...state.questions, moment] : [...state.questions];
  const replies = [...state.replies, moment].sort((a, b) => a.at - b.at).slice(-MAX_REPLIES);
  const measured: AnswerMeasured[] = [];
  const open: Moment[] = [];
  for (const question of questions) {
    const answer = replies.find(
      (reply) => reply.from === question.to && reply.to === question.from && reply.at >= question.at,
    );
    if (!answer) {
      open.push(question);
      continue;
    }
    measured.push({
      question: {
        id: question.id,
        type: question.type,
        from: question.from,
        to: question.to,
        sentAt: new Date(question.at),
      },
      delayMs: answer.at - question.at,
    });
  }
  return { state: { questions: open, replies }, measured };
}
