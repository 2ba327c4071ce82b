import { ContractViolation } from './contract-violation.error';

describe(ContractViolation, () => {
  describe('constructor', () => {
    it('should say what broke its contract, where and which rule', () => {
      const error = new ContractViolation('referral.requested.v1 payload', [
        { path: '/person/firstName', message: 'is required' },
        { path: '', message: 'must be object' },
      ]);

      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('ContractViolation');
      expect(error.message).toBe(
        'referral.requested.v1 payload breaks its contract: /person/firstName is required; / must be object',
      );
    });
  });
});
