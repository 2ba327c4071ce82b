/** A dead letter is named by where it sits: `<country>.<partition>.<offset>` on that country's dead-letter topic. */
export const deadLetterId = (country: string, partition: number, offset: string): string =>
  `${country}.${partition}.${offset}`;

export function parseDeadLetterId(id: string): { country: string; partition: number; offset: string } | undefined {
  const match = /^([A-Z]{2})\.([0-9]{1,9})\.([0-9]{1,19})$/.exec(id);
  if (!match) return undefined;
  return { country: match[1] as string, partition: Number(match[2]), offset: match[3] as string };
}
