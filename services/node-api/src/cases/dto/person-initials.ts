import type { ReferredPerson } from '../domain/case-content';

/** The initials of the person's names (first, middle, second), A–Z only, to tell cases apart in a list. */
export function initialsOf(person: ReferredPerson | undefined): string | undefined {
  if (!person) return undefined;
  const initials = [person.firstName, person.middleName, person.secondName]
    .map((name) => (name ?? '').normalize('NFKD').replace(/\p{M}/gu, '').trim().charAt(0).toUpperCase())
    .filter((letter) => /^[A-Z]$/.test(letter))
    .join('');
  return initials.length > 0 ? initials : undefined;
}
