import { documentSizeLimit } from './document-size-limit';

describe('documentSizeLimit', () => {
  it('should write the default 10 MiB as 10 megabytes in each language', () => {
    expect(documentSizeLimit(10 * 1024 * 1024, 'en')).toBe('10 MB');
    expect(documentSizeLimit(10 * 1024 * 1024, 'fr')).toMatch(/^10\s?Mo$/);
  });

  it('should keep a fraction with the language decimal sign', () => {
    expect(documentSizeLimit(2.5 * 1024 * 1024, 'es')).toBe('2,5 MB');
  });

  it('should write a limit under a megabyte in kilobytes', () => {
    expect(documentSizeLimit(512 * 1024, 'pt')).toBe('512 kB');
  });
});
