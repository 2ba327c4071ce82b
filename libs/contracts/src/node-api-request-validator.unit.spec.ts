import { nodeApiDocument } from './generated/node-api-document.generated';
import { NodeApiRequestValidator } from './node-api-request-validator';

const CANARY = 'Ana-Perez-Canary-4711';

const validator: NodeApiRequestValidator = new NodeApiRequestValidator();

const referral = {
  toCountry: 'EC',
  reason: 'MigrationOrChangeOfLocation',
  servicesRequested: ['Health'],
  urgency: 'high',
  person: { firstName: 'Ana', gender: 'Female' },
  consent: { purpose: 'Referral to services in Ecuador', scope: ['identity'], recordedAt: '2025-03-13T16:00:00Z' },
};

describe(NodeApiRequestValidator, () => {
  describe('validate', () => {
    it('should accept a referral request, with Female and Male as gender aliases', () => {
      expect(validator.validate('CreateReferralRequest', referral)).toEqual([]);
      expect(
        validator.validate('CreateReferralRequest', { ...referral, person: { firstName: 'Luis', gender: 'Male' } }),
      ).toEqual([]);
    });

    it('should name every failing field, never its value', () => {
      const violations = validator.validate('CreateReferralRequest', {
        ...referral,
        toCountry: CANARY,
        person: { gender: CANARY },
        extra: CANARY,
      });

      expect(violations.map((violation) => violation.path).sort()).toEqual(
        ['/extra', '/person/firstName', '/person/gender', '/toCountry'].sort(),
      );
      expect(JSON.stringify(violations)).not.toContain(CANARY);
    });

    it('should accept a schema named by a JSON Pointer into the document', () => {
      const pointer = '#/components/parameters/ReferralId/schema';

      expect(validator.validate(pointer, '0d7c6a2e-8e5b-4a9f-b1d4-3c2f7e9a6b10')).toEqual([]);
      expect(validator.validate(pointer, CANARY)).toEqual([{ path: '', message: 'must match format "uuid"' }]);
    });

    it('should accept a component schema named by its pointer', () => {
      expect(validator.validate('#/components/schemas/ReferralStatus', 'consent-withdrawn')).toEqual([]);
      expect(validator.validate('#/components/schemas/ReferralStatus', 'lost')).toHaveLength(1);
    });

    it('should require a reason to decline, and allow an empty acceptance', () => {
      expect(validator.validate('DeclineReferralRequest', {})).toEqual([{ path: '/reason', message: 'is required' }]);
      expect(validator.validate('AcceptReferralRequest', {})).toEqual([]);
    });

    it.each(Object.keys((nodeApiDocument.components as { schemas: object }).schemas))(
      'should compile the component schema %s (each is compiled on first use)',
      (name) => {
        expect(() => validator.validate(name, undefined)).not.toThrow();
      },
    );

    it('should fail loudly on a schema the document does not have', () => {
      expect(() => validator.validate('ReturnRequest', {})).toThrow('has no schema ReturnRequest');
      expect(() => validator.validate('#/components/schemas/Nothing', {})).toThrow('has no schema');
    });
  });
});
