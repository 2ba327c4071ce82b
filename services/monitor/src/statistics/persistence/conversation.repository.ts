import { Connection, mongo } from 'mongoose';
import { ConversationState, EMPTY_CONVERSATION } from '../domain/conversation';

interface StoredConversation extends ConversationState {
  _id: string;
  /** Optimistic version: a write succeeds only on the version it read. */
  v: number;
}

const COLLECTION = 'conversations';
const DUPLICATE_KEY = 11000;
const MAX_ATTEMPTS = 20;

/** Each conversation's open questions and recent replies, by correlation id, for answer delays. */
export class ConversationRepository {
  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<StoredConversation> {
    return this.connection.collection<StoredConversation>(COLLECTION);
  }

  /**
   * Reads a conversation, applies `change` and writes it back only if nobody wrote it meanwhile (otherwise again
   * from the newer state): read-modify-write made safe on a store without transactions. Returns what `change` said.
   */
  async update<T>(
    correlationId: string,
    change: (state: ConversationState) => { state: ConversationState; result: T },
  ): Promise<T> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await this.collection.findOne({ _id: correlationId });
      const { state, result } = change(stored ?? EMPTY_CONVERSATION);
      const next = { questions: state.questions, replies: state.replies, v: (stored?.v ?? 0) + 1 };
      try {
        if (stored) {
          const written = await this.collection.updateOne({ _id: correlationId, v: stored.v }, { $set: next });
          if (written.matchedCount === 1) return result;
        } else {
          await this.collection.insertOne({ _id: correlationId, ...next });
          return result;
        }
      } catch (error) {
        if (!(error instanceof mongo.MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
      }
    }
    throw new Error(`conversation ${correlationId} kept changing under ${MAX_ATTEMPTS} attempts`);
  }
}
