import { ROLES, ROLE_RIGHTS, RIGHT_NAMES, isRight } from '@enlace/auth';
import { apiOperations } from '@enlace/testing';

/**
 * Every operation of the node API's contract that needs a token names the right it needs (`x-enlace-right`),
 * so that the access matrix (test/e2e/access-matrix.e2e.spec.ts) knows what to expect of each new operation.
 */
describe('the rights of the node API’s operations', () => {
  const operations = apiOperations();

  it('should find the operations of the contract', () => {
    expect(operations.length).toBeGreaterThan(3);
  });

  it.each(operations.filter((operation) => !operation.isPublic).map((operation) => [operation.operationId, operation]))(
    'should declare a known right for %s',
    (_id, operation) => {
      expect({ operation: operation.operationId, right: operation.right }).toEqual({
        operation: operation.operationId,
        right: expect.any(String),
      });
      expect(isRight(operation.right)).toBe(true);
    },
  );

  it('should give every role a right, and only known ones', () => {
    for (const role of ROLES) {
      expect(ROLE_RIGHTS[role].length).toBeGreaterThan(0);
      for (const right of ROLE_RIGHTS[role]) expect(RIGHT_NAMES).toContain(right);
    }
  });

  it('should give the secretariat no right over cases', () => {
    expect(ROLE_RIGHTS.secretariat.filter((right) => right.startsWith('case.'))).toEqual([]);
  });
});
