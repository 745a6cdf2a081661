import { type FormEvent, useEffect, useState } from 'react';
import type { ScoredItem } from '../../models/scorecard';
import { formatFixed } from '../format/units';
import { apiErrorKey } from '../i18n/apiErrors';
import { localName } from '../i18n/index';
import { useT } from '../i18n/useT';
import { ApiCallError } from '../net/api';
import { fetchSession } from '../net/engineerApi';
import { SignInForm } from '../panels/SignInForm';
import { engineerStore, useEngineer } from '../state/engineerStore';
import { useUi } from '../state/uiStore';
import { testIds } from '../testIds';
import {
  complianceUrls,
  type Period,
  putScore,
  type ScorecardResponse,
  useJson,
} from './complianceApi';
import { StatusTag } from './IndicatorCards';

/** The inline form an engineer scores a manual item with. */
function ScoreForm({
  item,
  onDone,
}: {
  readonly item: ScoredItem;
  readonly onDone: (saved: boolean) => void;
}) {
  const t = useT();
  const [points, setPoints] = useState(String(item.entry?.points ?? ''));
  const [note, setNote] = useState(item.entry?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    putScore(item.id, { points: Number(points), note })
      .then(() => onDone(true))
      .catch((err: unknown) => {
        // The server names the field, the value and the rule; show the rule translated where
        // the code has a message, else the server's own words.
        const detail =
          err instanceof ApiCallError && err.code === 'bad_request'
            ? err.message
            : t(apiErrorKey(err instanceof ApiCallError ? err.code : '', 'action'));
        setError(t('cmp.score.refused', { detail }));
      });
  };
  return (
    <form className="cmp-score-form" onSubmit={submit}>
      <input
        type="number"
        min={0}
        max={item.points}
        step={0.5}
        value={points}
        onChange={(e) => setPoints(e.target.value)}
        aria-label={t('cmp.score.scored')}
        data-testid={testIds.complianceScorePoints}
      />
      <textarea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('cmp.score.note')}
        rows={2}
        data-testid={testIds.complianceScoreNote}
      />
      <button type="submit" className="chip active" data-testid={testIds.complianceScoreSave}>
        {t('cmp.score.save')}
      </button>
      <button type="button" className="chip" onClick={() => onDone(false)}>
        {t('cmp.score.cancel')}
      </button>
      {error && <div className="cmp-error">{error}</div>}
    </form>
  );
}

/** The self-assessment scorecard: measured items with evidence, entered items with notes. */
export function ScorecardSection({ period }: { readonly period: Period }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const session = useEngineer((s) => s.session);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const loaded = useJson<ScorecardResponse>(complianceUrls.scorecard(period), version);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal)
      .then((a) => engineerStore.getState().setEngineer(a.engineer))
      .catch(() => engineerStore.getState().setEngineer(false));
    return () => controller.abort();
  }, []);

  if (loaded.state !== 'ready') {
    return (
      <section className="cmp-section" id="cmp-score" data-testid={testIds.complianceScorecard}>
        <h2>{t('cmp.score.title')}</h2>
        <p className="cmp-muted">
          {loaded.state === 'loading'
            ? t('cmp.loading')
            : t('cmp.error', { message: loaded.message })}
        </p>
      </section>
    );
  }
  const card = loaded.data;
  const engineer = session === 'engineer';
  const rows = (section: 'technical' | 'management') =>
    card.items
      .filter((i) => i.section === section)
      .map((item) => (
        <tr key={item.id}>
          <td>{item.id}</td>
          <td>{localName(item.title, lang)}</td>
          <td className="cmp-rule">{localName(item.rule, lang)}</td>
          <td className="num">{item.points}</td>
          <td className="num">
            <b>{item.scored === null ? '—' : formatFixed(item.scored, 1)}</b>
          </td>
          <td>
            {item.auto !== undefined && (
              <>
                <span className="cmp-tag auto">{t('cmp.score.auto')}</span>{' '}
                {item.evidence && localName(item.evidence, lang)}
              </>
            )}
            {item.auto === undefined && item.entry && (
              <>
                {item.entry.note}
                <div className="cmp-muted">
                  {t('cmp.score.by', {
                    by: item.entry.by,
                    date: new Date(item.entry.atMs).toISOString().slice(0, 10),
                  })}
                </div>
              </>
            )}
            {item.auto === undefined && !item.entry && (
              <span className="cmp-tag pending">{t('cmp.score.pending')}</span>
            )}
            {item.auto === undefined && engineer && editing !== item.id && (
              <button
                type="button"
                className="chip no-print"
                data-testid={testIds.complianceScoreEdit(item.id)}
                onClick={() => setEditing(item.id)}
              >
                {t('cmp.score.enter')}
              </button>
            )}
            {editing === item.id && (
              <ScoreForm
                item={item}
                onDone={(saved) => {
                  setEditing(null);
                  if (saved) setVersion((v) => v + 1);
                }}
              />
            )}
          </td>
        </tr>
      ));
  const head = (
    <tr>
      <th>#</th>
      <th>{t('cmp.score.item')}</th>
      <th>{t('cmp.score.rule')}</th>
      <th className="num">{t('cmp.score.points')}</th>
      <th className="num">{t('cmp.score.scored')}</th>
      <th>{t('cmp.score.evidence')}</th>
    </tr>
  );
  return (
    <section
      className="cmp-section"
      id="cmp-score"
      data-testid={testIds.complianceScorecard}
      data-total={card.totalPoints}
    >
      <h2>
        {localName(card.template.name, lang)} <StatusTag status={card.template.status} />
      </h2>
      {card.template.isTemplate && (
        <p className="cmp-notice">{localName(card.template.notice, lang)}</p>
      )}
      <p className="cmp-score-total">
        <b>
          {t('cmp.score.total', {
            total: formatFixed(card.totalPoints, 1),
            max: card.maxPoints,
            bar: card.template.passPoints,
          })}
        </b>{' '}
        <span className={card.pass ? 'cmp-verdict ok' : 'cmp-verdict bad'}>
          {card.pass ? t('cmp.score.passed') : t('cmp.score.notPassed')}
        </span>{' '}
        {card.pending > 0 && (
          <span className="cmp-muted">{t('cmp.score.pendingCount', { n: card.pending })}</span>
        )}
      </p>
      {!engineer && (
        <div className="cmp-signin no-print">
          <span className="cmp-muted">{t('cmp.score.signIn')}</span>{' '}
          <button
            type="button"
            className="chip"
            disabled={session === 'unknown'}
            onClick={() => setSigningIn(!signingIn)}
          >
            {t('engineer.signIn')}
          </button>
          {signingIn && <SignInForm onClose={() => setSigningIn(false)} />}
        </div>
      )}
      <table className="cmp-table cmp-score">
        <thead>{head}</thead>
        <tbody>
          <tr className="cmp-subhead">
            <td colSpan={6}>{t('cmp.score.section.technical')}</td>
          </tr>
          {rows('technical')}
          <tr className="cmp-subhead">
            <td colSpan={6}>{t('cmp.score.section.management')}</td>
          </tr>
          {rows('management')}
        </tbody>
      </table>
      <p className="cmp-muted">{t('cmp.source', { source: card.template.source })}</p>
    </section>
  );
}
