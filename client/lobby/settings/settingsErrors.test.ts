import { describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../../i18n/index';
import { ApiCallError } from '../../net/api';
import { settingsErrorText } from './settingsErrors';

const zh = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('zh', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('en', key, params);

const refused = (path: string, value: unknown) =>
  new ApiCallError(400, 'bad_request', `${path}: ${JSON.stringify(value)} — a rule`, [
    { path, value, rule: 'a rule' },
  ]);

describe('settingsErrorText', () => {
  it('names the field, the line and the value of a refused list item', () => {
    const err = refused('body.tour[2].seconds', 'abc');
    expect(settingsErrorText(err, zh)).toBe(
      '未保存：巡游路线第 3 行的 “abc” 不符合要求，已保存的设置没有改动',
    );
    expect(settingsErrorText(err, en)).toBe(
      'Not saved: “abc” on line 3 of the tour is not accepted; the saved settings are unchanged',
    );
  });

  it('names a single-value field without a line', () => {
    const err = refused('body.knownUnmeteredM3PerMonth', -5);
    expect(settingsErrorText(err, zh)).toBe(
      '未保存：已知未计量用水中的 “-5” 不符合要求，已保存的设置没有改动',
    );
  });

  it('says a lapsed session in words, not the server message', () => {
    const err = new ApiCallError(401, 'unauthorized', 'sign in first');
    expect(settingsErrorText(err, zh)).toBe('未保存：登录已失效，请重新登录');
  });
});
