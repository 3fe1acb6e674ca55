// The weekday of a date in the UI's language ("星期三"), '' for no date.
import { useI18n } from 'vue-i18n';
import { weekdayKey } from './year';

export function useWeekdayName() {
  const { t } = useI18n();
  return (iso) => {
    const key = weekdayKey(iso);
    return key ? t(`calendar.weekday.${key}`) : '';
  };
}
