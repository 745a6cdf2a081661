import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { EQUIVALENTS } from '../../models/equivalents';
import type { ShowStepKind, ShowView } from '../../models/lobby';
import type { SavingsSummary } from '../../models/share';
import { useT } from '../i18n/useT';
import { formatAmount } from '../lobby/lobbyFormat';

/** Savings before and after the chosen preset; always labelled as a projection. */
export function SavingsCard({ savings }: { readonly savings: SavingsSummary | null }) {
  const t = useT();
  if (!savings) return <p>{t('show.step.savingsNone')}</p>;
  const saved = savings.beforeM3 - savings.afterM3;
  return (
    <div data-testid="show-savings">
      <p className="show-big">
        {t('show.step.savingsText', {
          scenario: t(`show.scenario.${savings.scenario}`),
          before: formatAmount(savings.beforeM3, 0),
          after: formatAmount(savings.afterM3, 0),
          saved: formatAmount(saved, 0),
        })}
      </p>
      {savings.savedYuanPerYear !== null && (
        <p>{t('show.step.savingsYuan', { yuan: formatAmount(savings.savedYuanPerYear, 0) })}</p>
      )}
      <p className="show-note">{t('show.step.projection')}</p>
    </div>
  );
}

/** The water saved as bathtubs, household days and bottles; estimates, labelled so. */
export function EquivalentsCard({ savings }: { readonly savings: SavingsSummary | null }) {
  const t = useT();
  if (!savings) return <p>{t('show.step.savingsNone')}</p>;
  return (
    <div data-testid="show-equivalents">
      <p>{t('show.step.equivalents')}</p>
      <ul className="show-equivalents">
        {savings.equivalents.map((e) => (
          <li key={e.kind} title={EQUIVALENTS[e.kind].source}>
            ≈ {t(`show.eq.${e.kind}`, { n: formatAmount(e.count, 0) })}
          </li>
        ))}
      </ul>
      <p className="show-note">{t('show.step.estimate')}</p>
    </div>
  );
}

/** The QR code to the public page, drawn by the `qrcode` package. */
export function QrCard({ url }: { readonly url: string | null }) {
  const t = useT();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    if (url === null) return;
    void QRCode.toString(url, { type: 'svg', margin: 1 }).then(setSvg);
  }, [url]);
  if (url === null) return <p>{t('show.step.qrNone')}</p>;
  return (
    <div data-testid="show-qr" data-url={url}>
      {svg && (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG the qrcode package drew
        <div className="show-qr" dangerouslySetInnerHTML={{ __html: svg }} />
      )}
    </div>
  );
}

/** The text of one step of the show. */
export function StepBody({ kind, view }: { readonly kind: ShowStepKind; readonly view: ShowView }) {
  const t = useT();
  switch (kind) {
    case 'building':
      return <p className="show-big">{t('show.step.buildingText')}</p>;
    case 'flows':
      return <p className="show-big">{t('show.step.flowsText')}</p>;
    case 'leak':
      return (
        <div data-testid="show-leak">
          <p className="show-badge">{t('show.step.leakBadge')}</p>
          <ol className="show-leak-steps">
            <li>{t('show.step.leakDetect')}</li>
            <li>{t('show.step.leakAlert')}</li>
            <li>{t('show.step.leakLocate')}</li>
          </ol>
        </div>
      );
    case 'savings':
      return <SavingsCard savings={view.savings} />;
    case 'equivalents':
      return <EquivalentsCard savings={view.savings} />;
    case 'qr':
      return <QrCard url={view.qrUrl} />;
  }
}
