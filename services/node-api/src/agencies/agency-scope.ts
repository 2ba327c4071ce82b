import { Inject, Injectable } from '@nestjs/common';
import { holdsRight, type Right, type Role } from '@enlace/auth';
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
  readonly roles: readonly Role[];
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
    return { agency, gateway: agency === this.config.gatewayAgency, username: user.username, roles: user.roles };
  }

  /** The agency a new case or intake belongs to: the caller's, or the gateway's for what arrives from the network. */
  ownerOfNew(): string {
    return this.caller()?.agency ?? this.config.gatewayAgency;
  }

  /**
   * Only a focal point of the gateway agency speaks for the country: a step that sends a message across the border,
   * asked by a user of another agency or by one without `right` (the sending right of that step, a focal point's in
   * ROLE_RIGHTS), is refused before anything is written. Most routes refuse such a user already by their roles; a
   * reintegration's step stays open to case workers and supervisors while it tells the sending country nothing, so
   * this is where its sending is refused.
   */
  assertMaySendAcrossBorder(right: Right): void {
    const caller = this.caller();
    if (!caller) return;
    if (!caller.gateway) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: `Only the users of ${this.config.gatewayAgency}, the country's gateway agency, send and answer across the border.`,
      });
    }
    if (!holdsRight(caller.roles, right)) {
      throw new ProblemException({
        status: 403,
        title: 'Forbidden',
        detail: `This step sends a message across the border: only a focal point (${right}) sends and answers for the country.`,
      });
    }
  }
}
