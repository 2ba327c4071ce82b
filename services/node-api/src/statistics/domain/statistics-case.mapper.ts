import { ageBandOf, exploitationOf, monthOf, UNKNOWN_CATEGORY, type StatisticsCase } from '@enlace/protocols';
import type { ProtocolCaseDocument } from '../../cases/persistence/protocol-case.document';
import type { ProtocolName } from '../../cases/domain/case-protocol';

/**
 * A case as statistics count it, read in memory from the opened case (the person's data are sealed at rest and
 * opened by the repository as for the HTCDS export). Nothing of it is kept: only the categories are aggregated.
 * An erased person counts with unknown sex, age and nationality.
 */
export function statisticsCaseOf(
  protocol: ProtocolName,
  document: ProtocolCaseDocument<{ fromCountry: string; toCountry: string }, unknown>,
): StatisticsCase {
  const { person } = document;
  const details = document.details as { servicesRequested?: string[] } | undefined;
  return {
    month: monthOf(document.createdAt),
    protocol,
    fromCountry: document.state.fromCountry,
    toCountry: document.state.toCountry,
    sex: person?.gender ?? UNKNOWN_CATEGORY,
    ageBand: ageBandOf(person?.birthdate, document.createdAt),
    nationality: person?.nationality ?? UNKNOWN_CATEGORY,
    exploitation: exploitationOf(protocol === 'referral' ? details?.servicesRequested : undefined),
  };
}
