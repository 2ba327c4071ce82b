import { createTestNetwork } from '../testing/test-network.fixture';
import { InvalidNodeStatementError } from './invalid-node-statement.error';
import { NodeStatementSigner } from './node-statement.signer';
import { NodeStatementVerifier } from './node-statement.verifier';

const TYP = 'enlace-statistics+jws';

describe('NodeStatementVerifier', () => {
  describe('verify', () => {
    it('should give back the statement a member signed with its key', async () => {
      // given CO's statement signed by CO
      const { co, directory } = await createTestNetwork();
      const wire = await new NodeStatementSigner(co.keys).sign(TYP, { country: 'CO', month: '2026-03', total: 23 });
      // when verified against the directory, then the payload comes back whole
      await expect(new NodeStatementVerifier(directory).verify(TYP, wire)).resolves.toEqual({
        country: 'CO',
        month: '2026-03',
        total: 23,
      });
    });

    it('should refuse a statement that names another country than its signer', async () => {
      // given EC's key signing a statement rewritten to name CO
      const { co, ec, directory } = await createTestNetwork();
      const wire = await new NodeStatementSigner(ec.keys).sign(TYP, { country: 'EC', total: 23 });
      const [header, , signature] = wire.split('.');
      const forged = `${header}.${Buffer.from(JSON.stringify({ country: 'CO', total: 23 })).toString('base64url')}.${signature}`;
      // when verified, then refused (EC's kid is not a key of CO)
      await expect(new NodeStatementVerifier(directory).verify(TYP, forged)).rejects.toThrow(InvalidNodeStatementError);
      // and a node cannot sign for another country at all
      await expect(new NodeStatementSigner(co.keys).sign(TYP, { country: 'EC' })).rejects.toThrow();
    });

    it('should refuse a changed payload, another type, and a country not in the directory', async () => {
      const { co, directory } = await createTestNetwork();
      const wire = await new NodeStatementSigner(co.keys).sign(TYP, { country: 'CO', total: 23 });
      const [header, , signature] = wire.split('.');
      const changed = `${header}.${Buffer.from(JSON.stringify({ country: 'CO', total: 3 })).toString('base64url')}.${signature}`;
      const verifier = new NodeStatementVerifier(directory);

      await expect(verifier.verify(TYP, changed)).rejects.toThrow(InvalidNodeStatementError);
      await expect(verifier.verify('enlace-other+jws', wire)).rejects.toThrow(InvalidNodeStatementError);
      await expect(verifier.verify(TYP, 'not.a-jws')).rejects.toThrow(InvalidNodeStatementError);
      const bo = await new NodeStatementSigner({ ...co.keys, country: 'BO' }).sign(TYP, { country: 'BO' });
      await expect(verifier.verify(TYP, bo)).rejects.toThrow(InvalidNodeStatementError);
    });
  });
});
