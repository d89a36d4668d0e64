import { describe, expect, it } from 'vitest';
import { emptySurvey, kumamotoR6, kumamotoResponses, nationalR5 } from '@/testing/survey-fixtures';
import { deletionConsequences } from './survey-edit';

describe('deletionConsequences', () => {
  it('names the indicator actual a survey derives, and the surveys that compare with it', () => {
    expect(deletionConsequences(kumamotoR6, [kumamotoR6, nationalR5, kumamotoResponses])).toEqual([
      'このアンケートの得点帯の分布（公表値）が消えます。',
      'このアンケートから算出している指標「孤独感の程度が高い市民の割合」の令和5年度 (2023)の実績値（37.4%）も消えます。',
      '「熊本市 市民アンケート 個票（デモ用の架空データ）」は、このアンケートを比較の基準にしています。削除すると比較の基準なしになります。',
      'この操作は取り消せません。',
    ]);
  });

  it('counts the responses of a survey counted from them', () => {
    expect(deletionConsequences(kumamotoResponses, [kumamotoResponses])).toEqual([
      'このアンケートの個票（864人分）と、得点帯の分布・属性別の内訳がすべて消えます。',
      'この操作は取り消せません。',
    ]);
    expect(deletionConsequences(emptySurvey('RESPONSES'), [])[0]).toBe('このアンケートの個票と、得点帯の分布・属性別の内訳がすべて消えます。');
  });
});
