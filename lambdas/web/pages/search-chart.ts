// The chart at the top of the cases page, as inline SVG: no script, no style attribute (the CSP
// allows neither), colours as SVG presentation attributes, text in the page's own colour.
// core/record counts; this only draws.
import { type SearchChart, SERIES, type SeriesKey } from '../../core/record/index.ts';
import { esc } from './layout.ts';

/** Each series' colour: mid tones that read on the light and the dark page alike. */
const FILL: Record<SeriesKey, string> = {
  application: '#7fa7dc',
  test: '#e0a43c',
  interview: '#c0577b',
  unstated: '#98a1b0',
  sent: '#3f9e62',
  'follow-ups': '#9ccfa9',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const W = 360;
const H = 196;
const PLOT = { left: 26, right: W - 4, top: 8, bottom: 158 };

function periodName(start: string, period: SearchChart['period']): { label: string; full: string } {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  const name = MONTHS[month - 1]!;
  return period === 'month'
    ? { label: name, full: `${name} ${year}` }
    : { label: `${day} ${name}`, full: `the week of ${day} ${name} ${year}` };
}

/** Every bar's series, in the order SERIES lists them: the rejections' stack, then the letters. */
const BARS = [...new Set(SERIES.map((s) => s.bar))];

/** The chart, its legend with totals, and a sentence saying what it shows; '' when there is nothing to draw. */
export function searchChartSection(chart: SearchChart | null): string {
  if (!chart) return '';
  const n = chart.periods.length;
  const highest = Math.max(
    1,
    ...chart.periods.flatMap((p) =>
      BARS.map((bar) => SERIES.filter((s) => s.bar === bar).reduce((sum, s) => sum + p.counts[s.key], 0)),
    ),
  );
  // Whole numbers on the axis: the top, and its half when that is whole.
  const top = highest <= 4 ? highest : Math.ceil(highest / 2) * 2;
  const ticks = top % 2 === 0 && top > 1 ? [0, top / 2, top] : [0, top];
  const y = (v: number) => PLOT.bottom - (v / top) * (PLOT.bottom - PLOT.top);
  const slot = (PLOT.right - PLOT.left) / n;
  const barWidth = (slot * 0.8) / BARS.length;

  const grid = ticks
    .map(
      (t) =>
        `<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="currentColor" stroke-opacity="0.2"/><text x="${PLOT.left - 4}" y="${(y(t) + 3).toFixed(1)}" font-size="10" text-anchor="end" fill="currentColor">${t}</text>`,
    )
    .join('');
  const bars = chart.periods
    .map((p, i) => {
      const { label, full } = periodName(p.start, chart.period);
      const x0 = PLOT.left + i * slot + slot * 0.1;
      const rects = BARS.map((bar, b) => {
        let base = 0;
        return SERIES.filter((s) => s.bar === bar && p.counts[s.key] > 0)
          .map((s) => {
            const count = p.counts[s.key];
            const rect = `<rect x="${(x0 + b * barWidth).toFixed(1)}" y="${y(base + count).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${(y(base) - y(base + count)).toFixed(1)}" fill="${FILL[s.key]}" data-series="${s.key}"><title>${esc(`${full}: ${count} ${s.label}`)}</title></rect>`;
            base += count;
            return rect;
          })
          .join('');
      }).join('');
      const mid = (PLOT.left + (i + 0.5) * slot).toFixed(1);
      // The year under the first month and every January, so months of two years do not run together.
      const [year, month] = p.start.split('-');
      const yearLine =
        chart.period === 'month' && (i === 0 || month === '01')
          ? `<text x="${mid}" y="${PLOT.bottom + 26}" font-size="9" text-anchor="middle" fill="currentColor" fill-opacity="0.7">${year}</text>`
          : '';
      return `<g>${rects}<text x="${mid}" y="${PLOT.bottom + 14}" font-size="${chart.period === 'week' ? 8 : 10}" text-anchor="middle" fill="currentColor">${esc(label)}</text>${yearLine}</g>`;
    })
    .join('');

  const span = `the last ${n} ${chart.period === 'month' ? 'months' : 'weeks'}`;
  const rejections = SERIES.filter((s) => s.bar === 'rejections').reduce((sum, s) => sum + chart.totals[s.key], 0);
  const summary = `In ${span}: ${rejections} ${rejections === 1 ? 'rejection' : 'rejections'} (${SERIES.filter(
    (s) => s.bar === 'rejections',
  )
    .map((s) => `${chart.totals[s.key]} ${s.label.replace(/^rejected,? ?/, '')}`)
    .join(', ')}), ${chart.totals.sent} ${chart.totals.sent === 1 ? 'letter' : 'letters'} sent${
    chart.totals['follow-ups']
      ? `, ${chart.totals['follow-ups']} follow-up${chart.totals['follow-ups'] === 1 ? '' : 's'}`
      : ''
  }.`;
  const legend = SERIES.map(
    (s) =>
      `<li><svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="${FILL[s.key]}"/></svg> ${esc(s.label)} <strong>${chart.totals[s.key]}</strong></li>`,
  ).join('');
  return `<section class="chart" aria-labelledby="chart-title"><h2 id="chart-title">Your search, by ${chart.period}</h2>
<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc"><desc id="chart-desc">${esc(summary)}</desc>${grid}${bars}</svg>
<ul class="legend">${legend}</ul><p class="muted">${esc(summary)} Each ${chart.period}, the left bar stacks the rejections by how far you got; the right bar stacks the letters and follow-ups you sent.</p></section>`;
}
