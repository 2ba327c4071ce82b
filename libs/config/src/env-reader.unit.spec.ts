import { ConfigurationError, EnvReader, NETWORK_NAME } from './env-reader';

describe(EnvReader.name, () => {
  describe('optional', () => {
    it('should count a blank value as unset', () => {
      expect(new EnvReader({ ENLACE_HTTP_HOST: '  ' }).optional('ENLACE_HTTP_HOST')).toBeUndefined();
    });
  });

  describe('required', () => {
    it('should name the missing variable', () => {
      expect(() => new EnvReader({}).required('DATABASE_URL')).toThrow(
        new ConfigurationError('environment variable DATABASE_URL is required'),
      );
    });
  });

  describe('integer', () => {
    it('should fall back on a blank value rather than read it as 0', () => {
      expect(new EnvReader({ PORT: ' ' }).integer('PORT', 3000, 1)).toBe(3000);
    });

    it.each(['0', '-1', '2.5', 'soon'])('should refuse %p below the minimum or not an integer', (value) => {
      expect(() => new EnvReader({ PORT: value }).integer('PORT', 3000, 1)).toThrow(
        'PORT must be an integer of at least 1',
      );
    });
  });

  describe('list', () => {
    it('should split and trim, and refuse a list of nothing', () => {
      expect(new EnvReader({ KAFKA_BROKERS: ' a:1 , b:2 ' }).list('KAFKA_BROKERS')).toEqual(['a:1', 'b:2']);
      expect(() => new EnvReader({ KAFKA_BROKERS: ' , ' }).list('KAFKA_BROKERS')).toThrow(
        'KAFKA_BROKERS must name at least one item',
      );
    });
  });

  describe('country', () => {
    it('should accept either case and refuse what is not a code', () => {
      expect(new EnvReader({ C: ' co ' }).country('C')).toBe('CO');
      expect(() => new EnvReader({ C: 'COL' }).country('C')).toThrow('C must be an ISO 3166 alpha-2 code');
    });
  });

  describe('matching', () => {
    it('should refuse a network name the envelope header contract would refuse', () => {
      expect(new EnvReader({ N: 'demo' }).matching('N', NETWORK_NAME, 'a network name')).toBe('demo');
      expect(() => new EnvReader({ N: 'Enlace_Test' }).matching('N', NETWORK_NAME, 'a network name')).toThrow(
        'N must be a network name',
      );
    });
  });
});
