import type { IntakeState } from '@enlace/protocols';
import type {
  IntakeChannel,
  IntakeIndicators,
  IntakePersonalContent,
  IntakeTimelineEntry,
  IntakeUrgency,
} from '../domain/intake-content';

/**
 * One intake as this node keeps it: the screening state (with its reason), what the report said, the personal
 * content opened (absent once erased), and the timeline.
 */
export interface IntakeDocument {
  id: string;
  state: IntakeState;
  channel: IntakeChannel;
  urgency: IntakeUrgency;
  /** The country the person is believed to be in: no one is named by it, so it rests in clear and lists show it. */
  believedCountry?: string;
  indicators?: IntakeIndicators;
  personal: IntakePersonalContent;
  timeline: IntakeTimelineEntry[];
  erasedAt?: Date;
  /** The agency of the node that owns the intake; absent on rows from before agencies (the gateway agency's). */
  agency?: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
