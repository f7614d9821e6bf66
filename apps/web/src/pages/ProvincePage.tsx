import { NotAvailable, PageHeading, ResourceView, WorkStatusBadge, type WorkStatus } from '../components/ui';
import { useApp } from '../lib/app-context';
import { Link } from '../lib/router';
import { useResource } from '../lib/use-resource';

interface Region {
  code: string;
  name: string;
  level: string;
}

interface ProvinceOverview {
  province: { code: string; name: string };
  year: number;
  regencies: {
    code: string;
    name: string;
    hasCycle: boolean;
    actions: { code: string; number: number; status: WorkStatus; progress: { percent: number } }[];
    lateStages: number;
    semesterReports: { semester: number; status: string }[];
  }[];
}

/**
 * The province viewer's screen: the province's regencies side by side (the overview endpoint of
 * the status work), each linking to its dashboard; without that endpoint, the plain list.
 */
export function ProvincePage() {
  const { t, user } = useApp();
  const regions = useResource<Region[]>('/api/v1/regions');
  const provinceCode = user?.provinceCode ?? regions.data?.find((r) => r.level === 'province')?.code ?? null;
  const overview = useResource<ProvinceOverview>(
    provinceCode ? `/api/v1/provinces/${encodeURIComponent(provinceCode)}/overview` : null,
  );

  return (
    <>
      <PageHeading>{overview.data ? overview.data.province.name : t('provinceTitle')}</PageHeading>
      {overview.data ? (
        <>
          <p className="muted">{t('cycleYear', { year: overview.data.year })}</p>
          <ul className="cards" data-testid="province-regencies">
            {overview.data.regencies.map((r) => (
              <li key={r.code} className="card">
                <h2 className="card-title">
                  <Link href={`/dasbor/${r.code}?tahun=${overview.data!.year}`}>{r.name}</Link>
                </h2>
                {!r.hasCycle ? (
                  <p className="muted">{t('noCycle')}</p>
                ) : (
                  <>
                    <ol className="action-chips">
                      {r.actions.map((a) => (
                        <li key={a.code}>
                          <span className="small">{t('actionNumber', { n: a.number })}</span>{' '}
                          <WorkStatusBadge status={a.status} />
                        </li>
                      ))}
                    </ol>
                    <p className="small">
                      {t('lateStagesCount', { n: r.lateStages })} ·{' '}
                      {r.semesterReports
                        .map((s) => `${t('semesterN', { n: s.semester })}: ${reportStatusText(t, s.status)}`)
                        .join(' · ')}
                    </p>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : overview.missing || !provinceCode ? (
        <>
          {provinceCode && <NotAvailable what={t('provinceOverview')} />}
          <ResourceView resource={regions} what={t('provinceTitle')}>
            {(data) => (
              <ul className="cards">
                {data
                  .filter((r) => r.level === 'regency')
                  .map((r) => (
                    <li key={r.code} className="card">
                      <Link href={`/dasbor/${r.code}`}>{r.name}</Link> <span className="muted">{r.code}</span>
                    </li>
                  ))}
              </ul>
            )}
          </ResourceView>
        </>
      ) : (
        <ResourceView resource={overview} what={t('provinceOverview')}>
          {() => null}
        </ResourceView>
      )}
    </>
  );
}

function reportStatusText(t: ReturnType<typeof useApp>['t'], status: string): string {
  if (status === 'not_compiled') return t('reportNotCompiledShort');
  if (status === 'ready') return t('reportReady');
  return status;
}
