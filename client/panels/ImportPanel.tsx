import '../styles/import.css';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import type { ImportSummary } from '../../models/importSummary';
import { apiErrorKey } from '../i18n/apiErrors';
import { useT } from '../i18n/useT';
import { createLogger } from '../log';
import { ApiCallError } from '../net/api';
import {
  fetchImportPresets,
  IMPORT_FILE_LIMIT_BYTES,
  type ImportPreset,
  postImport,
} from '../net/importApi';
import { engineerStore, useEngineer } from '../state/engineerStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import { ImportResult } from './ImportResult';
import { importPanelStore, useImportPanel } from './importPanelState';
import { canImport, formatBytes, type Message, parseMappingText } from './importView';

const log = createLogger('import');
/** The select's value while the text box holds a mapping of the engineer's own. */
const CUSTOM = '';

/** 导入数据: the engineers' CSV upload page, with a dry run before anything is stored. */
export function ImportPanel() {
  const open = useImportPanel((s) => s.open);
  const engineer = useEngineer((s) => s.session === 'engineer');
  const timeZone = useLive((s) => s.site?.timeZone ?? null);

  // Signing out (or a lapsed session) closes the page.
  useEffect(() => {
    if (!engineer) importPanelStore.getState().setOpen(false);
  }, [engineer]);

  // Mounted only while open, so a closed page holds no file in memory.
  return open && engineer && timeZone ? <ImportPanelBody timeZone={timeZone} /> : null;
}

interface ChosenFile {
  readonly name: string;
  readonly sizeBytes: number;
  readonly text: string;
}

/** The last answer shown, and which input (file and mapping) it answered. */
interface Answer {
  readonly summary: ImportSummary;
  readonly dryRun: boolean;
  readonly inputVersion: number;
}

interface Failure extends Message {
  /** The server's own words, shown folded: field names and values an engineer can act on. */
  readonly detail?: string;
}

