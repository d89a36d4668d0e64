import { useNavigate } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { useSupportCategories } from '@/features/categories/api/support-categories';
import { RecipientPicker } from '@/features/recipients/components/recipient-picker';
import { IntakeForm } from '@/features/requests/components/intake-form';
import { SupportNav } from '../shell/support-nav';
import { useSupportAreaOptions } from './support-area-options';
import { RequireCoordinator } from './support-guard';

/** 新しい相談: find or register the recipient, then what they need and when. */
export function SupportRequestNewRoute() {
  return (
    <RequireCoordinator>
      <SupportRequestNewPage />
    </RequireCoordinator>
  );
}

function SupportRequestNewPage() {
  const navigate = useNavigate();
  const areaOptions = useSupportAreaOptions();
  const categories = useSupportCategories();
  return (
    <div className="stack">
      <PageHeading lead="要支援者を探すか新しく登録し、困りごと・日時・有償/無償を入力します。">新しい相談</PageHeading>
      <SupportNav canCoordinate />
      <IntakeForm
        categories={categories}
        recipientPicker={(choice) => <RecipientPicker {...choice} areaOptions={areaOptions} />}
        onCreated={(r) => navigate(links.supportRequest(r.id))}
      />
    </div>
  );
}
