/** Settings tab of the dashboard. Placeholder until built. */
export function DashboardSettings() {
  return <p>Settings are not built yet.</p>;
}
