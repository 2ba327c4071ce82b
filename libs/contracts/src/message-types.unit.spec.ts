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
  });
});
