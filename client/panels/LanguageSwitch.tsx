import { useT } from '../i18n/useT';
import { uiStore, useUi } from '../state/uiStore';
import { testIds } from '../testIds';

/** The 中文/EN button: shows the language it switches to. */
export function LanguageSwitch() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid={testIds.languageSwitch}
      data-lang={lang}
      title={t('lang.switchTitle')}
      onClick={() => uiStore.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('lang.switch')}
    </button>
  );
}
