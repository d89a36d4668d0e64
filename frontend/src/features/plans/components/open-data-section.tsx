import { useRef, useState } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatJapanDateTime } from '@/lib/format';
import { usePublishPlan, type Plan } from '../api/plans';

/**
 * オープンデータ: whether the plan's indicators and yearly figures are published (served without credentials under
 * /open-data/v1), with the dataset's addresses; planners and administrators publish or stop publishing.
 */
export function OpenDataSection({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const publish = usePublishPlan(plan.code);
  const [done, setDone] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const base = `/open-data/v1/plans/${encodeURIComponent(plan.code)}`;
  const published = plan.publishedAt !== null;

  const toggle = () => {
    setDone(null);
    publish.mutate(!published, {
      onSuccess: (p) => {
        setDone(p.publishedAt ? 'オープンデータとして公開しました。' : '公開をやめました。');
        setTimeout(() => status.current?.focus());
      },
    });
  };

  return (
    <section className="stack" aria-labelledby="open-data-heading">
      <h2 id="open-data-heading">オープンデータ</h2>
      <p ref={status} tabIndex={-1}>
        {published
          ? `公開中（${formatJapanDateTime(plan.publishedAt)} から）。指標と年度ごとの値を、だれでも認証なしで取得できます。`
          : '公開していません。公開すると、指標と年度ごとの値（個人の情報やアンケートの内訳は含みません）を CSV で提供します。'}
      </p>
      {published && (
        <ul>
          <li>
            <a href={`${base}/indicators.csv`}>指標と年度ごとの値（CSV、UTF-8）</a>
          </li>
          <li>
            <a href={`${base}/dataset.json`}>データセットの説明（DCAT、CC BY 4.0）</a>
          </li>
          <li>
            <a href={`${base}/schema.json`}>列の定義（Table Schema）</a>
          </li>
        </ul>
      )}
      {done && <Alert kind="success">{done}</Alert>}
      {publish.isError && <ProblemAlert error={publish.error} />}
      {canEdit && (
        <div className="actions">
          <Button variant={published ? 'secondary' : 'primary'} onClick={toggle} disabled={publish.isPending}>
            {published ? '公開をやめる' : 'オープンデータとして公開する'}
          </Button>
        </div>
      )}
    </section>
  );
}
