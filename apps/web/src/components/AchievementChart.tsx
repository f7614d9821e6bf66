import { useApp } from '../lib/app-context';
import { formatNumber } from '../lib/format';

export interface ChartRow {
  code: string;
  name: string;
  value: number;
  target?: number;
}

/**
 * Achievement against target as horizontal SVG bars (0–100%), hand-written to avoid a chart
 * dependency. Each bar sits in a table row next to its name and numbers, so the table is what
 * assistive technology reads and the bar (aria-hidden) is the picture for the eye.
 */
export function AchievementChart({ rows, caption }: { rows: ChartRow[]; caption: string }) {
  const { t, locale } = useApp();
  const clamp = (v: number) => Math.max(0, Math.min(100, v));
  return (
    <table className="table chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('indicatorName')}</th>
          <th scope="col">{t('achievementVsTarget')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const met = row.target === undefined || row.value >= row.target;
          return (
            <tr key={row.code}>
              <th scope="row" className="chart-label">
                <span className="muted">{row.code}</span> {row.name}
              </th>
              <td className="chart-cell">
                <svg
                  viewBox="0 0 100 12"
                  preserveAspectRatio="none"
                  className="chart-svg"
                  aria-hidden="true"
                  focusable="false"
                >
                  <rect x={0} y={2} width={100} height={8} className="chart-track" />
                  <rect
                    x={0}
                    y={2}
                    width={clamp(row.value)}
                    height={8}
                    className={met ? 'chart-bar' : 'chart-bar-low'}
                  />
                  {row.target !== undefined && (
                    <rect x={clamp(row.target) - 0.6} y={0} width={1.2} height={12} className="chart-target" />
                  )}
                </svg>
                <span>
                  {formatNumber(locale, row.value)}%
                  {row.target !== undefined && (
                    <span className="muted"> · {t('targetValue', { value: formatNumber(locale, row.target) })}</span>
                  )}
                  {!met && <span className="sr-only"> ({t('belowTarget')})</span>}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