function ImportPanelBody({ timeZone }: { readonly timeZone: string }) {
  const t = useT();
  const presets = usePresets();
  const [file, setFile] = useState<ChosenFile | null>(null);
  // Until the engineer picks or types, the first shipped mapping is shown once it arrives.
  const [pickedPreset, setPickedPreset] = useState<string | null>(null);
  const [typedText, setTypedText] = useState<string | null>(null);
  const first = presets.list[0];
  const presetName = pickedPreset ?? first?.name ?? CUSTOM;
  const mappingText = typedText ?? (first ? formatMapping(first.mapping) : '');
  const [inputVersion, setInputVersion] = useState(0);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const alive = useRef(true);
  const fileToken = useRef(0);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const changed = () => {
    setInputVersion((v) => v + 1);
    setFailure(null);
  };

  const choosePreset = (name: string) => {
    const preset = presets.list.find((p) => p.name === name);
    setPickedPreset(name);
    setTypedText(preset ? formatMapping(preset.mapping) : mappingText);
    changed();
  };

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    // Cleared so that choosing the same file again (edited meanwhile) reads it again.
    event.target.value = '';
    const token = ++fileToken.current;
    setFile(null);
    changed();
    if (!chosen) return;
    if (chosen.size > IMPORT_FILE_LIMIT_BYTES) {
      setFailure({
        key: 'import.fileTooLarge',
        params: { size: formatBytes(chosen.size), limit: formatBytes(IMPORT_FILE_LIMIT_BYTES) },
      });
      return;
    }
    chosen
      .text()
      .then((text) => {
        // A file chosen after this one, read faster, has the last word.
        if (alive.current && token === fileToken.current) {
          setFile({ name: chosen.name, sizeBytes: chosen.size, text });
        }
      })
      .catch((err: unknown) => {
        log.warn('file unreadable', { file: chosen.name, message: String(err) });
        if (alive.current && token === fileToken.current) {
          setFailure({ key: 'import.fileUnreadable' });
        }
      });
  };

  const run = (dryRun: boolean) => {
    if (!file || busy) return;
    const parsed = parseMappingText(mappingText);
    if ('error' in parsed) {
      setFailure(parsed.error);
      return;
    }
    const version = inputVersion;
    setBusy(dryRun ? 'preview' : 'import');
    setFailure(null);
    postImport(parsed.mapping, file.text, dryRun)
      .then((summary) => {
        if (!alive.current) return;
        setAnswer({ summary, dryRun, inputVersion: version });
        if (!dryRun) engineerStore.getState().dataChanged();
      })
      .catch((err: unknown) => {
        const code = err instanceof ApiCallError ? err.code : 'network';
        log.warn('import failed', { dryRun, code, message: String(err) });
        if (code === 'unauthorized') engineerStore.getState().setEngineer(false);
        if (!alive.current) return;
        // A refused mapping or file leaves no preview to import from.
        if (dryRun) setAnswer(null);
        setFailure({
          key: apiErrorKey(code, 'import'),
          ...(code === 'bad_request' && err instanceof Error ? { detail: err.message } : {}),
        });
      })
      .finally(() => {
        if (alive.current) setBusy(null);
      });
  };

  const close = () => importPanelStore.getState().setOpen(false);
  const ready = file !== null && mappingText.trim() !== '';
  const importable = ready && canImport(answer, inputVersion, busy !== null);
  const stale = answer !== null && answer.inputVersion !== inputVersion;
  const state =
    busy ?? (failure ? 'error' : answer ? (answer.dryRun ? 'previewed' : 'imported') : 'idle');

  return (
    <section
      className="panel import-panel"
      role="dialog"
      aria-labelledby="import-title"
      data-testid={testIds.importPanel}
      data-state={state}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <header className="import-header">
        <div className="import-titles">
          <h2 className="panel-title" id="import-title">
            {t('import.title')}
          </h2>
          <div className="muted">{t('import.subtitle')}</div>
        </div>
        <button
          type="button"
          className="icon-button"
          data-testid={testIds.importClose}
          aria-label={t('import.close')}
          title={t('import.close')}
          onClick={close}
        >
          ×
        </button>
      </header>

      <div className="import-body">
        <div className="import-form">
          <span className="import-label">{t('import.file')}</span>
          <div className="import-file-row">
            {/* The browser's own file button speaks the browser's language: a label stands in. */}
            <input
              id={testIds.importFile}
              className="import-file-input"
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              data-testid={testIds.importFile}
              onChange={chooseFile}
            />
            <label className="chip import-file-button" htmlFor={testIds.importFile}>
              {t('import.chooseFile')}
            </label>
            <span className="muted import-file-info" data-testid={testIds.importFileInfo}>
              {file
                ? t('import.fileChosen', { name: file.name, size: formatBytes(file.sizeBytes) })
                : t('import.noFile')}
            </span>
          </div>
          <div className="muted">
            {t('import.fileHint', { limit: formatBytes(IMPORT_FILE_LIMIT_BYTES) })}
          </div>

          <label className="import-label" htmlFor={testIds.importPreset}>
            {t('import.preset')}
          </label>
          <select
            id={testIds.importPreset}
            className="import-select"
            data-testid={testIds.importPreset}
            value={presetName}
            onChange={(e) => choosePreset(e.target.value)}
          >
            {presets.list.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
            <option value={CUSTOM}>{t('import.presetCustom')}</option>
          </select>
          {presets.status !== 'ready' && (
            <div className="muted">
              {presets.status === 'loading' ? t('import.presetsLoading') : t('import.presetsError')}
            </div>
          )}

          <label className="import-label" htmlFor={testIds.importMapping}>
            {t('import.mappingJson')}
          </label>
          <textarea
            id={testIds.importMapping}
            className="import-mapping"
            spellCheck={false}
            data-testid={testIds.importMapping}
            value={mappingText}
            onChange={(e) => {
              setTypedText(e.target.value);
              setPickedPreset(CUSTOM);
              changed();
            }}
          />

          {failure && (
            <div className="form-error import-error" role="alert" data-testid={testIds.importError}>
              {t(failure.key, failure.params)}
              {failure.detail && (
                <details className="import-detail">
                  <summary>{t('import.errorDetail')}</summary>
                  <code>{failure.detail}</code>
                </details>
              )}
            </div>
          )}

          <div className="import-buttons">
            <button
              type="button"
              className="chip"
              disabled={!ready || busy !== null}
              data-testid={testIds.importPreview}
              onClick={() => run(true)}
            >
              {busy === 'preview' ? t('import.previewing') : t('import.preview')}
            </button>
            <button
              type="button"
              className="chip active"
              disabled={!importable}
              data-testid={testIds.importRun}
              onClick={() => run(false)}
            >
              {busy === 'import' ? t('import.running') : t('import.run')}
            </button>
          </div>
          <div className="muted">{t('import.needPreview')}</div>
        </div>

        <div className="import-results">
          {answer ? (
            <ImportResult
              summary={answer.summary}
              dryRun={answer.dryRun}
              stale={stale}
              timeZone={timeZone}
            />
          ) : (
            <p className="muted import-placeholder">{t('import.empty')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** A mapping as the text box shows it: the JSON indented by two spaces. */
function formatMapping(mapping: unknown): string {
  return JSON.stringify(mapping, null, 2);
}

interface Presets {
  readonly status: 'loading' | 'ready' | 'error';
  readonly list: readonly ImportPreset[];
}

/** The shipped mappings, fetched once per opening of the page. */
function usePresets(): Presets {
  const [presets, setPresets] = useState<Presets>({ status: 'loading', list: [] });
  useEffect(() => {
    const controller = new AbortController();
    fetchImportPresets(controller.signal)
      .then((answer) => setPresets({ status: 'ready', list: answer.presets }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        log.warn('presets request failed', { message: String(err) });
        setPresets({ status: 'error', list: [] });
      });
    return () => controller.abort();
  }, []);
  return presets;
}
