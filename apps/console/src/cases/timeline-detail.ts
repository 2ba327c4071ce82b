import type { TFunction } from 'i18next';

/**
 * A timeline entry's detail in the reader's words. The node writes it as the step's outcome code, then the reason its
 * user typed ("not-safe: ..."), or a follow-up's number and wellbeing ("follow-up 2: stable"): the codes are
 * translated, the typed reason is shown as it was written.
 */
export function timelineDetailWords(detail: string, t: TFunction): string {
  const option = (code: string) => t(`steps.option.${code}` as 'steps.option.safe', { defaultValue: code });
  const followUp = /^follow-up (\d+):?\s*(.*)$/.exec(detail);
  if (followUp) {
    const [, sequence = '', wellbeing = ''] = followUp;
    return t('cases.followUpDetail', { sequence, wellbeing: wellbeing ? option(wellbeing) : '' }).trim();
  }
  const [code = '', ...reason] = detail.split(': ');
  if (!/^[a-z]+(-[a-z]+)*$/.test(code)) return detail;
  return [option(code), ...reason].join(': ');
}
