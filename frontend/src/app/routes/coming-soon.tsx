import { PageHeading } from '@/components/ui/page-heading';

export function ComingSoonRoute({ title }: { title: string }) {
  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <p>準備中</p>
      <p className="muted">この機能は現在準備中です。公開までしばらくお待ちください。</p>
    </div>
  );
}
