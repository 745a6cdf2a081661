import { useState } from 'react';
import { useT } from '../i18n/useT';
import { useEngineer } from '../state/engineerStore';
import { testIds } from '../testIds';
import {
  type ComplianceReport,
  type ComplianceSettingsResponse,
  complianceUrls,
  type Period,
  useJson,
} from './complianceApi';
import { DischargeShares } from './DischargeShares';
import { UnmeteredUses } from './UnmeteredUses';

/**
 * What the engineers set for the report: the discharge shares of the balance and the known
 * unmetered uses of the leak rate. Everyone reads them; engineers change them, and the report
 * is computed again after each change.
 */
export function SettingsSection({
  period,
  report,
  onChanged,
}: {
  readonly period: Period;
  readonly report: ComplianceReport;
  readonly onChanged: () => void;
}) {
  const t = useT();
  const engineer = useEngineer((s) => s.session) === 'engineer';
  const [version, setVersion] = useState(0);
  const settings = useJson<ComplianceSettingsResponse>(complianceUrls.settings(), version);
  const saved = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  return (
    <section className="cmp-section" id="cmp-settings" data-testid={testIds.complianceSettings}>
      <h2>{t('cmp.settings.title')}</h2>
      {!engineer && <p className="cmp-muted no-print">{t('cmp.settings.signIn')}</p>}
      <div className="cmp-settings">
        <UnmeteredUses
          period={period}
          uses={report.knownUnmeteredUses}
          engineer={engineer}
          onSaved={saved}
        />
        {settings.state === 'ready' ? (
          <DischargeShares
            shares={settings.data.dischargeShare}
            engineer={engineer}
            onSaved={saved}
          />
        ) : (
          <p className="cmp-muted">
            {settings.state === 'loading'
              ? t('cmp.loading')
              : t('cmp.error', { message: settings.message })}
          </p>
        )}
      </div>
    </section>
  );
}
