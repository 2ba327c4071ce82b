import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldRuleOf } from '../api/field-rule';

/**
 * What is wrong with a field, in the user's language: the rule the API names, translated; a message of another form
 * as the API wrote it in English, and as "is not valid" in the other languages.
 */
export function useFieldMessage(): (message: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (message: string) => {
      const found = fieldRuleOf(message);
      if (found) return t(`errors.rules.${found.rule}`, found.limit !== undefined ? { limit: found.limit } : {});
      return i18n.language.startsWith('en') ? message : t('errors.rules.invalid');
    },
    [t, i18n.language],
  );
}
