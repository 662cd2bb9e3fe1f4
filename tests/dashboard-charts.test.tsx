// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { barSummary, ChartBars } from '@/components/ChartBars';
import { ChartTrend, trendSummary } from '@/components/ChartTrend';

afterEach(cleanup);

it('draws one bar per row, scaled to the largest, with a full text summary', () => {
  const { container } = render(
    <ChartBars
      title="Needs raised"
      rows={[
        { label: 'Money, debt and benefits', count: 10 },
        { label: 'Housing and homelessness', count: 5 },
        { label: 'Food and essentials', count: 0 },
      ]}
    />,
  );
  const chart = screen.getByRole('img');
  expect(chart.getAttribute('aria-label')).toBe(
    'Bar chart, Needs raised: Money, debt and benefits 10; Housing and homelessness 5; Food and essentials 0.',
  );
  const widths = [...container.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
  expect(widths[0]).toBeGreaterThan(0);
  expect(widths[1]).toBeCloseTo(widths[0] / 2);
  expect(widths[2]).toBe(0);
});

it('draws no bar for a suppressed count, so its length cannot give it away', () => {
  const { container } = render(
    <ChartBars
      title="Outcomes"
      rows={[
        { label: 'Signposted', count: 12, shown: '12' },
        { label: 'Declined', count: 3, shown: '<5' },
      ]}
    />,
  );
  const rects = container.querySelectorAll('rect');
  expect(rects[1].getAttribute('width')).toBe('0');
  expect(container.textContent).toContain('<5');
  expect(container.textContent).not.toMatch(/\b3\b/);
  expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Bar chart, Outcomes: Signposted 12; Declined <5.');
});

it.each([[[], 'Needs raised: none.']])('summarises an empty chart', (rows, text) => {
  expect(barSummary('Needs raised', rows)).toBe(text);
});

it('summarises the trend: total, busiest and empty days', () => {
  const points = [
    { label: '1 Mar', count: 2 },
    { label: '2 Mar', count: 0 },
    { label: '3 Mar', count: 5 },
  ];
  expect(trendSummary('day', points)).toBe(
    'Column chart of conversations per day, 3 days from 1 Mar to 3 Mar: 7 in total; busiest 3 Mar with 5; 1 day with none.',
  );
  const { container } = render(<ChartTrend unit="day" points={points} />);
  expect(container.querySelectorAll('rect')).toHaveLength(3);
  expect(screen.getByRole('img').getAttribute('aria-label')).toBe(trendSummary('day', points));
});

it('lists shown values in the trend summary when counts are suppressed', () => {
  expect(
    trendSummary('week', [
      { label: 'w/c 3 Mar', count: 7, shown: '7' },
      { label: 'w/c 10 Mar', count: 2, shown: '<5' },
    ]),
  ).toBe('Column chart of conversations per week, 2 weeks from w/c 3 Mar to w/c 10 Mar: w/c 3 Mar 7; w/c 10 Mar <5.');
});
