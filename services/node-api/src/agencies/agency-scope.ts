import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@enlace/http';
import { RequestAuditContext } from '../audit/request-audit.context';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NODE_API_CONFIG, NodeApiConfig } from '../config/node-api.config';

/** The agency a request is served for, as the access guard set it on the user. */
export interface CallerAgency {
  readonly agency: string;
  /** Whether it is the node's gateway agency, whose rows from before agencies (no owner) it also owns. */
  readonly gateway: boolean;
  readonly username: string;
}

/**
 * Whose agency the work at hand is done for. A request of a user: that user's agency, and the reads and lists of
 * cases and intakes filter on it in their queries. No request (a message applied, an expiry, a deadline scan):
 * the node's own work, which sees every case and owns what it creates for the gateway agency.
 */
@Injectable()
export class AgencyScope {
  constructor(
    private readonly requests: RequestAuditContext,
    @Inject(NODE_API_CONFIG) private readonly config: NodeApiConfig,
  ) {}

  get gatewayAgency(): string {
    return this.config.gatewayAgency;
  }

  get agencies(): readonly string[] {
    return this.config.agencies;
  }

  /** The caller's agency; undefined for the node's own work. */
  caller(): CallerAgency | undefined {
    const user = (this.requests.current()?.request as { user?: AuthenticatedUser } | undefined)?.user;
    if (!user) return undefined;
    const agency = user.agency ?? this.config.gatewayAgency;
    return { agency, gateway: agency === this.config.gatewayAgency, username: user.username };
  }

  /** The agency a new case or intake belongs to: the caller's, or the gateway's for what arrives from the network. */
  ownerOfNew(): string {
    return this.caller()?.agency ?? this.config.gatewayAgency;
  }

  /**
   * Only the gateway agency speaks for the country: a step that sends a message across the border, asked by a user
   * of another agency, is refused before anything is written.
   */
  assertMaySendAcrossBorder(): void {
    const caller = this.caller();
    if (caller && !caller.gateway) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: `Only the users of ${this.config.gatewayAgency}, the country's gateway agency, send and answer across the border.`,
      });
    }
  }
}
