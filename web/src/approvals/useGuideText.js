// The guide's figures in words of the current language (the rules are in guide.js).
import { useI18n } from 'vue-i18n';
import { daysMessage, feeMessage, visitsTag } from './guide';

export function useGuideText() {
  const { t } = useI18n();
  const say = (m) => (m ? t(m.key, m) : '—');
  return {
    daysText: (days) => say(daysMessage(days)),
    feeText: (fen) => say(feeMessage(fen)),
    visits: (visits) => {
      const tag = visitsTag(visits);
      return tag ? { text: t(tag.key, tag), type: tag.type } : null;
    },
  };
}
