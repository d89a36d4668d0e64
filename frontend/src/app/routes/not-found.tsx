import { Link } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  return (
    <div className="stack">
      <PageHeading>ページが見つかりません</PageHeading>
      <p>
        お探しのページは移動または削除された可能性があります。<Link to={paths.directory}>相談先検索へ戻る</Link>
      </p>
    </div>
  );
}
