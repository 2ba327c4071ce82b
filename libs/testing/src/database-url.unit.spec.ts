import { withDatabase } from './database-url';

describe('withDatabase', () => {
  it('should name another database on the same server', () => {
    expect(withDatabase('postgres://enlace@127.0.0.1:15432/postgres', 'enlace_co')).toBe(
      'postgres://enlace@127.0.0.1:15432/enlace_co',
    );
  });

  it('should add a database to a URL that names none', () => {
    expect(withDatabase('postgres://enlace@127.0.0.1:15432', 'int_store_1')).toBe(
      'postgres://enlace@127.0.0.1:15432/int_store_1',
    );
    expect(withDatabase('postgres://enlace@127.0.0.1:15432/', 'int_store_1')).toBe(
      'postgres://enlace@127.0.0.1:15432/int_store_1',
    );
  });

  it('should keep the user, password, scheme and options', () => {
    expect(withDatabase('postgresql://node:s%40cret@db.internal:6432/main?sslmode=require', 'enlace_pe')).toBe(
      'postgresql://node:s%40cret@db.internal:6432/enlace_pe?sslmode=require',
    );
  });

  it('should keep a socket folder given as an option, with no host', () => {
    expect(withDatabase('postgres:///postgres?host=/srv/enlace/postgres/run', 'enlace_bo')).toBe(
      'postgres:///enlace_bo?host=/srv/enlace/postgres/run',
    );
  });

  it('should encode a name that is not a plain word', () => {
    expect(withDatabase('postgres://enlace@127.0.0.1:15432/postgres', 'a b/c')).toBe(
      'postgres://enlace@127.0.0.1:15432/a%20b%2Fc',
    );
  });

  it('should refuse what is not a PostgreSQL URL, without repeating its password', () => {
    expect(() => withDatabase('mysql://u:secret@127.0.0.1:3306/', 'x')).toThrow(/not a PostgreSQL URL/);
    expect(() => withDatabase('u:secret@127.0.0.1', 'x')).toThrow(/not a PostgreSQL URL|not a URL/);
    expect(() => withDatabase('not a url secret', 'x')).toThrow(/^not a URL/);
    expect(() => withDatabase('not a url secret', 'x')).not.toThrow(/secret/);
    expect(() => withDatabase('postgres://enlace@127.0.0.1:15432/postgres', '')).toThrow(/name/);
  });
});
