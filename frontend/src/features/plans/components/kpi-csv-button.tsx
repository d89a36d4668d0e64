import { Button } from '@/components/ui/button';
import { saveBlob } from '@/lib/download';
import type { KpiSummary } from '../api/kpis';
import { kpiCsv, kpiCsvFileName } from '../kpi-csv';

/** CSV ダウンロード of the counts and the rows the dashboard shows for its year (built in the browser: kpi-csv.ts says why). */
export function KpiCsvButton({ planCode, planTitle, summary }: { planCode: string; planTitle: string; summary: KpiSummary }) {
  return (
    <Button
      variant="secondary"
      className="toolbar__link"
      onClick={() =>
        saveBlob(new Blob([kpiCsv(planTitle, summary)], { type: 'text/csv;charset=utf-8' }), kpiCsvFileName(planCode, summary.fiscalYear))
      }
    >
      CSV ダウンロード
    </Button>
  );
}
