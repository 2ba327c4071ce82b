import type { TFunction } from 'i18next';
import type { StatisticsDimension } from './statistics-bars';

/**
 * A category of the statistics in the reader's words: a sex as the console names genders, a nationality as the
 * browser names the country in the reader's language, a form of exploitation translated; an age band as it is.
 */
export function statisticsCategoryLabel(
  dimension: StatisticsDimension,
  category: string,
  t: TFunction,
  language: string,
): string {
  if (category === 'all') return t('regionalStatistics.all');
  if (category === 'unknown') return t('regionalStatistics.unknown');
  if (dimension === 'sex') return t(`gender.${category}` as 'gender.Feminine', { defaultValue: category });
  if (dimension === 'exploitation') {
    return t(`regionalStatistics.exploitation.${category}` as 'regionalStatistics.exploitation.sexual', {
      defaultValue: category,
    });
  }
  if (dimension === 'nationality' && /^[A-Z]{2}$/.test(category)) {
    return new Intl.DisplayNames([language], { type: 'region' }).of(category) ?? category;
  }
  return category;
}
