import { KeyedWriteLock } from './keyed-write-lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('KeyedWriteLock', () => {
  it('should run the writes of one key one after the other, in call order', async () => {
    const lock = new KeyedWriteLock();
    const seen: string[] = [];
    const write = (name: string) => async () => {
      seen.push(`${name}:start`);
      await tick();
      seen.push(`${name}:end`);
      return name;
    };

    const results = await Promise.all([lock.run('a', write('1')), lock.run('a', write('2'))]);

    expect(results).toEqual(['1', '2']);
    expect(seen).toEqual(['1:start', '1:end', '2:start', '2:end']);
  });

  it('should let writes of other keys overlap', async () => {
    const lock = new KeyedWriteLock();
    const seen: string[] = [];
    const write = (name: string) => async () => {
      seen.push(`${name}:start`);
      await tick();
      seen.push(`${name}:end`);
    };

    await Promise.all([lock.run('a', write('a')), lock.run('b', write('b'))]);

    expect(seen.slice(0, 2)).toEqual(['a:start', 'b:start']);
  });

  it('should go on after a write that failed, and give the failure to its caller only', async () => {
    const lock = new KeyedWriteLock();

    const failed = lock.run('a', () => Promise.reject(new Error('boom')));
    const next = lock.run('a', () => Promise.resolve('ok'));

    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
