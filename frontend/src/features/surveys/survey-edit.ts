import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatNumber } from '@/lib/format';
import type { Survey } from './api/surveys';
import { formatPercent } from './bands';

/** What deleting a survey takes with it, sentence by sentence, for the confirmation. */
export function deletionConsequences(survey: Survey, all: readonly Survey[]): string[] {
  const lines = [
    survey.dataSource === 'RESPONSES'
      ? `このアンケートの個票${survey.respondents ? `（${formatNumber(survey.respondents)}人分）` : ''}と、得点帯の分布・属性別の内訳がすべて消えます。`
      : 'このアンケートの得点帯の分布（公表値）が消えます。',
  ];
  if (survey.feeds) {
    const value = survey.feeds.value === null ? '' : `（${formatPercent(survey.feeds.value)}）`;
    lines.push(
      `このアンケートから算出している指標「${survey.feeds.indicatorName}」の${formatFiscalYear(survey.fiscalYear)}の実績値${value}も消えます。`,
    );
  }
  const referring = all.filter((s) => s.code !== survey.code && s.referenceCode === survey.code);
  if (referring.length > 0) {
    const names = referring.map((s) => `「${s.title}」`).join('、');
    lines.push(`${names}は、このアンケートを比較の基準にしています。削除すると比較の基準なしになります。`);
  }
  lines.push('この操作は取り消せません。');
  return lines;
}
