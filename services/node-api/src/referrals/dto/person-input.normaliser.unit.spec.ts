import type { CreateReferralRequest } from './create-referral.request';
import { normalisePersonInput } from './person-input.normaliser';

type PersonInput = CreateReferralRequest['person'];
type GenderInput = NonNullable<PersonInput['gender']>;

describe('normalisePersonInput', () => {
  describe('with a gender', () => {
    it.each<[GenderInput, string]>([
      ['Female', 'Feminine'],
      ['Male', 'Masculine'],
    ])('should store the alias %s as the HTCDS value %s', (gender, stored) => {
      expect(normalisePersonInput({ firstName: 'Ana', gender }).gender).toBe(stored);
    });

    it.each<GenderInput>([
      'Feminine',
      'Masculine',
      'TransgenderFeminine',
      'TransgenderMasculine',
      'NonConforming',
      'NonSpecifiedUnknown',
    ])('should keep the HTCDS value %s unchanged', (gender) => {
      expect(normalisePersonInput({ firstName: 'Ana', gender }).gender).toBe(gender);
    });
  });

  describe('without a gender', () => {
    it('should leave the gender absent rather than undefined', () => {
      const person = normalisePersonInput({ firstName: 'Luis' });

      expect(person).toEqual({ firstName: 'Luis' });
      expect(Object.keys(person)).not.toContain('gender');
    });
  });

  describe('with the other fields', () => {
    it('should keep every other field as given', () => {
      const input: PersonInput = {
        firstName: 'Ana',
        middleName: 'María',
        secondName: 'Rojas',
        birthdate: '1999-04-02',
        gender: 'Female',
        nationality: 'CO',
      };

      expect(normalisePersonInput(input)).toEqual({
        firstName: 'Ana',
        middleName: 'María',
        secondName: 'Rojas',
        birthdate: '1999-04-02',
        gender: 'Feminine',
        nationality: 'CO',
      });
    });

    it('should leave the caller’s input untouched', () => {
      const input: PersonInput = { firstName: 'Ana', gender: 'Male' };

      normalisePersonInput(input);

      expect(input).toEqual({ firstName: 'Ana', gender: 'Male' });
    });
  });
});
