import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useSchoolDistricts, type Area } from '@/features/areas/api/get-school-districts';
import { SchoolDistrictPicker } from '@/features/areas/components/school-district-picker';
import { useRouteConsultation } from '@/features/directory/api/route-consultation';
import { CATEGORY_OPTIONS, isWindowCategory, type WindowCategory } from '@/features/directory/category';
import { RouteResults } from '@/features/directory/components/route-results';

/** 相談先検索: which window to call for a school district and a kind of consultation. */
export function DirectoryRoute() {
  const districts = useSchoolDistricts();
  const [area, setArea] = useState<Area | null>(null);
  const [category, setCategory] = useState<WindowCategory | null>(null);
  const route = useRouteConsultation(area?.code ?? null, category);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (area && category) void route.refetch();
  };

  return (
    <div className="stack">
      <PageHeading lead="校区と相談の種類を選ぶと、担当する相談窓口の電話番号・FAX番号を表示します。">相談先検索</PageHeading>
      {districts.isPending ? (
        <Loading label="校区を読み込んでいます…" />
      ) : districts.isError ? (
        <ProblemAlert error={districts.error} />
      ) : (
        <form className="search-form" onSubmit={submit} role="search" aria-label="相談先の検索">
          <SchoolDistrictPicker districts={districts.data} value={area} onChange={setArea} />
          <SelectField
            label="相談の種類"
            value={category ?? ''}
            placeholder="選択してください"
            options={CATEGORY_OPTIONS}
            onChange={(e) => setCategory(isWindowCategory(e.target.value) ? e.target.value : null)}
          />
          <div className="search-form__actions">
            <Button type="submit" disabled={!area || !category}>
              検索
            </Button>
          </div>
        </form>
      )}
      {area && category ? (
        <RouteResults data={route.data} error={route.error} isLoading={route.isPending} />
      ) : (
        <p className="muted">校区と相談の種類を選んでください。</p>
      )}
    </div>
  );
}
