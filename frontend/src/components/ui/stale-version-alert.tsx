import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CONFLICT_MESSAGE } from '@/lib/api/problem';

/**
 * Someone saved the record after this form was filled: saving again would only be refused, so offer to read the
 * record afresh (the form is filled again from it; what was typed here has to be entered again).
 */
export function StaleVersionAlert({
  onReload,
  reloading = false,
  message = CONFLICT_MESSAGE,
}: {
  onReload: () => void;
  reloading?: boolean;
  message?: string;
}) {
  return (
    <Alert kind="error">
      <p>{message}</p>
      <Button variant="secondary" size="sm" onClick={onReload} disabled={reloading}>
        {reloading ? '読み込んでいます…' : '再読み込み'}
      </Button>
    </Alert>
  );
}
