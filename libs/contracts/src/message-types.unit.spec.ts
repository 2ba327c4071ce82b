import { ContractViolation } from './contract-violation.error';
import { isMessageType, messageSchemaId } from './message-types';

describe('message types', () => {
  describe(messageSchemaId, () => {
    it("should give the $id of a message type's payload schema", () => {
      expect(messageSchemaId('referral.information-requested.v1')).toBe(
        'urn:enlace:message:referral.information-requested.v1',
      );
    });

    it('should refuse a type the network does not know', () => {
      expect(() => messageSchemaId('referral.teleported.v1')).toThrow(ContractViolation);
    });
  });

  describe(isMessageType, () => {
    it('should know the delivery receipt and not an unversioned type', () => {
      expect(isMessageType('receipt.delivered.v1')).toBe(true);
      expect(isMessageType('receipt.delivered')).toBe(false);
    });

    it('should know every step of the referral that crosses the border', () => {
      expect(
        [
          'referral.requested.v1',
          'referral.accepted.v1',
          'referral.declined.v1',
          'referral.information-requested.v1',
          'referral.information-provided.v1',
          'referral.withdrawn.v1',
          'referral.service-started.v1',
          'referral.closed.v1',
          'referral.expired.v1',
        ].filter((type) => !isMessageType(type)),
      ).toEqual([]);
    });
  });
});
