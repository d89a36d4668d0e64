import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api/problem';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { useDownloadEvaluationSheet, type SheetFormat } from '../api/evaluations';

const FORMATS: { format: SheetFormat; label: string }[] = [
  { format: 'xlsx', label: 'XLSX' },
  { format: 'csv', label: 'CSV' },
];

/** Buttons that download the 事業調書 of a plan and year as XLSX (A4 landscape) or CSV. */
export function SheetDownloadButtons({ plan, fiscalYear }: { plan: string; fiscalYear: number }) {
  const download = useDownloadEvaluationSheet();
  const busy = download.isPending ? download.variables?.format : undefined;
  return (
    <div className="sheet-download">
      <div className="actions" role="group" aria-label={`${formatFiscalYear(fiscalYear)}の事業調書をダウンロード`}>
        <span className="sheet-download__label">事業調書をダウンロード:</span>
        {FORMATS.map(({ format, label }) => (
          <Button
            key={format}
            variant="secondary"
            size="sm"
            disabled={download.isPending}
            aria-label={`${label} をダウンロード（${formatFiscalYear(fiscalYear)}）`}
            onClick={() => download.mutate({ plan, fiscalYear, format })}
          >
            {busy === format ? `${label}（準備中…）` : label}
          </Button>
        ))}
      </div>
      {download.isError && (
        <p className="field__error" role="alert">
          {errorMessage(download.error)}
        </p>
      )}
    </div>
  );
}
