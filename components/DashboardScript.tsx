/** Script tab of the dashboard (edit and sign off). Placeholder until built. */
export function DashboardScript() {
  return <p>Script editing is not built yet.</p>;
}
