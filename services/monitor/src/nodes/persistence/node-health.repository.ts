import { Connection, mongo } from 'mongoose';

/** The last heartbeat of a country's node. */
export interface NodeHeartbeatRecord {
  _id: string;
  instanceId: string;
  startedAt: Date;
  sentAt: Date;
  intervalMs: number;
  inboxLag: number | null;
}

const COLLECTION = 'node_health';
const DUPLICATE_KEY = 11000;

export class NodeHealthRepository {
  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<NodeHeartbeatRecord> {
    return this.connection.collection<NodeHeartbeatRecord>(COLLECTION);
  }

  /** Keeps a heartbeat unless a later one of that country is already kept; true when kept. */
  async record(heartbeat: NodeHeartbeatRecord): Promise<boolean> {
    const { _id, ...fields } = heartbeat;
    try {
      const result = await this.collection.updateOne(
        { _id, sentAt: { $lt: heartbeat.sentAt } },
        { $set: fields },
        { upsert: true },
      );
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (error) {
      if (error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async list(): Promise<NodeHeartbeatRecord[]> {
    return this.collection.find({}).sort({ _id: 1 }).toArray();
  }
}
