import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { ApiError, isStaleVersion, problemDetail } from '@/lib/api/problem';
import { usePutDistrictProfile, type DistrictProfile, type OfferedPayment } from '../api/district-profiles';
import { counselorsError, MAIN_SUPPORT_MAX, OUTCOMES_MAX, parseCounselors, PAYMENT_CHOICES } from '../profiles';

type Field = 'area' | 'counselors' | 'mainSupport' | 'payment' | 'outcomes';

export interface DistrictProfileFormProps {
  fiscalYear: number;
  /** The profile being changed; none: a new one for one of `districts`. */
  profile?: DistrictProfile;
  /** The districts a new profile may be written for (the caller's, without one for the year). */
  districts?: readonly { code: string; name: string }[];
  onSaved: (saved: DistrictProfile) => void;
  onCancel: () => void;
  /** Reads the profiles again after a refusal because someone saved first; the district the form was writing for. */
  onReload: (district: string) => void;
  reloading: boolean;
}

/**
 * 取り組み概要の編集 / 追加: 相談員, 主な生活支援, 有償・無償, 成果 (kept as typed: line breaks, ◎). A change is sent with
 * the version it was read at; when someone saved first (409, or a profile that now exists for a new one) the form
 * offers to read it again.
 */
export function DistrictProfileForm({ fiscalYear, profile, districts = [], onSaved, onCancel, onReload, reloading }: DistrictProfileFormProps) {
  const put = usePutDistrictProfile();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [area, setArea] = useState(profile?.area.code ?? (districts.length === 1 ? districts[0].code : ''));
  const [counselors, setCounselors] = useState(profile ? String(profile.counselors) : '');
  const [mainSupport, setMainSupport] = useState(profile?.mainSupport ?? '');
  const [payment, setPayment] = useState<OfferedPayment | ''>(profile?.payment ?? '');
  const [outcomes, setOutcomes] = useState(profile?.outcomes ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  // The form opens where the keyboard is: its heading takes the focus, the fields follow.
  useEffect(() => headingRef.current?.focus(), []);

  const error = put.error;
  const serverError = error instanceof ApiError ? error : undefined;
  // A new profile whose district got one meanwhile is refused on its missing version: the same as a stale one.
  const stale = isStaleVersion(error) || (!profile && serverError?.status === 400 && Boolean(serverError.fieldError('version')));
  const areaProblem = problemDetail(error, 'area-not-found') ?? problemDetail(error, 'not-a-district');
  const errorOf = (field: Field) =>
    errors[field] ?? serverError?.fieldError(field) ?? (field === 'area' && !profile ? areaProblem : undefined);
  const shownFields: Field[] = ['counselors', 'mainSupport', 'payment', 'outcomes'];

  const districtName = profile?.area.name ?? districts.find((d) => d.code === area)?.name;
  const title = profile ? `「${profile.area.name}」の取り組み概要を編集` : '取り組み概要を追加';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    put.reset();
    const found: Partial<Record<Field, string>> = {
      area: area ? undefined : '校区を選んでください',
      counselors: counselorsError(counselors),
      mainSupport: mainSupport.length > MAIN_SUPPORT_MAX ? `${MAIN_SUPPORT_MAX}文字以内で入力してください` : undefined,
      outcomes: outcomes.length > OUTCOMES_MAX ? `${OUTCOMES_MAX}文字以内で入力してください` : undefined,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    try {
      const saved = await put.mutateAsync({
        area,
        fiscalYear,
        body: {
          counselors: parseCounselors(counselors),
          mainSupport: mainSupport.trim() || null,
          payment: payment || null,
          outcomes: outcomes.trim() ? outcomes : null,
          ...(profile ? { version: profile.version } : {}),
        },
      });
      onSaved(saved);
    } catch {
      // shown at the fields and below
    }
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <p className="muted">
        {formatFiscalYear(fiscalYear)}
        {profile ? '' : districtName ? `・${districtName}` : ''}
      </p>
      {!profile && districts.length > 1 && (
        <SelectField
          label="校区"
          required
          value={area}
          placeholder="選んでください"
          options={districts.map((d) => ({ value: d.code, label: d.name }))}
          onChange={(e) => setArea(e.target.value)}
          error={errorOf('area')}
        />
      )}
      <div className="row">
        <TextField
          label="相談員（人数）"
          required
          hint="地域生活支援相談員の人数（0〜999）"
          inputMode="numeric"
          autoComplete="off"
          value={counselors}
          onChange={(e) => setCounselors(e.target.value)}
          error={errorOf('counselors')}
        />
        <SelectField
          label="有償・無償"
          hint="校区の生活支援が有償か無償か（決まっていなければ未定）"
          value={payment}
          options={PAYMENT_CHOICES}
          onChange={(e) => setPayment(e.target.value as OfferedPayment | '')}
          error={errorOf('payment')}
        />
      </div>
      <TextField
        label="主な生活支援"
        hint="例: ゴミ出し、掃除、買い物、通院同行 他"
        maxLength={MAIN_SUPPORT_MAX}
        value={mainSupport}
        onChange={(e) => setMainSupport(e.target.value)}
        error={errorOf('mainSupport')}
      />
      <TextAreaField
        label="成果"
        hint="報告に書かれたとおりに表示します（改行や◎もそのまま）"
        rows={5}
        maxLength={OUTCOMES_MAX}
        value={outcomes}
        onChange={(e) => setOutcomes(e.target.value)}
        error={errorOf('outcomes')}
      />
      <div aria-live="polite">
        {stale ? (
          <StaleVersionAlert onReload={() => onReload(area)} reloading={reloading} />
        ) : (
          <ProblemAlert error={error} shownFields={shownFields} />
        )}
      </div>
      <FormActions submitLabel={put.isPending ? '保存しています…' : profile ? '変更を保存' : '追加する'} pending={put.isPending} onCancel={onCancel} lockCancel />
    </form>
  );
}
