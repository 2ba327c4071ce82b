import { initialsOf } from './person-initials';

describe('initialsOf', () => {
  it('should give the first letters of the first, middle and second names, without accents', () => {
    expect(initialsOf({ firstName: 'Ángela', middleName: 'maría', secondName: 'Öztürk' })).toBe('AMO');
    expect(initialsOf({ firstName: 'Ana', secondName: 'Pérez' })).toBe('AP');
  });

  it('should give nothing without a person or without a Latin letter', () => {
    expect(initialsOf(undefined)).toBe(undefined);
    expect(initialsOf({ firstName: '李' })).toBe(undefined);
  });
});
