import { randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hash';

describe(hashPassword, () => {
  it('should store the cost with the hash, and verify the password and nothing else', async () => {
    const stored = await hashPassword('correct horse');

    expect(stored).toMatch(/^scrypt\$ln=14,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    await expect(verifyPassword('correct horse', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct hors', stored)).resolves.toBe(false);
  });
});

describe(verifyPassword, () => {
  it('should still verify a hash of the older form, written without its cost', async () => {
    const salt = randomBytes(16);
    const key = (await promisify(scrypt)('old password', salt, 32)) as Buffer;
    const legacy = `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;

    await expect(verifyPassword('old password', legacy)).resolves.toBe(true);
    await expect(verifyPassword('other', legacy)).resolves.toBe(false);
  });

  it('should verify with the cost the hash names', async () => {
    const stored = await hashPassword('pw');
    const [, , salt, key] = stored.split('$');
    const cheaper = `scrypt$ln=10,r=8,p=1$${salt}$${key}`;

    // the same salt and key under another cost do not match: the cost is part of what is checked
    await expect(verifyPassword('pw', cheaper)).resolves.toBe(false);
  });

  it.each([
    ['another scheme', 'bcrypt$abc$def'],
    ['a cost out of bounds', 'scrypt$ln=40,r=8,p=1$c2FsdA$a2V5'],
    ['a malformed cost', 'scrypt$N=16384$c2FsdA$a2V5'],
    ['too many parts', 'scrypt$ln=14,r=8,p=1$a$b$c'],
  ])('should refuse %s without throwing', async (_case, stored) => {
    await expect(verifyPassword('pw', stored)).resolves.toBe(false);
  });
});

describe(decoyPasswordHash, () => {
  it('should be one hash, of a password nobody knows, in the current form', async () => {
    const decoy = await decoyPasswordHash();

    expect(await decoyPasswordHash()).toBe(decoy);
    expect(decoy).toMatch(/^scrypt\$ln=14,r=8,p=1\$/);
    await expect(verifyPassword('', decoy)).resolves.toBe(false);
  });
});
