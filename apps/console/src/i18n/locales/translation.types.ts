import type { en } from './en';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every language follows: the same keys as English, each a string. */
export type Translation = Strings<typeof en>;
