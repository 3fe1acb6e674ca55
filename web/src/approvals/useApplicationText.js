// The words of applications in the current language (the rules are in applications.js).
import { useI18n } from 'vue-i18n';
import { daysLeftMessage, flagTag, stateTag, timelineLabel } from './applications';

export function useApplicationText() {
  const { t } = useI18n();
  return {
    /** { text, type } of a state's tag. */
    state: (state) => {
      const tag = stateTag(state);
      return { text: tag.key ? t(tag.key) : tag.text, type: tag.type };
    },
    /** { text, type, flag } of a deadline flag's tag, or null for none. */
    flag: (flag) => {
      const tag = flagTag(flag);
      return tag ? { text: t(tag.key), type: tag.type, flag: tag.flag } : null;
    },
    daysLeft: (days) => {
      const m = daysLeftMessage(days);
      return m ? t(m.key, m) : '—';
    },
    timeline: (action) => {
      const label = timelineLabel(action);
      return label.key ? t(label.key) : label.text;
    },
    action: (action) => t(`application.action.${action}`),
  };
}
