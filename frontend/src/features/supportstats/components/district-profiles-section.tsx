import { useId, useRef, useState } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatNumber } from '@/lib/format';
import { useDistrictProfiles, type DistrictProfile } from '../api/district-profiles';
import { paymentMark } from '../profiles';
import { DistrictProfileForm } from './district-profile-form';
import '../supportstats.css';

export interface DistrictProfilesSectionProps {
  /** The area the page shows: a district, or a ward or the city (then every district under it). */
  area: string;
  fiscalYear: number;
  /** Whether the caller may write this district's profile (ADMIN: any; COORDINATOR: their own). */
  canEdit: (district: string) => boolean;
  /** The districts under the area the caller may write a profile for (those without one for the year are offered). */
  districts: readonly { code: string; name: string }[];
}

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; code: string };

/**
 * 校区の取り組み概要 of the districts in the area for the year, as the 実践地区 report lists them: 校区, 相談員,
 * 主な生活支援, 《有償》/《無償》, 成果 (as written). Those who may write a district's profile change it here, or add
 * the year's for a district that has none.
 */
export function DistrictProfilesSection({ area, fiscalYear, canEdit, districts }: DistrictProfilesSectionProps) {
  const profiles = useDistrictProfiles(area, fiscalYear);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string>();
  // Moved on once the profiles have been read again after a refusal, so the form starts afresh from them.
  const [generation, setGeneration] = useState(0);
  const [reloading, setReloading] = useState(false);

  const list = profiles.data?.items ?? [];
  const missing = districts.filter((d) => !list.some((p) => p.area.code === d.code));
  const editable = list.some((p) => canEdit(p.area.code));
  const editing = mode.kind === 'edit' ? list.find((p) => p.area.code === mode.code) : undefined;

  const open = (next: Mode) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setNotice(undefined);
    setMode(next);
  };
  const close = (message?: string) => {
    setNotice(message);
    setMode({ kind: 'list' });
    // Back to the button that opened the form (the add button is drawn anew when the form closes), or, when it is
    // gone (the last district got its profile), the heading.
    const wasCreate = mode.kind === 'create';
    requestAnimationFrame(() => {
      const back = opener.current?.isConnected ? opener.current : wasCreate ? addRef.current : null;
      (back ?? headingRef.current)?.focus();
    });
  };
  const reload = async (district: string) => {
    setReloading(true);
    try {
      const fresh = await profiles.refetch();
      // A new profile that someone else wrote first: carry on by changing theirs.
      if (mode.kind === 'create' && fresh.data?.items.some((p) => p.area.code === district)) setMode({ kind: 'edit', code: district });
    } finally {
      setReloading(false);
      setGeneration((g) => g + 1);
    }
  };

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        校区の取り組み概要
      </h2>
      <p className="muted">{formatFiscalYear(fiscalYear)}の地域生活支援相談員・主な生活支援・有償か無償か・成果です（報告に書かれたとおり）。</p>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      {profiles.isPending ? (
        <Loading label="取り組み概要を読み込んでいます…" />
      ) : profiles.isError ? (
        <ProblemAlert error={profiles.error} />
      ) : list.length === 0 ? (
        <p className="empty">この年度の取り組み概要はまだありません。</p>
      ) : (
        <ProfilesTable profiles={list} canEdit={canEdit} editable={editable} onEdit={(p) => open({ kind: 'edit', code: p.area.code })} />
      )}
      {profiles.isSuccess && mode.kind === 'list' && missing.length > 0 && (
        <div>
          <Button ref={addRef} variant="secondary" onClick={() => open({ kind: 'create' })}>
            {missing.length === 1 ? `「${missing[0].name}」の取り組み概要を追加` : '取り組み概要を追加'}
          </Button>
        </div>
      )}
      {mode.kind === 'edit' && editing && (
        <DistrictProfileForm
          key={`edit:${editing.area.code}:${generation}`}
          fiscalYear={fiscalYear}
          profile={editing}
          onSaved={(saved) => close(`「${saved.area.name}」の取り組み概要を保存しました。`)}
          onCancel={() => close()}
          onReload={(d) => void reload(d)}
          reloading={reloading}
        />
      )}
      {mode.kind === 'create' && (
        <DistrictProfileForm
          key={`create:${generation}`}
          fiscalYear={fiscalYear}
          districts={missing}
          onSaved={(saved) => close(`「${saved.area.name}」の取り組み概要を追加しました。`)}
          onCancel={() => close()}
          onReload={(d) => void reload(d)}
          reloading={reloading}
        />
      )}
    </section>
  );
}

function ProfilesTable({
  profiles,
  canEdit,
  editable,
  onEdit,
}: {
  profiles: readonly DistrictProfile[];
  canEdit: (district: string) => boolean;
  editable: boolean;
  onEdit: (p: DistrictProfile) => void;
}) {
  const caption = `校区の取り組み概要（${profiles.length}校区）`;
  // Without a button in it, the wrap itself takes the keyboard so a narrow screen can scroll it (see .table-wrap).
  const scrollable = editable ? {} : { role: 'region', 'aria-label': caption, tabIndex: 0 };
  return (
    <div className="table-wrap" {...scrollable}>
      <table className="table district-profiles">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">校(地)区</th>
            <th scope="col">相談員</th>
            <th scope="col">主な生活支援</th>
            <th scope="col">有償・無償</th>
            <th scope="col">成果</th>
            {editable && <th scope="col">操作</th>}
          </tr>
        </thead>
        <tbody>
          {profiles.map((p) => (
            <tr key={p.area.code} data-testid="district-profile">
              <th scope="row">{p.area.name}</th>
              <td className="nowrap">{formatNumber(p.counselors)}名</td>
              <td className="profile-text">{p.mainSupport ?? '—'}</td>
              <td className="nowrap">{paymentMark(p.payment)}</td>
              <td className="profile-text profile-outcomes">{p.outcomes ?? '—'}</td>
              {editable && (
                <td className="table__actions">
                  {canEdit(p.area.code) && (
                    <Button size="sm" variant="secondary" onClick={() => onEdit(p)} aria-label={`「${p.area.name}」の取り組み概要を編集`}>
                      編集
                    </Button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
