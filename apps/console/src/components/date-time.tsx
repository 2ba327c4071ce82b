import { useTranslation } from 'react-i18next';

/** A time in the reader's language, with the exact instant in the element for machines and tooltips. */
export function DateTime({ value }: { value: string | undefined }) {
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const text = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
  return (
    <time dateTime={value} title={value}>
      {text}
    </time>
  );
}
